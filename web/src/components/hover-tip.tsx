import { Tooltip } from 'antd';
import { cloneElement, useState, type ReactElement, type SyntheticEvent } from 'react';

/**
 * antd's Tooltip, mounted on the first hover or focus of its child rather than with the page. A
 * Tooltip is a popup trigger (refs, observers, a dozen hooks) even while closed; 经营总览 has one
 * per tile, and nobody hovers most of them. Until then the child renders bare; the first
 * hover mounts the Tooltip already open, after which it behaves as any Tooltip.
 */
export function HoverTip({ title, children }: { title?: string; children: ReactElement<{ onMouseEnter?: (e: SyntheticEvent) => void; onFocus?: (e: SyntheticEvent) => void }> }) {
  const [armed, setArmed] = useState(false);
  if (!title) return children;
  if (armed) return <Tooltip title={title} defaultOpen>{children}</Tooltip>;
  const arm = () => setArmed(true);
  return cloneElement(children, { onMouseEnter: arm, onFocus: arm });
}
