import type { SourceFormat } from '../types.js';
import { columns, required, signature } from './columns.js';
import { normalize } from './normalize.js';

export const liveReport: SourceFormat<typeof columns> = {
  id: 'live-report',
  names: { zh: '直播场次数据', en: 'Live-stream sessions' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一场直播', en: 'one row per live stream' },
  columns, required, signature, normalize,
};
