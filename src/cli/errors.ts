import { defineErrors } from '../core/errors.js';

export const CliErrors = defineErrors({
  CLI_USAGE: {
    http: 400, userCaused: true,
    zh: (p: { detail: string }) => `命令用法错误:${p.detail}(用 --help 查看帮助)`,
    en: (p: { detail: string }) => `usage: ${p.detail} (see --help)`,
  },
  CLI_STORE_MISSING: {
    http: 404, userCaused: true,
    zh: (p: { path: string }) => `数据库 ${p.path} 不存在:先运行 shoplens init 或 shoplens demo`,
    en: (p: { path: string }) => `no store at ${p.path}: run shoplens init or shoplens demo first`,
  },
});
