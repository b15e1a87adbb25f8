import { Button, Card, Statistic } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { Cell } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatValue, relChange } from '../lib/format';
import { HoverTip } from './hover-tip';

function Delta({ label, cur, prev, lowerIsBetter }: { label: string; cur: Cell; prev: Cell; lowerIsBetter: boolean }) {
  const r = relChange(cur, prev);
  if (r === null) return <span className="sl-delta">{label} —</span>;
  // Chinese dashboards colour the direction (red up, green down); a bad move gets a warning mark.
  const color = r === 0 ? undefined : r > 0 ? '#cf1322' : '#3f8600';
  const bad = r !== 0 && (lowerIsBetter ? r > 0 : r < 0);
  return (
    <span className="sl-delta" style={{ color }}>
      {label} {r > 0 ? <ArrowUpOutlined /> : r < 0 ? <ArrowDownOutlined /> : null} {(Math.abs(r) * 100).toFixed(1)}%{bad ? ' ⚠' : ''}
    </span>
  );
}

/** A headline number with 环比/同比 and the "为什么变化?" entry to the driver tree. */
export function KpiTile({ metric, title, definition, value, mom, yoy, unit, lowerIsBetter, onExplain }: {
  metric: string;
  title: string;
  definition?: string;
  value: Cell;
  mom: Cell;
  yoy: Cell;
  unit?: string;
  lowerIsBetter: boolean;
  onExplain: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" className="sl-tile" data-testid={`tile-${metric}`}>
      <div className="sl-tile-title">
        <HoverTip title={definition}><span>{title}</span></HoverTip>
      </div>
      <Statistic value={formatValue(value, unit, lang)} styles={{ content: { fontSize: 22 } }} />
      <span hidden data-testid={`value-${metric}`}>{value === null ? '' : String(value)}</span>
      <div className="sl-tile-deltas">
        <Delta label={t('mom')} cur={value} prev={mom} lowerIsBetter={lowerIsBetter} />
        <Delta label={t('yoy')} cur={value} prev={yoy} lowerIsBetter={lowerIsBetter} />
      </div>
      <Button type="link" size="small" icon={<QuestionCircleOutlined />} onClick={onExplain} className="sl-why" data-testid={`why-${metric}`}>
        {t('whyChanged')}
      </Button>
    </Card>
  );
}
