import { visibleLine } from '../../core/text/visible.js';
import { ACTION_GROUPS, kmsActionsByGroup, type ActionGroup } from '../../core/catalog/kms.js';
import { actionsDisplay, cellConditionKeys, cellDisplay, describeCondition, describePath, DISPLAY_LEGEND, DISPLAY_MEANINGS, DISPLAY_SYMBOLS, DISPLAY_WORDS, type CellDisplay, type GroupDisplay } from '../../core/matrix/index.js';
import type { CellPath, Matrix, MatrixRow } from '../../core/matrix/types.js';
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

/** The legend line under the grid: every symbol with its short word ('I' and 'B' only for key policies). */
export function legendText(kind: PolicyKind, mode: MatrixMode = 'actions'): string {
  return legendItems(kind, mode).join(` ${SYMBOLS.dot} `);
}

export interface MatrixColumn {
  readonly heading: string;
  /** Group name or action id. */
  readonly name: string;
  readonly actions: readonly string[];
  /** Single actions: the group the action is shown under. */
  readonly group?: ActionGroup;
}

/**
 * The action axis: the seven groups, or every action of the matrix grouped by
 * action group (catalog order of the groups, names sorted within each).
 */
export function matrixColumns(matrix: Matrix, mode: MatrixMode): MatrixColumn[] {
  const byGroup = kmsActionsByGroup();
  if (mode === 'actions') {
    const groupOf = new Map<string, ActionGroup>();
    for (const [g, actions] of byGroup) for (const a of actions) groupOf.set(a.id, g);
    const rank = (a: string) => {
      const g = groupOf.get(a);
      return g === undefined ? ACTION_GROUPS.length : ACTION_GROUPS.indexOf(g);
    };
    const ordered = [...matrix.actions].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    return ordered.map((a) => {
      const group = groupOf.get(a);
      return { heading: a.replace(/^kms:/, ''), name: a, actions: [a], ...(group ? { group } : {}) };
    });
  }
  return ACTION_GROUPS.map((g) => ({ heading: GROUP_SHORT[g], name: g, actions: (byGroup.get(g) ?? []).map((a) => a.id) }));
}

/** The actions of a column that count in a row: in a key policy, actions not on a key (GenerateRandom, CreateKey) can never be granted. */
function countedActions(column: MatrixColumn, mode: MatrixMode, kind: PolicyKind): readonly string[] {
  if (mode !== 'groups' || kind !== 'key') return column.actions;
  const onKey = new Set((kmsActionsByGroup().get(column.name as ActionGroup) ?? []).filter((a) => a.onKey).map((a) => a.id));
  return column.actions.filter((a) => onKey.has(a));
}

/** The display decision of a cell of the grid (one action, or every action of a group that counts for the policy kind). */
export function cellDecision(row: MatrixRow, column: MatrixColumn, mode: MatrixMode, kind: PolicyKind = 'identity'): GroupDisplay {
  return actionsDisplay(row, countedActions(column, mode, kind));
}

export const symbolOf = (d: GroupDisplay): string => DISPLAY_SYMBOLS[d];

/** Which decision a mixed group counts: the widest access it holds (what a reviewer looks for first). */
const COUNT_ORDER: readonly CellDisplay[] = ['allow', 'grant', 'iam-or-direct', 'iam', 'conditional', 'deny'];

export interface CellShown {
  /** The colour's decision: for a mixed group, the decision it counts. */
  readonly display: GroupDisplay;
  readonly text: string;
}

/** What a cell shows: its symbol, or for a group whose actions differ `3/13 A` (3 of its 13 actions allowed). */
export function cellShown(row: MatrixRow, column: MatrixColumn, mode: MatrixMode, kind: PolicyKind = 'identity'): CellShown {
  const actions = countedActions(column, mode, kind);
  const display = actionsDisplay(row, actions);
  if (display !== 'mixed') return { display, text: DISPLAY_SYMBOLS[display] };
  const counts = displayCounts(row, actions);
  const counted = COUNT_ORDER.find((d) => (counts.get(d) ?? 0) > 0) ?? 'none';
  return { display: counted, text: `${counts.get(counted) ?? 0}/${actions.length} ${DISPLAY_SYMBOLS[counted]}` };
}

function displayCounts(row: MatrixRow, actions: readonly string[]): Map<CellDisplay, number> {
  const counts = new Map<CellDisplay, number>();
  for (const a of actions) {
    const d = cellDisplay(row.cells[a]);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return counts;
}

/** One path as lines: effect, how it reaches the principal, its statements (with Sids), then each condition `key operator values`. */
export function pathLines(p: CellPath, statementName: (i: number) => string): string[] {
  const head = describePath({ ...p, conditions: [] }, statementName);
  return [head, ...p.conditions.map((c, i) => `    ${i === 0 ? 'if' : 'and'} ${describeCondition(c)}`)];
}

/**
 * The detail of the cell under the cursor, one line each (SPEC 2.2): for one
 * action its decision and every path; for a group how many actions have each
 * decision and which, then the statements and condition keys behind them.
 * Sids and condition values come from the policy: every line is visible-safe.
 */
export function cellDetailLines(row: MatrixRow, column: MatrixColumn, mode: MatrixMode, statementName: (i: number) => string, kind: PolicyKind = 'identity'): string[] {
  const actions = countedActions(column, mode, kind);
  const decision = actionsDisplay(row, actions);
  const lines: string[] = [];
  if (mode === 'groups' && actions.length > 1) {
    const byDisplay = new Map<CellDisplay, string[]>();
    const statements = new Set<number>();
    const keys = new Set<string>();
    for (const a of actions) {
      const cell = row.cells[a];
      const d = cellDisplay(cell);
      byDisplay.set(d, [...(byDisplay.get(d) ?? []), a.replace(/^kms:/, '')]);
      for (const s of cell?.statements ?? []) statements.add(s);
      if (cell) for (const k of cellConditionKeys(cell)) keys.add(k);
    }
    for (const d of DISPLAY_LEGEND) {
      const names = byDisplay.get(d as CellDisplay);
      if (!names) continue;
      lines.push(`${names.length} of ${actions.length} ${DISPLAY_WORDS[d]}${d === 'none' ? '' : `: ${names.join(', ')}`}`);
    }
    if (statements.size > 0) lines.push(`statements: ${[...statements].sort((a, b) => a - b).map(statementName).join(', ')}`);
    if (keys.size > 0) lines.push(`conditions on: ${[...keys].join(', ')} (g shows each action's paths)`);
  } else {
    lines.push(`${DISPLAY_WORDS[decision]}: ${DISPLAY_MEANINGS[decision]}`);
    const cell = actions.length === 1 ? row.cells[actions[0]!] : undefined;
    for (const p of cell?.paths ?? []) lines.push(...pathLines(p, statementName));
  }
  if (row.note) lines.push(row.note);
  return lines.map(visibleLine);
}

/** The same detail on one line (the text grid of `matrix` and tests). */
export function cellDetail(row: MatrixRow, column: MatrixColumn, mode: MatrixMode, statementName: (i: number) => string, kind: PolicyKind = 'identity'): string {
  return cellDetailLines(row, column, mode, statementName, kind).map((l) => l.trim()).join('; ');
}

/** Legend words shorter than the detail's, so the legend fits two lines at 80 columns. */
const LEGEND_WORDS: Partial<Record<GroupDisplay, string>> = { 'iam-or-direct': 'IAM, or direct if conditions hold' };

/** The legend's entries: every symbol the grid can show, with its meaning. */
export function legendItems(kind: PolicyKind, mode: MatrixMode): string[] {
  const keyOnly = new Set<GroupDisplay>(['iam', 'iam-or-direct']);
  const shown = DISPLAY_LEGEND.filter((d) => d !== 'mixed' && (kind === 'key' || !keyOnly.has(d)));
  const items = shown.map((d) => `${DISPLAY_SYMBOLS[d]} ${LEGEND_WORDS[d] ?? DISPLAY_WORDS[d]}`);
  if (mode === 'groups') items.push('3/13 A 3 of 13 actions allow');
  items.push('[ ] cursor');
  return items;
}
