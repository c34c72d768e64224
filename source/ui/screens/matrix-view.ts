import { visibleLine } from '../../core/text/visible.js';
import { ACTION_GROUPS, kmsActionsByGroup, type ActionGroup } from '../../core/catalog/kms.js';
import { actionsDisplay, cellConditionKeys, describePath, DISPLAY_LEGEND, DISPLAY_MEANINGS, DISPLAY_SYMBOLS, DISPLAY_WORDS, type GroupDisplay } from '../../core/matrix/index.js';
import type { Matrix, MatrixRow } from '../../core/matrix/types.js';
import type { PolicyKind } from '../../core/policy/model.js';
import type { MatrixMode } from '../state/types.js';
import { SYMBOLS } from '../components/symbols.js';

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

export const DECISION_COLORS: Readonly<Record<GroupDisplay, string>> = {
  allow: 'green',
  iam: 'blue',
  'iam-or-direct': 'cyan',
  grant: 'greenBright',
  deny: 'red',
  conditional: 'yellow',
  none: 'gray',
  mixed: 'magenta',
};

/** The legend line under the grid: every symbol with its short word ('I' only for key policies). */
export function legendText(kind: PolicyKind): string {
  const keyOnly = new Set<GroupDisplay>(['iam', 'iam-or-direct']);
  const order = DISPLAY_LEGEND.filter((d) => !keyOnly.has(d));
  const items = order.map((d) => `${DISPLAY_SYMBOLS[d]} ${DISPLAY_WORDS[d]}`);
  if (kind === 'key') for (const d of keyOnly) items.push(`${DISPLAY_SYMBOLS[d]} ${DISPLAY_WORDS[d]}`);
  return items.join(` ${SYMBOLS.dot} `);
}

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

/** The display decision of a cell of the grid (one action, or every action of a group that counts for the policy kind). */
export function cellDecision(row: MatrixRow, column: MatrixColumn, mode: MatrixMode, kind: PolicyKind = 'identity'): GroupDisplay {
  if (mode === 'groups' && kind === 'key') {
    const onKey = new Set((kmsActionsByGroup().get(column.name as ActionGroup) ?? []).filter((a) => a.onKey).map((a) => a.id));
    return actionsDisplay(row, column.actions.filter((a) => onKey.has(a)));
  }
  return actionsDisplay(row, column.actions);
}

export const symbolOf = (d: GroupDisplay): string => DISPLAY_SYMBOLS[d];

/** The statements and condition keys behind one cell (or all cells of a group), in words. */
export function cellDetail(row: MatrixRow, column: MatrixColumn, mode: MatrixMode, statementName: (i: number) => string, kind: PolicyKind = 'identity'): string {
  const counts = new Map<string, number>();
  const statements = new Set<number>();
  const keys = new Set<string>();
  const decision = cellDecision(row, column, mode, kind);
  for (const a of column.actions) {
    const cell = row.cells[a];
    const d = actionsDisplay(row, [a]);
    counts.set(d, (counts.get(d) ?? 0) + 1);
    for (const s of cell?.statements ?? []) statements.add(s);
    if (cell) for (const k of cellConditionKeys(cell)) keys.add(k);
  }
  const parts = [
    mode === 'groups' && decision === 'mixed'
      ? [...counts].map(([d, n]) => `${n} ${DISPLAY_WORDS[d as GroupDisplay]}`).join(', ')
      : `${DISPLAY_WORDS[decision]}: ${DISPLAY_MEANINGS[decision]}`,
  ];
  const single = column.actions.length === 1 ? row.cells[column.actions[0]!] : undefined;
  if (single && single.paths.length > 0) parts.push(...single.paths.map((p) => describePath(p, statementName)));
  else {
    if (statements.size > 0) parts.push(`statements: ${[...statements].sort((a, b) => a - b).map(statementName).join(', ')}`);
    if (keys.size > 0) parts.push(`conditions: ${[...keys].join(', ')}`);
  }
  if (row.note) parts.push(row.note);
  // Condition keys come from the policy.
  return visibleLine(parts.join('; '));
}
