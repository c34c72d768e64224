/**
 * The text of a diff for people (SPEC 2.4): one line per change grouped by row,
 * `+` widened, `-` narrowed, `~` changed, with the statements on each side.
 * A lost kms:PutKeyPolicy comes first, marked: it can lock the deployer out.
 * Everything from the policies and file names is shown through visibleLine.
 */
import { ANY_OTHER_PRINCIPAL, OTHER_ACCOUNT_KEYS } from '../matrix/subjects.js';
import { visibleLine } from '../text/visible.js';
import type { CellChange, PolicyDiff } from './types.js';

const SIGN = { widened: '+', narrowed: '-', changed: '~' } as const;
const COLOR = { widened: 31, narrowed: 32, changed: 33 } as const;

const statements = (c: CellChange['before']) => {
  const s = [...new Set(c.paths.flatMap((p) => p.statements))].sort((a, b) => a - b);
  return s.length === 0 ? 'none' : s.join(', ');
};

/** A narrowing that takes kms:PutKeyPolicy away from a row that had it: who deploys the policy may lose it. */
export function lostPutKeyPolicy(c: CellChange): boolean {
  return c.action === 'kms:PutKeyPolicy' && c.change === 'narrowed' && (c.before.decision === 'allow' || c.before.decision === 'conditional') && (c.after.decision === 'none' || c.after.decision === 'deny');
}

export function formatDiffText(d: PolicyDiff, names: { before: string; after: string }, color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const { widened, narrowed, changed } = d.summary;
  const out = [`${visibleLine(names.before)} -> ${visibleLine(names.after)} (${d.kind} policy): ${widened} widened, ${narrowed} narrowed, ${changed} changed`];
  if (d.changes.length === 0) {
    out.push('No change in who can do what.');
    return `${out.join('\n')}\n`;
  }
  const line = (c: CellChange) => `${SIGN[c.change]} ${c.action}  [statements ${statements(c.before)} -> ${statements(c.after)}]  ${visibleLine(c.why)}`;
  const lockouts = d.changes.filter(lostPutKeyPolicy);
  for (const c of lockouts) {
    out.push(paint(31, `!! ${visibleLine(c.label)} can no longer call kms:PutKeyPolicy: if it deploys this policy, it is locked out of it (check with lint --as ARN)`));
    out.push(paint(31, `   ${line(c)}`));
  }
  const rows = new Map<string, CellChange[]>();
  for (const c of d.changes) rows.set(c.subject, [...(rows.get(c.subject) ?? []), c]);
  for (const [subject, list] of rows) {
    const label = list[0]!.label;
    // The synthetic rows ("Any other principal") have no principal to show beside their label.
    const shown = label === subject || subject === '*' || subject === ANY_OTHER_PRINCIPAL || subject === OTHER_ACCOUNT_KEYS;
    out.push('', `${visibleLine(label)}${shown ? '' : `  (${visibleLine(subject)})`}`);
    for (const c of list) out.push(`  ${paint(COLOR[c.change], line(c))}`);
  }
  out.push('', 'Statements are numbered from 0 in each version; --format json gives the cells.');
  return `${out.join('\n')}\n`;
}
