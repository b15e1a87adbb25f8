export * from './warehouse.js';
export * from './dialect.js';
export * from './duckdb-dialect.js';
export * from './errors.js';
export * from './migrations.js';
export * from './open.js';
export { openDuckDB, DuckDBWarehouse } from './duckdb/engine.js';
export * from './data-changes.js';
