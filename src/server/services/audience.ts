/**
 * Who a scheduled report or an alert may show data to. The data goes out under an "audience"
 * principal: the rule owner's rights intersected with every recipient's — shops and
 * permissions alike — so an owner's report mailed to an outside agency holds only the agency's
 * shops and no finance metrics. Recipients who are not ShopLens users must be given their shops
 * explicitly; a disabled or deleted user sees nothing, so nothing is sent.
 */
import type { Permission } from '../../auth/permissions.js';
import { intersectScopes, type Principal, type Scope } from '../../auth/principal.js';
import type { MetaStore } from '../../meta/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { loadPrincipal } from '../auth/principal-loader.js';

export type Recipient =
  | { readonly userId: string }
  /** an address outside ShopLens: the sender names the shops it may receive */
  | { readonly email: string; readonly shops: readonly string[] };

const NOTHING: Scope = { shopIds: [] };

async function principalOfUser(deps: { wh: Warehouse; meta: MetaStore }, userId: string): Promise<Principal | undefined> {
  const user = await deps.meta.users.byId(userId);
  if (!user || user.disabled) return undefined;
  return loadPrincipal(deps, user, 'token');
}

export async function audiencePrincipal(
  deps: { wh: Warehouse; meta: MetaStore },
  ownerId: string,
  recipients: readonly Recipient[],
): Promise<Principal> {
  const owner = await principalOfUser(deps, ownerId);
  const scopes: Scope[] = [owner?.scope ?? NOTHING];
  let permissions = new Set<Permission>(owner?.permissions ?? []);
  for (const r of recipients) {
    if ('userId' in r) {
      const p = await principalOfUser(deps, r.userId);
      scopes.push(p?.scope ?? NOTHING);
      permissions = new Set([...permissions].filter((x) => p?.permissions.has(x) ?? false));
    } else {
      scopes.push({ shopIds: [...r.shops] });
      // an outside address never receives buyers' personal information or finance figures
      permissions.delete('pii:read');
      permissions.delete('metrics:finance');
    }
  }
  return {
    userId: ownerId,
    name: owner?.name ?? ownerId,
    role: 'audience',
    permissions,
    scope: intersectScopes(...scopes),
    via: 'token',
  };
}
