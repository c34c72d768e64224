import { kmsAction, serviceInfo } from '../../catalog/index.js';
import type { LintContext } from '../context.js';
import { elementValues, quote } from '../context.js';
import { hasWildcard, wildcardMatches } from '../match.js';

const ACTION_FORM = /^([A-Za-z0-9-]+):([A-Za-z0-9*?]+)$/;

/** INVALID_ACTION, UNKNOWN_SERVICE, IAM_ONLY_ACTION_IN_KEY_POLICY. */
export function actionRules(ctx: LintContext): void {
  for (const s of ctx.doc.statements) {
    for (const name of ['Action', 'NotAction'] as const) {
      for (const { value, pointer } of elementValues(s, name)) {
        if (typeof value !== 'string') {
          ctx.report('INVALID_ACTION', pointer, `${name} must be a string or a list of strings, not ${quote(value)}`, 'Write "service:ActionName" strings, e.g. "kms:Decrypt".');
          continue;
        }
        if (value === '' || value === '*') continue;
        const m = ACTION_FORM.exec(value);
        if (!m) {
          ctx.report('INVALID_ACTION', pointer, `"${value}" is not of the form service:ActionName`, 'Write the action as "kms:Decrypt" (service prefix, colon, action name).');
          continue;
        }
        const prefix = m[1]!;
        const act = m[2]!;
        const service = serviceInfo(prefix);
        if (!service) {
          ctx.report('UNKNOWN_SERVICE', pointer, `No AWS service has the prefix "${prefix}"`);
          continue;
        }
        const names = [...service.actions.values()];
        const matches = hasWildcard(act) ? names.filter((n) => wildcardMatches(act, n)) : names.filter((n) => n.toLowerCase() === act.toLowerCase());
        if (matches.length === 0) {
          ctx.report('INVALID_ACTION', pointer, hasWildcard(act) ? `"${value}" matches no ${prefix} action` : `${prefix} has no action "${act}"`);
          continue;
        }
        if (ctx.kind === 'key' && name === 'Action' && prefix.toLowerCase() === 'kms' && !hasWildcard(act)) {
          const a = kmsAction(act);
          if (a && !a.onKey) {
            ctx.report('IAM_ONLY_ACTION_IN_KEY_POLICY', pointer, `${a.id} does not act on a key, so a key policy cannot grant it`, `Grant ${a.id} in an IAM policy with "Resource": "*", and remove it here.`);
          }
        }
      }
    }
  }
}
