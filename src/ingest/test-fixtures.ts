/** Paths of the ingest fixtures (test/fixtures/ingest, written by its generate.ts) for tests. */
import { resolve } from 'node:path';

export const FIXTURES = resolve('test/fixtures/ingest');
export const fixture = (name: string) => resolve(FIXTURES, name);
/** A fixed "now" after every fixture date, so the future-date check is about the data. */
export const NOW = new Date('2026-03-20T00:00:00Z');
