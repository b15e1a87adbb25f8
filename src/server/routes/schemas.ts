/** Request pieces several route modules share. */
import { z } from 'zod';
import { builtinRoleIds } from '../../auth/roles.js';

/** Login names: letters, digits and . _ - (also 中文), so they are safe in logs and URLs. */
export const userName = z.string().min(2).max(64).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, . _ - only / 只能包含字母、数字和 . _ -');
export const password = z.string().min(1).max(256);
export const roleId = z.string().min(2).max(40).regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, _ - / 小写字母、数字、_ -');
export const shopId = z.string().min(1).max(100).regex(/^[\p{L}\p{N}._:-]+$/u, 'a shop id / 店铺 ID');
export const shopList = z.union([z.literal('all'), z.array(shopId).max(1000)]);
export const platformList = z.array(z.string().min(1).max(40).regex(/^[a-z_]+$/)).max(20);
export const idParam = z.strictObject({ id: z.string().min(1).max(100) });

export const userView = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  role: z.string(),
  shops: z.union([z.literal('all'), z.array(z.string())]),
  platforms: z.array(z.string()),
  disabled: z.boolean(),
  locked: z.boolean(),
});

export { builtinRoleIds };
