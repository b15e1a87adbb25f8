import { defineErrors } from '../core/errors.js';

type P = { path: string };

export const WarehouseErrors = defineErrors({
  WAREHOUSE_PATH_IS_DIRECTORY: {
    http: 400, userCaused: true,
    zh: (p: P) => `数据库路径 ${p.path} 是一个目录,请给出文件路径(如 ./data/shoplens.duckdb)`,
    en: (p: P) => `store path ${p.path} is a directory; give a file path such as ./data/shoplens.duckdb`,
  },
  WAREHOUSE_NOT_WRITABLE: {
    http: 400, userCaused: true,
    zh: (p: P & { reason: string }) => `无法写入数据库 ${p.path}:${p.reason}`,
    en: (p: P & { reason: string }) => `cannot write the store ${p.path}: ${p.reason}`,
  },
  WAREHOUSE_CORRUPT: {
    http: 500, userCaused: true,
    zh: (p: P & { reason: string }) => `数据库文件 ${p.path} 已损坏或不是 ShopLens 数据库:${p.reason}`,
    en: (p: P & { reason: string }) => `the store ${p.path} is corrupt or not a ShopLens store: ${p.reason}`,
  },
  WAREHOUSE_LOCKED: {
    http: 409, userCaused: true,
    zh: (p: P) => `数据库 ${p.path} 正被另一个进程使用(例如正在运行的 shoplens serve),请先关闭它`,
    en: (p: P) => `the store ${p.path} is in use by another process (a running shoplens serve?); close it first`,
  },
  WAREHOUSE_SCHEMA_TOO_NEW: {
    http: 409, userCaused: true,
    zh: (p: P & { found: number; supported: number }) => `数据库 ${p.path} 的结构版本为 ${p.found},本版本 ShopLens 最高支持 ${p.supported},请升级 ShopLens`,
    en: (p: P & { found: number; supported: number }) => `the store ${p.path} has schema version ${p.found}; this ShopLens supports up to ${p.supported}: upgrade ShopLens`,
  },
  WAREHOUSE_QUERY_FAILED: {
    http: 400, userCaused: true,
    zh: (p: { reason: string }) => `查询失败:${p.reason}`,
    en: (p: { reason: string }) => `query failed: ${p.reason}`,
  },
  WAREHOUSE_READ_ONLY: {
    http: 400, userCaused: true,
    zh: (p: { statement: string }) => `只读模式拒绝执行写入语句:${p.statement}`,
    en: (p: { statement: string }) => `read-only: refused to run a statement that writes: ${p.statement}`,
  },
});
