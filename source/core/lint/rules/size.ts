import type { LintContext } from '../context.js';

/** Documented quotas: key policy 32 KB; IAM managed policy 6,144 characters without whitespace. */
export const KEY_POLICY_MAX_BYTES = 32 * 1024;
export const IDENTITY_POLICY_MAX_CHARS = 6144;

/** POLICY_TOO_LARGE. */
export function sizeRules(ctx: LintContext): void {
  if (ctx.kind === 'key') {
    const text = ctx.text || JSON.stringify(ctx.doc.raw) || '';
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > KEY_POLICY_MAX_BYTES) ctx.report('POLICY_TOO_LARGE', '', `The key policy is ${bytes} bytes; KMS allows at most ${KEY_POLICY_MAX_BYTES} (32 KB)`);
    return;
  }
  const chars = (JSON.stringify(ctx.doc.raw) ?? '').replace(/\s/g, '').length;
  if (chars > IDENTITY_POLICY_MAX_CHARS) ctx.report('POLICY_TOO_LARGE', '', `The policy has ${chars} characters without whitespace; IAM managed policies allow at most ${IDENTITY_POLICY_MAX_CHARS}`);
}
