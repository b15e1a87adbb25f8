import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defineTable, int, money, str, day } from '../model/index.js';
import { duckdbDialect } from './duckdb-dialect.js';

it('emits CREATE TABLE from a table definition', () => {
  const t = defineTable({
    name: 'x', grain: 'one row per thing', key: ['id'],
    columns: { id: str('id'), n: int('n').nullable(), amount: money('fen'), d: day('day') },
  });
  assert.equal(
    duckdbDialect.createTable(t),
    'CREATE TABLE "x" (\n  "id" VARCHAR NOT NULL,\n  "n" INTEGER,\n  "amount" BIGINT NOT NULL,\n  "d" DATE NOT NULL\n)',
  );
});

it('quotes identifiers by doubling quotes', () => {
  assert.equal(duckdbDialect.quoteIdent('a"b'), '"a""b"');
});

it('divides safely: null when the denominator is zero', () => {
  assert.equal(duckdbDialect.safeDivide('a', 'b'), 'CAST(a AS DOUBLE) / NULLIF(b, 0)');
});
