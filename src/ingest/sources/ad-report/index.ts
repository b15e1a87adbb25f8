import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const adReport: SourceFormat<typeof columns> = {
  id: 'ad-report',
  names: { zh: '推广报表(日)', en: 'Daily ad report' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一天 × 渠道 × 计划', en: 'one row per day, channel and campaign' },
  columns, required, signature, normalize,
};
