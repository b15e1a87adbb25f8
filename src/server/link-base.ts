/**
 * Links in pushed messages (an alert's 在 ShopLens 中查看, a report's 查看报表) point at
 * SHOPLENS_BASE_URL, else at the address the server listens on — by default 127.0.0.1, which
 * only this machine can open. Whoever sets up channels is told so (startup line, test message).
 */
export function isLoopback(url: string): boolean {
  let host: string;
  try { host = new URL(url).hostname; } catch { return false; }
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\./.test(host);
}

export const LOOPBACK_HINT = {
  zh: (base: string) => `提示:告警与报表消息中的链接指向 ${base},同事的手机打不开;设置 SHOPLENS_BASE_URL 为大家能访问的地址(如 http://192.168.1.20:8787)`,
  en: (base: string) => `Note: links in alert and report messages point at ${base}, which colleagues' phones cannot open; set SHOPLENS_BASE_URL to an address they can reach (e.g. http://192.168.1.20:8787)`,
};
