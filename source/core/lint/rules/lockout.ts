import type { LintContext } from '../context.js';
import { lockoutRisk } from '../lockout.js';

/** KMS_LOCKOUT_RISK for key policies, on the whole document. */
export function lockoutRules(ctx: LintContext): void {
  if (ctx.kind !== 'key' || ctx.doc.statements.length === 0) return;
  const risk = lockoutRisk(ctx.doc, ctx.keyAccount);
  if (!risk) return;
  const stmt = risk.statement === null ? undefined : ctx.doc.statements[risk.statement];
  ctx.report('KMS_LOCKOUT_RISK', stmt?.pointer ?? '', risk.message);
}
