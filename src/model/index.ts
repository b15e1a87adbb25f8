export * from './columns.js';
export * from './table.js';
export * from './tables.js';
export * from './rows.js';
export * from './ops-tables.js';
export * from './import-tables.js';
export * from './rollup-tables.js';
