/**
 * SKU titles through the API, for charts that name bars by product: only SKUs of the reader's
 * shops, a SKU id unknown or outside the scope left out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { products, type RowOf } from '../model/index.js';
import { testServer, type TestServer } from './testing/harness.js';

const product = (shop_id: string, sku_id: string, title: string): RowOf<typeof products> => ({
  shop_id, sku_id, spu_id: `spu-${sku_id}`, merchant_code: null, title, category_l1: '服饰', category_l2: '上衣', category_l3: '大衣',
  brand: null, list_price: 99900n, unit_cost: null, status: 'on_sale', launched_at: null,
});

describe('product titles', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
    await t.wh.bulkLoad(products, [product('tm-1', '3712345678901234561', '羊绒大衣'), product('jd-1', 'J9', '京东独家款')]);
  });
  after(() => t.close());

  const titles = async (who: string, ids: string) =>
    ((await (await t.session(who)).inject({ url: '/api/products/titles', query: { ids } })).json() as { titles: Record<string, string> }).titles;

  test('names the SKUs asked for, a 19-digit id as text, an unknown one left out', async () => {
    assert.deepEqual(await titles('owner', '3712345678901234561,J9,NOPE'), { '3712345678901234561': '羊绒大衣', J9: '京东独家款' });
    assert.deepEqual(await titles('owner', ''), {});
  });

  test('a reader limited to 天猫 (tm-1) gets only its SKUs', async () => {
    assert.deepEqual(await titles('agency', '3712345678901234561,J9'), { '3712345678901234561': '羊绒大衣' });
  });
});
