/**
 * A cell from its paths (SPEC 2.2). Explicit deny wins (IAM policy evaluation
 * logic, reference_policies_evaluation-logic.html), so an unconditional Deny path
 * decides the cell; without any Allow path the cell is never allowed. A grant path
 * (SPEC 2.6) allows by itself, as a direct one does: a grant's permissions need no
 * IAM policy (grants.html, grant-delete.html; see evaluate/authorize.ts), and the
 * policies' Deny paths still win over it (control-access.html: "...provided
 * explicitly and never denied"). Its via ranks after direct and before iam.
 */
import type { CellPath, MatrixCell, PathVia } from './types.js';
import { conditionsImply } from './implies.js';

export const NONE_CELL: MatrixCell = Object.freeze({ decision: 'none', via: null, statements: [], paths: [] });

const VIA_RANK: Readonly<Record<PathVia, number>> = { direct: 0, grant: 1, iam: 2 };

function bestVia(paths: readonly CellPath[]): PathVia | null {
  let best: PathVia | null = null;
  for (const p of paths) if (p.via && (best === null || VIA_RANK[p.via] < VIA_RANK[best])) best = p.via;
  return best;
}

function statementsOf(paths: readonly CellPath[]): number[] {
  const out = new Set<number>();
  for (const p of paths) for (const s of p.statements) out.add(s);
  return [...out].sort((a, b) => a - b);
}

/**
 * True when the Allow's conditions make every condition of the Deny hold: whenever the
 * Allow applies, the Deny does (e.g. a grant for exactly Department=IT beside a Deny on
 * Department like "Fin*" or "IT").
 */
function shadows(deny: CellPath, allow: CellPath): boolean {
  return conditionsImply(allow.conditions, deny.conditions);
}

/** Summarizes the paths of one cell into its decision, via and deciding statements. */
export function cellFromPaths(paths: readonly CellPath[]): MatrixCell {
  if (paths.length === 0) return NONE_CELL;
  const hardDeny = paths.filter((p) => p.effect === 'Deny' && p.conditions.length === 0);
  if (hardDeny.length > 0) return { decision: 'deny', via: null, statements: statementsOf(hardDeny), paths };
  const denies = paths.filter((p) => p.effect === 'Deny');
  // An Allow that a Deny always accompanies never ends allowed (explicit deny wins).
  const allows = paths.filter((p) => p.effect === 'Allow' && !denies.some((d) => shadows(d, p)));
  if (allows.length === 0) return { decision: 'none', via: null, statements: [], paths };
  const softDeny = paths.some((p) => p.effect === 'Deny');
  const hardAllow = allows.filter((p) => p.conditions.length === 0);
  if (hardAllow.length > 0 && !softDeny) return { decision: 'allow', via: bestVia(hardAllow), statements: statementsOf(hardAllow), paths };
  return { decision: 'conditional', via: bestVia(allows), statements: statementsOf(paths), paths };
}

/** The condition keys a cell depends on (every condition of every path), as written, first spelling kept. */
export function cellConditionKeys(cell: MatrixCell): string[] {
  const seen = new Map<string, string>();
  for (const p of cell.paths) for (const c of p.conditions) if (!seen.has(c.key.toLowerCase())) seen.set(c.key.toLowerCase(), c.key);
  return [...seen.values()];
}
