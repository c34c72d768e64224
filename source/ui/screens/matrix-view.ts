import { ACTION_GROUPS, kmsActionsByGroup, type ActionGroup } from '../../core/catalog/kms.js';
import { groupDecision, GROUP_SYMBOLS, type GroupDecision } from '../../core/matrix/index.js';
import type { Matrix, MatrixRow } from '../../core/matrix/types.js';
import type { MatrixMode } from '../state/types.js';

/** Short column headings of the action groups (the full names are in the detail line). */
export const GROUP_SHORT: Readonly<Record<ActionGroup, string>> = {
  Cryptographic: 'Crypto',
  'Key management': 'KeyMgmt',
  'Access control': 'Access',
  'Read and list': 'Read',
  Tagging: 'Tags',
  Aliases: 'Alias',
  'Custom key stores': 'Stores',
};

export const DECISION_COLORS: Readonly<Record<GroupDecision, string>> = {
  allow: 'green',
  deny: 'red',
  conditional: 'yellow',
  none: 'gray',
  mixed: 'magenta',
};

export const DECISION_WORDS: Readonly<Record<GroupDecision, string>> = {
  allow: 'allowed',
  deny: 'denied',
  conditional: 'conditional',
  none: 'no statement applies',
  mixed: 'mixed',
};

export interface MatrixColumn {
  readonly heading: string;
  /** Group name or action id. */
  readonly name: string;
  readonly actions: readonly string[];
}

export function matrixColumns(matrix: Matrix, mode: MatrixMode): MatrixColumn[] {
  if (mode === 'actions') return matrix.actions.map((a) => ({ heading: a.replace(/^kms:/, ''), name: a, actions: [a] }));
  const byGroup = kmsActionsByGroup();
  return ACTION_GROUPS.map((g) => ({ heading: GROUP_SHORT[g], name: g, actions: (byGroup.get(g) ?? []).map((a) => a.id) }));
}

export function cellDecision(row: MatrixRow, column: MatrixColumn, mode: MatrixMode): GroupDecision {
  if (mode === 'groups') return groupDecision(row, column.name as ActionGroup);
  return row.cells[column.name]?.decision ?? 'none';
}

export const symbolOf = (d: GroupDecision): string => GROUP_SYMBOLS[d];

/** The statements and condition keys behind one cell (or all cells of a group), in words. */
export function cellDetail(row: MatrixRow, column: MatrixColumn, mode: MatrixMode, statementName: (i: number) => string): string {
  const counts = new Map<string, number>();
  const statements = new Set<number>();
  const keys = new Set<string>();
  const vias = new Set<string>();
  for (const a of column.actions) {
    const cell = row.cells[a];
    const d = cell?.decision ?? 'none';
    counts.set(d, (counts.get(d) ?? 0) + 1);
    for (const s of cell?.statements ?? []) statements.add(s);
    for (const k of cell?.conditionKeys ?? []) keys.add(k);
    if (cell?.via) vias.add(cell.via);
  }
  const decision = cellDecision(row, column, mode);
  const parts = [
    mode === 'groups' && decision === 'mixed'
      ? [...counts].map(([d, n]) => `${n} ${d}`).join(', ')
      : DECISION_WORDS[decision],
  ];
  if (vias.has('iam')) parts.push('via IAM policies (the key policy delegates to the account)');
  else if (vias.has('direct')) parts.push('directly by the key policy');
  if (statements.size > 0) parts.push(`statements: ${[...statements].sort((a, b) => a - b).map(statementName).join(', ')}`);
  if (keys.size > 0) parts.push(`conditions: ${[...keys].join(', ')}`);
  return parts.join('; ');
}
