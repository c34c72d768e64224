/**
 * SPEC 2.2's promise of every cell, checked with `authorize` on the row's evaluatedAs
 * over generated key and identity policies:
 * - allow/direct: allowed with no IAM policy, for every context;
 * - allow/iam: allowed for every context once an IAM policy allows everything, and not
 *   before unless a direct path is listed;
 * - deny: denied for every context even then; none: never allowed;
 * - conditional: names its condition keys, and goes both ways over contexts that meet
 *   and miss its paths' conditions.
 * Keys the row's principal fixes (kms:CallerAccount, aws:PrincipalArn, ...) are derived by
 * authorize from the principal, as AWS sets them, so the contexts never carry them.
 * With grants (SPEC 2.6) the rows are probed with the same grants, a `via: "grant"` allow
 * holds with no IAM policy like a direct one, and the contexts also carry each grant's
 * constraint pairs (and those pairs plus one more), so a cell a grant opens is probed where
 * the grant applies.
 */
import { expect } from 'vitest';
import { requestContext } from '../../../source/core/evaluate/authorize.js';
import { resolveVariables } from '../../../source/core/evaluate/variables.js';
import { kmsAction } from '../../../source/core/catalog/kms.js';
import { authorize, EXAMPLE_KEY_ID, parseRequestPrincipal, type AuthorizationResult, type NamedPolicy, type RequestContext } from '../../../source/core/evaluate/index.js';
import { derivedContext, DERIVED_KEYS_LOWER } from '../../../source/core/evaluate/derived.js';
import { buildMatrix, cellConditionKeys, type CellPath, type Matrix } from '../../../source/core/matrix/index.js';
import { buildDocument, type PolicyDocument } from '../../../source/core/policy/model.js';
import { contextSpace, sampleContexts, statementContexts } from './context-space.js';
import type { Grant } from '../../../source/core/grants/index.js';

/** An IAM policy that allows every KMS action on every key and alias. */
export const IAM_ALLOWS_ALL: NamedPolicy = {
  name: 'iam-allows-all',
  document: buildDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }),
};

type Probe = (action: string, context: RequestContext, iam: boolean) => AuthorizationResult;

function rowProbes(doc: PolicyDocument, m: Matrix, grants: readonly Grant[]): Probe[] {
  if (m.kind === 'key') {
    // A key of keyAccount (with the grants' key id when they name one).
    expect(m.keyArn.startsWith(`arn:aws:kms:us-west-2:${m.keyAccount}:key/`)).toBe(true);
    if (grants.length === 0) expect(m.keyArn).toBe(`arn:aws:kms:us-west-2:${m.keyAccount}:key/${EXAMPLE_KEY_ID}`);
    return m.rows.map((row) => (action, context, iam) =>
      authorize({ action, principal: row.evaluatedAs, resource: m.keyArn, context, keyPolicy: doc, identityPolicies: iam ? [IAM_ALLOWS_ALL] : [], grants }),
    );
  }
  return m.rows.map((row) => (action, context) =>
    authorize({ action, principal: 'arn:aws:iam::111122223333:user/alice', resource: row.evaluatedAs, context, identityPolicies: [{ name: 'p', document: doc }] }),
  );
}

/** A context that meets one path's conditions where a value can (negated tests left absent; variables resolved for the principal). */
function pathContext(p: CellPath, principal: string): RequestContext {
  const derived = requestContext(parseRequestPrincipal(principal), {}).context;
  const ctx: Record<string, string | string[]> = {};
  for (const c of p.conditions) {
    const negated = /(Not|^Null)/.test(c.operator.replace(/^For(Any|All)Values:/, ''));
    const first = c.values[0] === undefined ? undefined : resolveVariables(c.values[0], derived, false)?.text;
    // Strict numeric bounds are met one past the bound.
    const v = first !== undefined && /Numeric(Less|Greater)Than$/.test(c.operator) ? String(Number(first) + (c.operator.includes('Less') ? -1 : 1)) : first;
    if (!negated && v !== undefined) ctx[c.key.toLowerCase()] = /^For(Any|All)Value/.test(c.operator) ? [v] : v;
  }
  return ctx;
}

/** The context without the keys a principal fixes: AWS sets those from the principal. */
const without = (fixed: ReadonlySet<string>) => (ctx: RequestContext): RequestContext => Object.fromEntries(Object.entries(ctx).filter(([k]) => !fixed.has(k.toLowerCase())));

/** Each grant's constraint pairs as a request context, and the same with one more pair. */
function grantContexts(grants: readonly Grant[]): RequestContext[] {
  return grants.flatMap((g) => {
    const ctx: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...g.constraints?.encryptionContextSubset, ...g.constraints?.encryptionContextEquals })) ctx[`kms:EncryptionContext:${k}`] = v;
    return Object.keys(ctx).length === 0 ? [] : [ctx, { ...ctx, 'kms:EncryptionContext:zz-extra': 'zz' }];
  });
}

export function checkAgreement(raw: unknown, kind: 'key' | 'identity', seed: number, grants: readonly Grant[] = []) {
  const doc = buildDocument(raw);
  const m = buildMatrix(doc, kind, { grants });
  const probes = rowProbes(doc, m, kind === 'key' ? grants : []);
  const space = contextSpace(doc);
  const fromGrants = kind === 'key' ? grantContexts(grants) : [];
  m.rows.forEach((row, i) => {
    const probe = probes[i]!;
    const principal = kind === 'key' ? row.evaluatedAs : 'arn:aws:iam::111122223333:user/alice';
    const withoutDerived = without(kind === 'key' ? derivedContext(parseRequestPrincipal(principal)).fixed : new Set());
    const few = [...statementContexts(doc), ...fromGrants, ...sampleContexts(space, 4, seed)].map(withoutDerived);
    const many = [...statementContexts(doc), ...fromGrants, ...sampleContexts(space, 120, seed + 1)].map(withoutDerived);
    for (const action of m.actions) {
      const cell = row.cells[action]!;
      // Actions not on a key are IAM's alone: a key policy's none says nothing about them.
      if (kind === 'key' && !kmsAction(action)!.onKey) continue;
      const at = `${row.subject} ${action} ${JSON.stringify(cell)}`;
      // A grant path, like a direct one, allows with no IAM policy when its constraints hold.
      const hasDirect = cell.paths.some((p) => p.effect === 'Allow' && (p.via === 'direct' || p.via === 'grant'));
      if (cell.decision === 'conditional') {
        const keys = cellConditionKeys(cell);
        expect(keys.length, at).toBeGreaterThan(0);
        // An identity policy's principal is unknown: keys AWS derives from alice may decide for her alone.
        if (kind === 'identity' && keys.some((k) => DERIVED_KEYS_LOWER.has(k.toLowerCase()))) continue;
        // Each Allow path's conditions met, with the Deny paths' keys set to miss them (or to their values, for negated tests).
        const denyKeys = cell.paths.filter((p) => p.effect === 'Deny').flatMap((p) => p.conditions);
        const contexts = [
          ...cell.paths.flatMap((p) => {
            const met = pathContext(p, principal);
            const miss = Object.fromEntries(denyKeys.map((c) => [c.key.toLowerCase(), 'zz-other']));
            const hit = Object.fromEntries(denyKeys.map((c) => [c.key.toLowerCase(), c.values[0] ?? 'zz-other']));
            return [met, { ...miss, ...met }, { ...hit, ...met }].map(withoutDerived);
          }),
          ...many,
        ];
        const seen = new Set(contexts.map((ctx) => probe(action, ctx, true).decision === 'allow'));
        expect(seen.size, `${at}: conditional but always ${[...seen].join()}`).toBe(2);
        continue;
      }
      for (const ctx of few) {
        const withIam = probe(action, ctx, true).decision;
        const alone = probe(action, ctx, false).decision;
        const c = JSON.stringify(ctx);
        if (cell.decision === 'deny') expect(withIam, `${at} ${c}`).toBe('explicit-deny');
        if (cell.decision === 'none') expect(withIam, `${at} ${c}`).not.toBe('allow');
        if (cell.decision === 'allow') expect(withIam, `${at} ${c}`).toBe('allow');
        if (kind === 'key' && cell.decision === 'allow' && (cell.via === 'direct' || cell.via === 'grant')) expect(alone, `${at} ${c} needs no IAM policy`).toBe('allow');
        if (kind === 'key' && cell.via === 'iam' && !hasDirect) expect(alone, `${at} ${c} without IAM`).not.toBe('allow');
      }
    }
  });
}

