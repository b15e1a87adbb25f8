import { defineErrors } from '../core/errors.js';

export const AuthErrors = defineErrors({
  AUTH_REQUIRED: {
    http: 401, userCaused: true,
    zh: () => '请先登录(或在 Authorization 头中提供 API 令牌)',
    en: () => 'log in first (or send an API token in the Authorization header)',
  },
  AUTH_BAD_CREDENTIALS: {
    http: 401, userCaused: true,
    zh: () => '用户名或密码错误',
    en: () => 'wrong user name or password',
  },
  AUTH_LOCKED: {
    http: 423, userCaused: true,
    zh: (p: { minutes: number }) => `登录失败次数过多,账号已锁定,请 ${p.minutes} 分钟后再试或联系管理员`,
    en: (p: { minutes: number }) => `too many failed logins: the account is locked; try again in ${p.minutes} minutes or ask an admin`,
  },
  AUTH_DISABLED: {
    http: 403, userCaused: true,
    zh: () => '该账号已停用',
    en: () => 'this account is disabled',
  },
  AUTH_FORBIDDEN: {
    http: 403, userCaused: true,
    zh: (p: { permission: string }) => `没有权限:需要 ${p.permission}`,
    en: (p: { permission: string }) => `not allowed: needs ${p.permission}`,
  },
  AUTH_SHOP_FORBIDDEN: {
    http: 403, userCaused: true,
    zh: (p: { shopId: string }) => `没有店铺 ${p.shopId} 的访问权限`,
    en: (p: { shopId: string }) => `no access to shop ${p.shopId}`,
  },
  AUTH_SESSION_ONLY: {
    http: 403, userCaused: true,
    zh: () => '此操作只能在登录后的网页中进行,API 令牌不可用',
    en: () => 'this needs a signed-in session; API tokens cannot do it',
  },
  AUTH_CSRF: {
    http: 403, userCaused: true,
    zh: () => '缺少或错误的 CSRF 令牌(请求头 x-csrf-token),请刷新页面后重试',
    en: () => 'missing or wrong CSRF token (x-csrf-token header); reload the page and retry',
  },
  AUTH_WEAK_PASSWORD: {
    http: 400, userCaused: true,
    zh: (p: { min: number; max: number }) => `密码长度须为 ${p.min}–${p.max} 个字符`,
    en: (p: { min: number; max: number }) => `a password must be ${p.min}–${p.max} characters long`,
  },
  AUTH_UNKNOWN_ROLE: {
    http: 400, userCaused: true,
    zh: (p: { role: string }) => `未知角色 ${p.role}`,
    en: (p: { role: string }) => `unknown role ${p.role}`,
  },
  AUTH_ROLE_NEEDS_SHOPS: {
    http: 400, userCaused: true,
    zh: (p: { role: string }) => `角色 ${p.role} 只能访问指定店铺:请用 --shops 列出店铺`,
    en: (p: { role: string }) => `role ${p.role} is limited to named shops: list them with --shops`,
  },
  AUTH_GRANT_EXCEEDS: {
    http: 403, userCaused: true,
    zh: (p: { what: string }) => `不能授予或改动超出你自身权限的内容:${p.what}`,
    en: (p: { what: string }) => `you cannot grant or change more than you hold yourself: ${p.what}`,
  },
  AUTH_ROLE_IN_USE: {
    http: 409, userCaused: true,
    zh: (p: { role: string }) => `角色 ${p.role} 仍有用户在用,先为这些用户换角色`,
    en: (p: { role: string }) => `role ${p.role} is still held by users: give them another role first`,
  },
  AUTH_SETUP_REQUIRED: {
    http: 409, userCaused: true,
    zh: () => '尚未创建管理员:请先完成初始设置(网页设置页或 shoplens user add)',
    en: () => 'no admin yet: finish first-run setup (the web setup page or shoplens user add)',
  },
  AUTH_SETUP_DONE: {
    http: 409, userCaused: true,
    zh: () => '初始设置已完成,不能再次创建管理员',
    en: () => 'first-run setup is already done',
  },
  AUTH_TOO_MANY_ATTEMPTS: {
    http: 429, userCaused: true,
    zh: (p: { seconds: number }) => `请求过于频繁,请 ${p.seconds} 秒后再试`,
    en: (p: { seconds: number }) => `too many requests: retry in ${p.seconds} seconds`,
  },
});
