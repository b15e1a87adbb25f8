import { defineErrors } from '../core/errors.js';

export const MetaErrors = defineErrors({
  META_SCHEMA_TOO_NEW: {
    http: 409, userCaused: true,
    zh: (p: { location: string; found: number; supported: number }) => `元数据库 ${p.location} 的结构版本为 ${p.found},本版本 ShopLens 最高支持 ${p.supported},请升级 ShopLens`,
    en: (p: { location: string; found: number; supported: number }) => `the metadata store ${p.location} has schema version ${p.found}; this ShopLens supports up to ${p.supported}: upgrade ShopLens`,
  },
  META_UNREACHABLE: {
    http: 503, userCaused: true,
    zh: (p: { location: string; reason: string }) => `无法连接元数据库 ${p.location}:${p.reason}(检查 SHOPLENS_META_URL)`,
    en: (p: { location: string; reason: string }) => `cannot reach the metadata store ${p.location}: ${p.reason} (check SHOPLENS_META_URL)`,
  },
  META_BAD_URL: {
    http: 400, userCaused: true,
    zh: (p: { url: string }) => `SHOPLENS_META_URL 无效:${p.url}(应为 postgres://user:pass@host:port/db)`,
    en: (p: { url: string }) => `SHOPLENS_META_URL is not valid: ${p.url} (expected postgres://user:pass@host:port/db)`,
  },
  META_CONFLICT: {
    http: 409, userCaused: true,
    zh: (p: { what: string; id: string }) => `${p.what} ${p.id} 已存在`,
    en: (p: { what: string; id: string }) => `${p.what} ${p.id} already exists`,
  },
  META_TOKEN_EXCEEDS_OWNER: {
    http: 403, userCaused: true,
    zh: (p: { permissions: string }) => `令牌不能拥有你自己没有的权限:${p.permissions}`,
    en: (p: { permissions: string }) => `a token cannot hold permissions you do not have: ${p.permissions}`,
  },
  META_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { what: string; id: string }) => `找不到${p.what} ${p.id}`,
    en: (p: { what: string; id: string }) => `no ${p.what} ${p.id}`,
  },
});
