/**
 * The widened cells of a diff as ACCESS_WIDENED findings (SPEC 2.4), located at
 * the statement of the new version that causes each, so the one SARIF writer of
 * lint (core/lint/report.ts) prints them.
 */
import { FINDING_RULES, type Finding } from '../lint/catalog.js';
import { locate } from '../policy/parse.js';
import type { ParsedPolicy } from '../policy/parse.js';
import { visibleLine } from '../text/visible.js';
import type { PolicyDiff } from './types.js';

export function widenedFindings(d: PolicyDiff, after: ParsedPolicy): Finding[] {
  const statements = after.document?.statements ?? [];
  return d.changes
    .filter((c) => c.change === 'widened')
    .map((c) => {
      const s = c.cause === null ? undefined : statements[c.cause];
      const path = s?.pointer ?? '';
      const { line, column } = path === '' ? { line: null, column: null } : locate(after.ast, path);
      return {
        id: 'ACCESS_WIDENED',
        severity: FINDING_RULES.ACCESS_WIDENED.severity,
        statement: s ? s.index : null,
        path,
        line,
        column,
        // Human text, escaped as lint's messages are; the cells themselves are in --format json.
        message: visibleLine(`${c.label}: ${c.action} widened: ${c.why}`),
        fix: FINDING_RULES.ACCESS_WIDENED.fix,
      };
    });
}
