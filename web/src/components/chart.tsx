import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the chart kinds the app draws, so the echarts chunk stays small.
echarts.use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent, MarkAreaComponent, CanvasRenderer]);

/** Counts functions met in options, so that no two options holding one compare equal. */
let functions = 0;

export type ChartOption = echarts.EChartsCoreOption;

export interface ChartClick { name: string; seriesName?: string; dataIndex: number }

/** One ECharts instance bound to a div; re-sets the option when it changes, resizes with its box. */
export function Chart({ option, height = 300, onClick, theme, testId }: {
  option: ChartOption;
  height?: number | string;
  onClick?: (e: ChartClick) => void;
  theme?: 'dark';
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  /** the instance and the option (as JSON) it drew last */
  const drawn = useRef<{ chart: echarts.ECharts; text: string } | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const c = echarts.init(el.current!, theme, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.({ name: String(p.name), seriesName: p.seriesName, dataIndex: p.dataIndex }));
    // A marker the e2e tests and the benchmark wait for: the chart has drawn its first frame.
    c.on('finished', () => el.current?.setAttribute('data-rendered', '1'));
    // Follows its box, not only the window: on a long page the box can change width after the
    // chart measured it (content arriving below brings a scrollbar, the side menu settles), and a
    // chart drawn for the old width spills out of its card. The observer's first call reports
    // the size the chart already has, which costs nothing.
    const box = new ResizeObserver(([e]) => {
      const w = Math.round(e!.contentRect.width);
      const h = Math.round(e!.contentRect.height);
      if (w !== c.getWidth() || h !== c.getHeight()) c.resize();
    });
    box.observe(el.current!);
    return () => { box.disconnect(); c.dispose(); chart.current = null; };
  }, [theme]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    // Pages build their options inline, so every re-render of a page (each API answer is one)
    // hands a new object with the same content: redrawing it would cost a full ECharts layout.
    // Options are plain data (chart-options.ts), so their JSON says whether anything changed; a
    // function (a formatter) cannot be compared, so an option holding one always redraws.
    const text = JSON.stringify(option, (_k, v: unknown) => (typeof v === 'function' ? `ƒ${++functions}` : v));
    if (drawn.current?.chart === c && drawn.current.text === text) return;
    // The first picture appears whole at once: a one-second grow-in (and the scroll legend's
    // 0.8 s slide) would only hold back the numbers on every visit, and 'finished' waits for
    // them. Later changes — a drill-down, a new date range — keep ECharts' transitions, which
    // show what moved.
    const first = drawn.current?.chart !== c;
    drawn.current = { chart: c, text };
    el.current?.removeAttribute('data-rendered');
    c.setOption(first ? { ...option, animation: false } : option, { notMerge: true });
  }, [option]);

  return <div ref={el} className="sl-chart" data-testid={testId} style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }} />;
}
