/** Small helpers several source formats share. */
import { isMasked } from '../clean/pii.js';

/** Columns that name the shop a row belongs to, in any source (file shop wins over --shop). */
export const shopColumns = {
  shop_id: ['店铺Id', '店铺ID', '店铺编号', 'shop_id'],
  shop_name: ['店铺名称', '店铺', 'shop_name'],
} as const;

/** 收货地址 "浙江省 杭州市 西湖区 …" → province and city, when the address is not masked. */
export function regionOf(address: string | undefined): { province: string | null; city: string | null } {
  if (!address) return { province: null, city: null };
  const parts = address.split(/[\s,，]+/).filter(Boolean);
  const province = parts[0] && !isMasked(parts[0]) ? parts[0] : null;
  const city = parts[1] && !isMasked(parts[1]) ? parts[1] : null;
  return { province, city };
}

/** A buyer key is usable only when the platform did not mask it. */
export function buyerKey(name: string | undefined): string | null {
  return name && !isMasked(name) ? name : null;
}

/** Stable short key (FNV-1a, 32 bit) for lines that carry no id of their own. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const sum = (...xs: (bigint | undefined)[]): bigint => xs.reduce<bigint>((a, b) => a + (b ?? 0n), 0n);
