/**
 * Turns a saved mapping into a source format like any other, so generic files go through the
 * same cleaning, staging, merge and quality checks as platform exports.
 */
import type { OrderStatus } from '../../model/index.js';
import { mapStatus, vocabulary } from '../clean/statuses.js';
import type { Emit } from '../stage/emit.js';
import type { RowReader } from '../sources/row-reader.js';
import type { ColumnSpec, SourceFormat } from '../sources/types.js';
import type { Mapping } from './mapping-schema.js';

export interface GenericSource extends SourceFormat {
  mapping: Mapping;
}

export function genericSource(m: Mapping, lookups: Map<string, Map<string, string>>): GenericSource {
  // A field mapped to several headers becomes field#0, field#1 … summed when read.
  const columns: ColumnSpec = {};
  const parts = new Map<string, string[]>();
  for (const [field, h] of Object.entries(m.columns)) {
    const headers = Array.isArray(h) ? h : [h];
    parts.set(field, headers.map((_, i) => `${field}#${i}`));
    headers.forEach((name, i) => (columns[`${field}#${i}`] = [name]));
  }
  const statuses = vocabulary<OrderStatus>(m.statuses);
  const has = (f: string) => parts.has(f) || f in m.constants;
  const required = [...parts.values()].flat();

  function read<T>(r: RowReader, f: string, get: (name: string) => T | undefined, add?: (a: T, b: T) => T): T | undefined {
    const names = parts.get(f);
    if (!names) return undefined;
    let acc: T | undefined;
    for (const n of names) {
      const v = get(n);
      if (v !== undefined) acc = acc === undefined || !add ? v : add(acc, v);
    }
    return acc;
  }
  const text = (r: RowReader, f: string, req = false) => {
    const v = f in m.constants ? m.constants[f] : read(r, f, (n) => r.text(n, req));
    const lk = lookups.get(f);
    return v !== undefined && lk ? lk.get(v) ?? v : v;
  };
  const id = (r: RowReader, f: string, req = false) => (f in m.constants ? m.constants[f] : read(r, f, (n) => r.id(n, req)));
  const fen = (r: RowReader, f: string, req = false) => read(r, f, (n) => r.fen(n, req), (a, b) => a + b);
  const time = (r: RowReader, f: string, req = false) => read<Date | null>(r, f, (n) => r.time(n, req));

  function normalize(r: RowReader, out: Emit): void {
    const order_id = m.orderIdFromRow !== undefined ? `${m.orderIdFromRow}${r.n}` : id(r, 'order_id', true);
    const created_at = time(r, 'created_at', m.kind === 'orders');
    const paid_at = has('paid_at') ? time(r, 'paid_at') ?? null : created_at ?? null;
    const raw = text(r, 'status');
    const st = raw === undefined ? { status: m.defaultStatus, raw: '', known: true } : mapStatus(raw, statuses, m.defaultStatus);
    if (!st.known) out.unknownStatus(st.raw);
    const qty = has('qty') ? read(r, 'qty', (n) => r.int(n)) ?? 1 : 1;
    const paid = fen(r, 'paid_amount') ?? 0n;
    const sku_id = id(r, 'sku_id');
    if (m.kind === 'lines') {
      const line_id = id(r, 'line_id', true);
      if (!order_id || !line_id || r.problems.length) return;
      out.line({
        order_id, line_id, sku_id: sku_id ?? '', qty, unit_price: fen(r, 'unit_price'), goods_amount: fen(r, 'goods_amount') ?? fen(r, 'unit_price'),
        paid_amount: paid, status: st.status, status_raw: st.raw, paid_at,
      });
      return;
    }
    if (!order_id || !created_at || r.problems.length) return;
    const customer_id = text(r, 'customer_id') ?? null;
    out.order({
      order_id, customer_id, created_at, paid_at, shipped_at: time(r, 'shipped_at') ?? null, finished_at: time(r, 'finished_at') ?? null,
      status: st.status, status_raw: st.raw, paid_amount: paid_at ? paid : 0n, order_total: fen(r, 'order_total') ?? paid,
      goods_amount: fen(r, 'goods_amount') ?? paid, shipping_fee: fen(r, 'shipping_fee') ?? 0n, item_count: qty,
      province: text(r, 'province') ?? null, city: text(r, 'city') ?? null, source: text(r, 'source') ?? null,
    });
    if (sku_id !== undefined) out.line({ order_id, line_id: '1', sku_id, qty, goods_amount: paid, paid_amount: paid_at ? paid : 0n, status: st.status, status_raw: st.raw, paid_at });
    if (customer_id) out.customer({ customer_id });
  }

  return {
    id: `mapping:${m.name}`,
    names: { zh: `自定义映射 ${m.name}`, en: `column mapping ${m.name}` },
    platform: m.platform, role: 'platform', fileKinds: ['csv', 'xlsx'],
    grain: m.kind === 'orders' ? { zh: '每行一个订单', en: 'one row per order' } : { zh: '每行一个订单行', en: 'one row per order line' },
    columns, required, signature: [], normalize, mapping: m,
  };
}
