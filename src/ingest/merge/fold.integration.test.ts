/**
 * Folding an order's fragments (抖店 sub-orders) into one order: amounts and units add up,
 * the first creation and payment times are kept, and every other column comes from the
 * order's last row in the file. Worked out by hand from the rows below.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, tempStore } from '../../../test/helpers/store.js';
import { importFile } from '../index.js';

const HEAD = '主订单编号,子订单编号,选购商品,商品数量,商品ID,商品金额,订单应付金额,运费,订单提交时间,支付完成时间,订单状态,流量来源';
/** one order, two sub-orders that disagree on status and traffic source */
const SHIPPED = '6920000000000000011,6920000000000000111,面膜,1,3550001,50.00,50.00,0.00,2026-03-01 10:00:00,2026-03-01 10:00:30,已发货,直播';
const DONE = '6920000000000000011,6920000000000000112,精华,2,3550002,30.00,30.00,0.00,2026-03-01 09:59:00,2026-03-01 10:01:00,已完成,商品卡';

type OrderRow = {
  status: string;
  status_raw: string;
  source: string;
  paid_amount: bigint;
  goods_amount: bigint;
  item_count: number;
  created_at: Date;
  paid_at: Date;
};

for (const engine of ['duckdb', 'js']) {
  test(`sub-orders fold into one order: sums, first times, the last row's status and source (${engine} path)`, async () => {
    const d = tempDir();
    const s = await tempStore();
    const was = process.env.SHOPLENS_INGEST_ENGINE;
    if (engine === 'js') process.env.SHOPLENS_INGEST_ENGINE = 'js';
    try {
      for (const [name, rows, status, raw, source] of [
        ['done-last.csv', [SHIPPED, DONE], 'completed', '已完成', '商品卡'],
        ['shipped-last.csv', [DONE, SHIPPED], 'shipped', '已发货', '直播'],
      ] as const) {
        const path = join(d.dir, name);
        writeFileSync(path, `${HEAD}\r\n${rows.join('\r\n')}\r\n`);
        const shop = name.replace('.csv', '');
        await importFile(s.wh, path, { shop });
        const [o] = await s.wh.query<OrderRow>(
          `SELECT status, status_raw, source, paid_amount, goods_amount, item_count, created_at, paid_at FROM orders WHERE shop_id = $1`, [shop]);
        assert.equal(o!.status, status, name);
        assert.equal(o!.status_raw, raw, name);
        assert.equal(o!.source, source, name);
        // 50.00 + 30.00, in fen; 1 + 2 units
        assert.equal(Number(o!.paid_amount), 8000, name);
        assert.equal(Number(o!.goods_amount), 8000, name);
        assert.equal(Number(o!.item_count), 3, name);
        // the earliest of each (Asia/Shanghai, UTC+8)
        assert.equal(o!.created_at.toISOString(), '2026-03-01T01:59:00.000Z', name);
        assert.equal(o!.paid_at.toISOString(), '2026-03-01T02:00:30.000Z', name);
      }
    } finally {
      if (was === undefined) delete process.env.SHOPLENS_INGEST_ENGINE;
      else process.env.SHOPLENS_INGEST_ENGINE = was;
      await s.cleanup();
      d.cleanup();
    }
  });
}
