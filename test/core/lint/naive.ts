/**
 * Reference implementations of the lint checks that source/core/lint indexes, written as
 * the plain scans of every pair they replace. Kept in test/ only: the property test
 * (indexed.property.test.ts) checks that the indexed code finds exactly what these find.
 */
import { kmsAction } from '../../../source/core/catalog/index.js';
import { coveredKmsActions, isAllKms } from '../../../source/core/lint/match.js';
import { statementPrincipals, type ClassifiedPrincipal } from '../../../source/core/lint/principals.js';
import { statementCovers } from '../../../source/core/lint/rules/redundancy.js';
import { denies } from '../../../source/core/lint/lockout.js';
import type { PolicyDocument, PolicyKind, Statement } from '../../../source/core/policy/model.js';

/** REDUNDANT_STATEMENT: for each statement, the first other one covering it (pairwise). */
export function naiveCovering(list: readonly Statement[]): (Statement | undefined)[] {
  return list.map((b, i) => list.find((a, j) => j !== i && statementCovers(a, b) && (j < i || !statementCovers(b, a))));
}

const coversPutKeyPolicy = (s: Statement) => coveredKmsActions(s.action, s.notAction).some((a) => a.id === 'kms:PutKeyPolicy');

/** KMS_LOCKOUT_RISK: the first unconditional Deny of PutKeyPolicy that applies to p (scan of every statement). */
export function naiveShadowingDeny(doc: PolicyDocument, p: ClassifiedPrincipal): Statement | undefined {
  return doc.statements.find((d) => {
    if (d.effect !== 'Deny' || d.conditions.length > 0 || !coversPutKeyPolicy(d)) return false;
    if (d.notPrincipal) return !Object.values(d.notPrincipal.values).flat().includes(p.value);
    return statementPrincipals(d).some((x) => denies(x, p));
  });
}

const SDK_CRYPTO = new Set(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:Sign', 'kms:Verify', 'kms:GenerateMac', 'kms:VerifyMac']);

/** MISSING_DESCRIBE_KEY: statement indexes that should get the finding (pairwise over describing statements). */
export function naiveMissingDescribeKey(doc: PolicyDocument, kind: PolicyKind): number[] {
  const allows = doc.statements.filter((s) => s.effect === 'Allow' && s.action !== undefined);
  const describes = allows.filter((s) => coveredKmsActions(s.action, s.notAction).some((a) => a.id === 'kms:DescribeKey'));
  const out: number[] = [];
  for (const s of allows) {
    const explicit = s.action!.filter((v) => v.toLowerCase().startsWith('kms:') && SDK_CRYPTO.has(kmsAction(v)?.id ?? ''));
    if (explicit.length === 0 || s.action!.some(isAllKms)) continue;
    const principals = statementPrincipals(s);
    if (principals.length > 0 && principals.every((p) => p.kind === 'service')) continue;
    const mine = new Set(principals.map((p) => p.value));
    const ok = describes.some((t) => kind === 'identity' || statementPrincipals(t).some((p) => mine.has(p.value) || p.kind === 'anyone'));
    if (!ok) out.push(s.index);
  }
  return out;
}
