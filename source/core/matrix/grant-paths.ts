/**
 * The grant paths of a matrix row (SPEC 2.2, 2.6): for each action on the key, every
 * grant that reaches the row's principal (grants/evaluate.ts, the same matching as
 * authorize) makes an Allow path `via: "grant"` naming the grant, with its constraints
 * as conditions (EncryptionContextEquals/Subset → kms:EncryptionContext:KEY
 * StringEquals VALUE, and for Equals ForAllValues:StringEqualsIgnoreCase on
 * kms:EncryptionContextKeys). Grants deny nothing; the policies' Deny paths still win
 * in cellFromPaths.
 */
import { kmsActions } from '../catalog/kms.js';
import type { RequestPrincipal } from '../evaluate/principal.js';
import { grantClauses, grantCoversKey, grantReach } from '../grants/evaluate.js';
import type { Grant } from '../grants/model.js';
import type { CellPath, PathCondition } from './types.js';

const NO_PATHS: readonly CellPath[] = [];

/** Per catalog action (by position), the grant paths of one principal. */
export function grantPaths(grants: readonly Grant[], principal: RequestPrincipal, keyArn: string): (a: number) => readonly CellPath[] {
  const mine = grants.filter((g) => grantCoversKey(g, keyArn));
  if (mine.length === 0) return () => NO_PATHS;
  const actions = kmsActions();
  // One path object per grant and set of conditions, shared by the actions that have them (cells are cached by path identity).
  const shared = new Map<string, CellPath>();
  const byAction: (readonly CellPath[])[] = actions.map((action) => {
    if (!action.onKey) return NO_PATHS;
    const out: CellPath[] = [];
    mine.forEach((g, i) => {
      const reach = grantReach(g, action.name, principal);
      if (reach === null) return;
      const clauses = reach === 'grantee' ? grantClauses(g, action.name) : [];
      const id = `${i}\u0000${clauses.length === 0 ? '' : action.name}`;
      let path = shared.get(id);
      if (!path) {
        const conditions: PathCondition[] = clauses.map((c) => ({ statement: null, grant: g.id, operator: c.operator, key: c.key, values: c.values }));
        shared.set(id, (path = { effect: 'Allow', via: 'grant', statements: [], grants: [g.id], conditions }));
      }
      out.push(path);
    });
    return out.length === 0 ? NO_PATHS : out;
  });
  return (a) => byAction[a] ?? NO_PATHS;
}
