import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isShopLensError } from '../core/errors.js';
import { checkUploadContent } from './uploads.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);
const refused = (name: string, head: Uint8Array) =>
  assert.throws(() => checkUploadContent(name, head), (e) => isShopLensError(e) && e.code === 'SERVER_UPLOAD_TYPE', name);

test('files whose content matches their extension pass', () => {
  checkUploadContent('订单报表.csv', text('订单编号,买家会员名\n1,a\n'));
  checkUploadContent('orders.xlsx', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00));
  checkUploadContent('jd.xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0));
  checkUploadContent('jd-html.xls', text('<table><tr><td>订单号</td></tr></table>'));
  checkUploadContent('utf16.csv', bytes(0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00));
});

test('a renamed binary, a zip posing as CSV, or an unknown extension is refused', () => {
  refused('evil.csv', bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00)); // an ELF executable
  refused('orders.csv', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00));
  refused('orders.xlsx', text('a,b,c\n'));
  refused('run.sh', text('#!/bin/sh\n'));
  refused('noext', text('a,b\n'));
});
