/** Cell paths in words (SPEC 2.2), for the text grid, the UI detail line and diff reasons. */
import type { CellPath, PathCondition } from './types.js';

/** `kms:ViaService StringEquals ec2.us-west-2.amazonaws.com, rds.us-west-2.amazonaws.com` */
export function describeCondition(c: PathCondition): string {
  return `${c.key} ${c.operator} ${c.values.length === 0 ? '(no values)' : c.values.join(', ')}`;
}

const VIA_WORDS = { direct: 'directly', iam: 'if an IAM policy allows too', grant: 'through a grant' } as const;

/**
 * One path: `Allow directly by statement 2 (Sid ViaEC2), if kms:ViaService StringEquals ec2...`.
 * `statementName` names a statement (e.g. "statement 2 (Sid ViaEC2)").
 */
export function describePath(p: CellPath, statementName: (index: number) => string): string {
  const by = [...p.statements.map(statementName), ...p.grants.map((g) => `grant ${g}`)].join(', ');
  const how = p.effect === 'Deny' ? 'Deny' : `Allow ${p.via ? VIA_WORDS[p.via] : ''}`.trimEnd();
  const conditions = p.conditions.length === 0 ? '' : `, if ${p.conditions.map(describeCondition).join(' and ')}`;
  return `${how} by ${by}${conditions}`;
}
