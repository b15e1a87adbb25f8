/**
 * Platforms mask personal data in exports (`138****1234`, `##密文`, `张**`). A masked value is
 * kept as the platform gave it, but never used as a key: two masked buyers are not one buyer.
 */
export function isMasked(s: string | undefined): boolean {
  if (!s) return false;
  return s.includes('**') || s.startsWith('##') || s.includes('密文') || /^\*+$/.test(s);
}
