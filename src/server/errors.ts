import { defineErrors } from '../core/errors.js';

export interface Issue {
  path: string;
  message: string;
}

export const ServerErrors = defineErrors({
  SERVER_INVALID_REQUEST: {
    http: 400, userCaused: true,
    zh: (p: { part: string; issues: Issue[] }) => `请求参数无效(${p.part}):${p.issues.map((i) => `${i.path || '(整体)'} ${i.message}`).join(';')}`,
    en: (p: { part: string; issues: Issue[] }) => `invalid request ${p.part}: ${p.issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`,
  },
  SERVER_BAD_JSON: {
    http: 400, userCaused: true,
    zh: () => '请求体不是有效的 JSON',
    en: () => 'the request body is not valid JSON',
  },
  SERVER_BODY_TOO_LARGE: {
    http: 413, userCaused: true,
    zh: (p: { limit: number }) => `请求体过大(上限 ${p.limit} 字节)`,
    en: (p: { limit: number }) => `request body too large (limit ${p.limit} bytes)`,
  },
  SERVER_UNSUPPORTED_MEDIA_TYPE: {
    http: 415, userCaused: true,
    zh: (p: { type: string }) => `不支持的内容类型 ${p.type}`,
    en: (p: { type: string }) => `unsupported content type ${p.type}`,
  },
  SERVER_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { method: string; url: string }) => `没有这个接口:${p.method} ${p.url}`,
    en: (p: { method: string; url: string }) => `no such route: ${p.method} ${p.url}`,
  },
  SERVER_UPLOAD_TYPE: {
    http: 415, userCaused: true,
    zh: (p: { file: string; allowed: string }) => `文件 ${p.file} 的类型不被接受,只接受 ${p.allowed}`,
    en: (p: { file: string; allowed: string }) => `file ${p.file} is not an accepted type; accepted: ${p.allowed}`,
  },
  SERVER_UPLOAD_TOO_LARGE: {
    http: 413, userCaused: true,
    zh: (p: { file: string; limit: string }) => `文件 ${p.file} 超过上传上限 ${p.limit}:大文件请用命令行 shoplens import 导入,或以 shoplens serve --max-upload-mb 调高上限`,
    en: (p: { file: string; limit: string }) => `file ${p.file} is over the upload limit of ${p.limit}: import a big file with shoplens import, or raise the limit with shoplens serve --max-upload-mb`,
  },
  SERVER_UPLOAD_LIMIT: {
    http: 413, userCaused: true,
    zh: (p: { detail: string }) => `上传超出限制(文件大小、文件数或字段数):${p.detail}`,
    en: (p: { detail: string }) => `upload over its limits (file size, number of files or fields): ${p.detail}`,
  },
  SERVER_BAD_REQUEST: {
    http: 400, userCaused: true,
    zh: (p: { detail: string }) => `请求无效:${p.detail}`,
    en: (p: { detail: string }) => `bad request: ${p.detail}`,
  },
  SERVER_NOT_FOUND_USER: {
    http: 404, userCaused: true,
    zh: (p: { id: string }) => `找不到用户 ${p.id}`,
    en: (p: { id: string }) => `no user ${p.id}`,
  },
  SERVER_BAD_HEIR: {
    http: 409, userCaused: true,
    zh: (p: { id: string }) => `不能把工作转给 ${p.id}:须是另一位未停用的成员`,
    en: (p: { id: string }) => `cannot hand the work to ${p.id}: it must be another member who is not disabled`,
  },
  SERVER_LAST_OWNER: {
    http: 409, userCaused: true,
    zh: () => '不能删除、停用或降级最后一位老板/管理员',
    en: () => 'the last owner/admin cannot be deleted, disabled or demoted',
  },
  SERVER_ROUTE_UNDECLARED: {
    http: 500, userCaused: false,
    zh: (p: { route: string }) => `接口 ${p.route} 未声明访问权限(config.access)`,
    en: (p: { route: string }) => `route ${p.route} declares no access (config.access)`,
  },
});
