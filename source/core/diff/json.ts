/** SPEC 2.4 JSON of a diff: the cells as in SPEC 2.2 on each side, exact (no escaping: JSON is for machines). */
import type { MatrixCell } from '../matrix/types.js';
import type { PolicyDiff } from './types.js';

const cellJson = (c: MatrixCell) => ({ decision: c.decision, via: c.via, statements: c.statements, paths: c.paths });

export function diffJson(d: PolicyDiff): unknown {
  return {
    kind: d.kind,
    summary: d.summary,
    changes: d.changes.map((c) => ({ subject: c.subject, label: c.label, action: c.action, change: c.change, before: cellJson(c.before), after: cellJson(c.after), why: c.why })),
  };
}
