/** The tracker as a report (one block of actions, one of problems), so XLSX/PDF/HTML export reuse the report renderers. */
import type { RenderedReport } from '../reports/table.js';
import { stageNames, type Action, type Problem } from './schema.js';
import { isOverdue } from './workflow.js';

export function actionsReport(actions: readonly Action[], problems: readonly Problem[], today: string, now = new Date()): RenderedReport {
  const t = (zh: string, en: string) => ({ zh, en });
  return {
    id: 'actions', title: t('行动跟踪', 'Action tracker'), period: { from: today, to: today }, generatedAt: now,
    blocks: [
      {
        title: t('行动项', 'Actions'),
        columns: [
          { key: 'id', label: t('编号', 'ID'), kind: 'text' }, { key: 'title', label: t('行动', 'Action'), kind: 'text' },
          { key: 'stage', label: t('阶段', 'Stage'), kind: 'text' }, { key: 'owner', label: t('负责人', 'Owner'), kind: 'text' },
          { key: 'due', label: t('截止日', 'Due'), kind: 'day' }, { key: 'overdue', label: t('逾期', 'Overdue'), kind: 'text' },
          { key: 'metric', label: t('目标指标', 'Metric'), kind: 'text' }, { key: 'expected', label: t('预期', 'Expected'), kind: 'text' },
          { key: 'started', label: t('开始日', 'Started'), kind: 'day' }, { key: 'checked', label: t('检查日', 'Checked'), kind: 'day' },
        ],
        rows: actions.map((a) => ({
          id: a.id, title: a.title, stage: `${stageNames[a.stage].zh} / ${stageNames[a.stage].en}`, owner: a.owner, due: a.due,
          overdue: isOverdue(a, today) ? '是 / yes' : '', metric: a.target.metric,
          expected: `${a.expected.direction === 'up' ? '↑' : '↓'}${a.expected.percent !== undefined ? ` ${a.expected.percent}%` : ''}`,
          started: a.startedDay ?? null, checked: a.checkedDay ?? null,
        })),
      },
      {
        title: t('问题池', 'Problem pool'),
        columns: [{ key: 'id', label: t('编号', 'ID'), kind: 'text' }, { key: 'title', label: t('问题', 'Problem'), kind: 'text' }, { key: 'status', label: t('状态', 'Status'), kind: 'text' }],
        rows: problems.map((p) => ({ id: p.id, title: p.title, status: p.status })),
      },
    ],
  };
}
