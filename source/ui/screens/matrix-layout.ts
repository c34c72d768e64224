/**
 * Where the matrix grid goes on screen, as pure functions of the matrix, the
 * cursor and the terminal size: which axis runs down, how wide the label column
 * and the cells are, and which lines and columns are in view.
 */
import { ACTION_GROUPS } from '../../core/catalog/kms.js';
import { visibleLine } from '../../core/text/visible.js';
import { ANY_OTHER_PRINCIPAL, OTHER_ACCOUNT_KEYS } from '../../core/matrix/index.js';
import type { Matrix, MatrixRow } from '../../core/matrix/types.js';
import { middleEllipsis } from '../components/ellipsis.js';
import { windowStart } from '../components/window.js';
import { BREAKPOINTS } from '../hooks/useTerminalSize.js';
import type { MatrixMode } from '../state/types.js';
import { matrixColumns, type MatrixColumn } from './matrix-view.js';

/**
 * `subjects-rows`: principals (or resources) down, actions or groups across;
 * `actions-rows`: actions or groups down, principals across.
 */
export type MatrixOrientation = 'subjects-rows' | 'actions-rows';

/**
 * The orientation that fits: single actions run down (their full names need a
 * label column, and there are dozens of them), the seven groups run across
 * (they fit as columns from 80 columns up); `t` swaps either.
 */
export function orientationOf(mode: MatrixMode, transposed: boolean): MatrixOrientation {
  const base: MatrixOrientation = mode === 'actions' ? 'actions-rows' : 'subjects-rows';
  if (!transposed) return base;
  return base === 'actions-rows' ? 'subjects-rows' : 'actions-rows';
}

export interface GridWidths {
  readonly labelWidth: number;
  readonly cellWidth: number;
  /** Columns of cells in view. */
  readonly visibleCols: number;
}

/** Narrowest label column, even when the cells would want the room. */
export const MIN_LABEL = 12;

/**
 * Splits `width` between the label column (plus one space) and `columnCount`
 * cells of `cellWidth`: the label takes all it needs (`labelLength`) unless that
 * leaves fewer than `minCols` cells, and never more than it needs (the cells get
 * the rest). So a label is cut only when the row has no free column left.
 */
export function gridWidths(width: number, labelLength: number, columnCount: number, cellWidth: number, minCols: number): GridWidths {
  const want = Math.min(columnCount, Math.max(1, minCols));
  const room = width - 1 - want * cellWidth;
  const first = Math.max(Math.min(labelLength, MIN_LABEL), Math.min(labelLength, room));
  const visibleCols = Math.max(1, Math.min(columnCount, Math.floor((width - 1 - first) / cellWidth)));
  // What the cells leave over goes to the label, up to what it needs.
  const labelWidth = Math.max(first, Math.min(labelLength, width - 1 - visibleCols * cellWidth));
  return { labelWidth, cellWidth, visibleCols };
}

/**
 * A principal or resource in a few columns, keeping its account and its name:
 * `444455556666:role/Partner`, `111122223333:root`, `us-west-2:111122223333:key/…`.
 */
export function shortSubject(row: MatrixRow): string {
  // The subject comes from the policy.
  return visibleLine(shortName(row));
}

function shortName(row: MatrixRow): string {
  if (row.subject === ANY_OTHER_PRINCIPAL) return 'Any other';
  if (row.subject === OTHER_ACCOUNT_KEYS) return 'Other accounts';
  if (row.subject === '*') return 'Anyone (*)';
  // A service principal is its own short name (logs.us-west-2.amazonaws.com).
  if (row.label === `Service ${row.subject}`) return row.subject;
  const iam = /^arn:[^:]+:(?:iam|sts)::([^:]*):(.+)$/.exec(row.subject);
  if (iam) return `${iam[1]}:${iam[2]}`;
  const kms = /^arn:[^:]+:kms:([^:]*):([^:]*):(.+)$/.exec(row.subject);
  if (kms) return kms[1] ? `${kms[1]}:${kms[2]}:${kms[3]}` : `${kms[2]}:${kms[3]}`;
  return row.label;
}

/**
 * A principal's name on two heading lines, for columns too narrow for the one-line
 * short name: the account (`444455556666:`) above the name (`role/Partner`).
 */
export function subjectHeading(row: MatrixRow): readonly [string, string] {
  const short = shortSubject(row);
  const m = /^((?:[a-z0-9-]+:)?[0-9]{12}:)(.+)$/.exec(short);
  if (m) return [m[1]!, m[2]!];
  if (/^Service /.test(row.label)) return ['Service', short];
  return [short, ''];
}

/** A row label in `width` columns: the full label when it fits, else the short name (account and name), shortened in the middle. */
export function subjectLabel(row: MatrixRow, width: number): string {
  if (row.label.length <= width) return row.label;
  return middleEllipsis(shortSubject(row), width);
}

/** A line of the grid: a group heading (actions down, single actions) or one cursor line. */
export type GridLine =
  | { readonly kind: 'heading'; readonly text: string; readonly group: number }
  | { readonly kind: 'item'; readonly index: number; readonly text: string };

export interface MatrixLayout {
  readonly orientation: MatrixOrientation;
  /** Actions or groups (the column model of matrix-view). */
  readonly columns: readonly MatrixColumn[];
  readonly widths: GridWidths;
  /** Principal columns name the account on a line above the name when one line is too narrow. */
  readonly headingRows: 1 | 2;
  /** Index of the first column of cells in view, and of the first grid line. */
  readonly colStart: number;
  readonly lineStart: number;
  /** Every line of the grid (headings included), and how many are in view. */
  readonly lines: readonly GridLine[];
  readonly gridRows: number;
  /** Items across (subjects or actions/groups) and down. */
  readonly acrossCount: number;
  readonly downCount: number;
  /** Which item the cursor is on, across and down. */
  readonly cursorAcross: number;
  readonly cursorDown: number;
}

/** Cell widths: counts like `13/16 A` in group mode, one symbol for single actions; principal columns as wide as their short names (up to 26). */
const GROUP_CELL = 8;
const ACTION_CELL_SUBJECT_ROWS = 16;
const SUBJECT_CELL_MAX = 26;
const SUBJECT_CELL_MIN = 14;
const SUBJECT_CELL_WIDE = 44;

/**
 * Principal columns: as wide as the one-line short names (up to 26) when every
 * principal fits so; else two heading lines (account above name), which need
 * about half the width, narrowed further (names shortened in the middle) only
 * as far as that shows every principal at once.
 */
function subjectColumns(matrix: Matrix, room: number, mode: MatrixMode, width: number): { cellWidth: number; headingRows: 1 | 2 } {
  const count = Math.max(1, matrix.rows.length);
  // A wide terminal shows long names (paths, service principals) whole.
  const max = width >= BREAKPOINTS.wide.columns ? SUBJECT_CELL_WIDE : SUBJECT_CELL_MAX;
  const oneLine = Math.min(max, Math.max(9, ...matrix.rows.map((r) => shortSubject(r).length))) + 1;
  if (oneLine * count <= room) return { cellWidth: oneLine, headingRows: 1 };
  const twoLine = Math.min(max, Math.max(9, ...matrix.rows.flatMap((r) => subjectHeading(r).map((s) => s.length)))) + 1;
  const floor = mode === 'groups' ? Math.max(GROUP_CELL, SUBJECT_CELL_MIN) : SUBJECT_CELL_MIN;
  const fitsAll = Math.floor(room / count);
  return { cellWidth: fitsAll >= twoLine ? twoLine : Math.max(Math.min(floor, twoLine), fitsAll), headingRows: 2 };
}

/** The grid's geometry for a matrix, a cursor (subject row, action/group column) and the space the grid has. */
export function matrixLayout(matrix: Matrix, cursor: { readonly row: number; readonly col: number; readonly mode: MatrixMode; readonly transposed: boolean }, width: number, gridRows: number): MatrixLayout {
  const orientation = orientationOf(cursor.mode, cursor.transposed);
  const columns = matrixColumns(matrix, cursor.mode);
  const rows = Math.max(1, gridRows);
  if (orientation === 'subjects-rows') {
    const labelLength = Math.max(14, ...matrix.rows.map((r) => r.label.length));
    const cell = cursor.mode === 'groups' ? GROUP_CELL : ACTION_CELL_SUBJECT_ROWS;
    const widths = gridWidths(width, labelLength, columns.length, cell, cursor.mode === 'groups' ? columns.length : 2);
    const lines: GridLine[] = matrix.rows.map((r, index) => ({ kind: 'item', index, text: r.label }));
    const colStart = windowStart(cursor.col, columns.length, widths.visibleCols);
    const lineStart = windowStart(cursor.row, lines.length, rows);
    return { orientation, columns, widths, headingRows: 1, colStart, lineStart, lines, gridRows: rows, acrossCount: columns.length, downCount: matrix.rows.length, cursorAcross: cursor.col, cursorDown: cursor.row };
  }
  const lines: GridLine[] = [];
  if (cursor.mode === 'actions') {
    let group = -1;
    columns.forEach((c, index) => {
      const g = c.group === undefined ? -1 : ACTION_GROUPS.indexOf(c.group);
      if (g !== group && c.group !== undefined) lines.push({ kind: 'heading', text: c.group, group: g });
      group = g;
      lines.push({ kind: 'item', index, text: `  ${c.heading}` });
    });
  } else columns.forEach((c, index) => lines.push({ kind: 'item', index, text: c.name }));
  const labelLength = Math.max(14, ...lines.map((l) => l.text.length));
  const { cellWidth: cell, headingRows } = subjectColumns(matrix, width - 1 - labelLength, cursor.mode, width);
  const widths = gridWidths(width, labelLength, matrix.rows.length, cell, 1);
  const body = Math.max(1, rows - (headingRows - 1));
  const colStart = windowStart(cursor.row, matrix.rows.length, widths.visibleCols);
  const at = lines.findIndex((l) => l.kind === 'item' && l.index === cursor.col);
  // A group's heading stays in view above its first action.
  const before = at > 0 && lines[at - 1]!.kind === 'heading' ? at - 1 : at;
  let lineStart = windowStart(Math.max(0, at), lines.length, body);
  if (before >= 0 && before < lineStart) lineStart = before;
  return { orientation, columns, widths, headingRows, colStart, lineStart, lines, gridRows: body, acrossCount: matrix.rows.length, downCount: columns.length, cursorAcross: cursor.row, cursorDown: cursor.col };
}

/** Rows of the matrix tab: a heading line, the grid, the legend (wrapped), the detail of the cell under the cursor. */
export interface MatrixAreas {
  readonly gridRows: number;
  readonly legendRows: number;
  readonly detailRows: number;
}

/** Items packed into lines of `width` columns, never splitting an item (one longer than a line gets a line of its own, cut at its end by the renderer). */
export function packLines(items: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + separator.length + item.length > width) {
      lines.push(line);
      line = item;
    } else line = line ? `${line}${separator}${item}` : item;
  }
  if (line) lines.push(line);
  return lines;
}

/** The split of the tab's height: the detail gets about a third (5 to 12 rows), the legend what it needs to say every symbol, the grid the rest. */
export function matrixAreas(height: number, legendRows: number): MatrixAreas {
  const detailRows = Math.max(5, Math.min(12, Math.floor(height * 0.3)));
  const gridRows = Math.max(1, height - 1 - legendRows - detailRows);
  return { gridRows, legendRows, detailRows };
}

/** Height of the workspace's tab body in a terminal of `rows` rows: app frame, tab bar, one status row and the footer above and below. */
export const tabBodyHeight = (rows: number): number => rows - 4;

/** Between the legend's entries. */
export const LEGEND_SEPARATOR = '  ';

/** Where the grid's window is ("rows 1-10 of 31", "principals 4-6 of 31"): empty parts when that axis fits whole. */
export function windowPosition(layout: MatrixLayout): { readonly down: string; readonly across: string } {
  const actionsDown = layout.orientation === 'actions-rows';
  const inView = layout.lines.slice(layout.lineStart, layout.lineStart + layout.gridRows).filter((l) => l.kind === 'item');
  const shown = Math.min(layout.widths.visibleCols, layout.acrossCount - layout.colStart);
  const first = inView[0];
  const last = inView[inView.length - 1];
  return {
    down: layout.lines.length > layout.gridRows && first && last ? `${actionsDown ? 'actions' : 'rows'} ${first.index + 1}-${last.index + 1} of ${layout.downCount}` : '',
    across: layout.acrossCount > layout.widths.visibleCols ? `${actionsDown ? 'principals' : 'columns'} ${layout.colStart + 1}-${layout.colStart + shown} of ${layout.acrossCount}` : '',
  };
}

/**
 * Where the title and the window position go: the heading's corner keeps the
 * title (the mode), with the position beside it, after the column headings or
 * under the title where there is room; what finds no room there is `rest`, a line of its own.
 */
export function headingText(layout: MatrixLayout, title: string, width: number): { readonly corner: readonly string[]; readonly after: string; readonly rest: string } {
  const { down, across } = windowPosition(layout);
  const { labelWidth, cellWidth, visibleCols } = layout.widths;
  const headingsEnd = labelWidth + 1 + Math.min(visibleCols, layout.acrossCount - layout.colStart) * cellWidth;
  const besideTitle = (part: string) => part !== '' && title.length + 2 + part.length <= labelWidth;
  const corner = [besideTitle(down) ? `${title}  ${down}` : title];
  const left = [besideTitle(down) ? '' : down, across].filter(Boolean);
  if (layout.headingRows === 2) {
    const second = left.find((p) => p.length <= labelWidth) ?? '';
    corner.push(second);
    return { corner, after: '', rest: left.filter((p) => p !== second).join(', ') };
  }
  const joined = left.join(', ');
  if (joined && headingsEnd + 2 + joined.length <= width) return { corner, after: joined, rest: '' };
  return { corner, after: '', rest: joined };
}
