import { lazy, Suspense, type ComponentProps } from 'react';

// The driver-tree drawer (Drawer, Segmented, Table, Descriptions) is code nobody needs until a
// "为什么变化?" click, so its module is fetched then, not with every dashboard: each warm visit
// compiles the JavaScript it loads again (no code cache in a private window), and these antd
// components were a good part of it.
const load = () => import('./explain-drawer');
const Lazy = lazy(() => load().then((m) => ({ default: m.ExplainDrawer })));

type Props = ComponentProps<Awaited<ReturnType<typeof load>>['ExplainDrawer']>;

/** `ExplainDrawer`, loaded on first use; nothing shows until its code is in (a click's moment). */
export function ExplainDrawer(props: Props) {
  return <Suspense fallback={null}><Lazy {...props} /></Suspense>;
}
