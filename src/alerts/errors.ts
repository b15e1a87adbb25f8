import { defineErrors } from '../core/errors.js';

/** Error codes of the alerts layer: notifiers, secrets, rules and the engine. */
export const AlertErrors = defineErrors({
  NOTIFY_CHANNEL_INVALID: {
    http: 400, userCaused: true,
    zh: (p: { channel: string; detail: string }) => `通知渠道 ${p.channel} 配置无效:${p.detail}`,
    en: (p: { channel: string; detail: string }) => `notification channel ${p.channel} is misconfigured: ${p.detail}`,
  },
  NOTIFY_SECRET_ENV_MISSING: {
    http: 400, userCaused: true,
    zh: (p: { name: string }) => `环境变量 ${p.name} 未设置,无法读取通知密钥`,
    en: (p: { name: string }) => `environment variable ${p.name} is not set: cannot read the notification secret`,
  },
  NOTIFY_SECRET_UNREADABLE: {
    http: 400, userCaused: true,
    zh: (p: { reason: string }) => `无法解密已保存的密钥(密钥文件或 SHOPLENS_SECRET_KEY 是否已更换?):${p.reason}`,
    en: (p: { reason: string }) => `cannot decrypt a stored secret (was the key file or SHOPLENS_SECRET_KEY changed?): ${p.reason}`,
  },
  NOTIFY_SECRET_KEY_INVALID: {
    http: 400, userCaused: true,
    zh: (p: { source: string }) => `${p.source} 中的加密密钥无效:应为 32 字节,以 base64 或 64 位十六进制书写`,
    en: (p: { source: string }) => `the encryption key in ${p.source} is invalid: expected 32 bytes written as base64 or 64 hex digits`,
  },
  NOTIFY_DELIVERY_FAILED: {
    http: 502, userCaused: false,
    zh: (p: { channel: string; attempts: number; reason: string }) => `通知渠道 ${p.channel} 发送失败(已尝试 ${p.attempts} 次):${p.reason}`,
    en: (p: { channel: string; attempts: number; reason: string }) => `channel ${p.channel} failed after ${p.attempts} attempt(s): ${p.reason}`,
  },
  ALERT_RULE_INVALID: {
    http: 400, userCaused: true,
    zh: (p: { rule: string; detail: string }) => `告警规则 ${p.rule} 无效:${p.detail}`,
    en: (p: { rule: string; detail: string }) => `alert rule ${p.rule} is not valid: ${p.detail}`,
  },
  NOTIFY_CHANNEL_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { channel: string }) => `找不到通知渠道 ${p.channel}`,
    en: (p: { channel: string }) => `no notification channel ${p.channel}`,
  },
  ALERT_RULE_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { rule: string }) => `找不到告警规则 ${p.rule}`,
    en: (p: { rule: string }) => `no alert rule ${p.rule}`,
  },
  ALERT_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { id: string }) => `找不到告警 ${p.id}`,
    en: (p: { id: string }) => `no alert ${p.id}`,
  },
  ALERT_TEMPLATE_UNKNOWN: {
    http: 400, userCaused: true,
    zh: (p: { template: string; known: string }) => `没有告警模板 ${p.template}(可用:${p.known})`,
    en: (p: { template: string; known: string }) => `no alert template ${p.template} (available: ${p.known})`,
  },
  ALERT_BAD_TRANSITION: {
    http: 409, userCaused: true,
    zh: (p: { id: string; from: string; to: string }) => `告警 ${p.id} 当前为 ${p.from},不能改为 ${p.to}`,
    en: (p: { id: string; from: string; to: string }) => `alert ${p.id} is ${p.from} and cannot become ${p.to}`,
  },
  ALERT_METRIC_UNSUPPORTED: {
    http: 400, userCaused: true,
    zh: (p: { rule: string; metric: string; reason: string }) => `告警规则 ${p.rule} 不能使用指标 ${p.metric}:${p.reason}`,
    en: (p: { rule: string; metric: string; reason: string }) => `alert rule ${p.rule} cannot use metric ${p.metric}: ${p.reason}`,
  },
});
