import { wrapJsonLine } from '../components/json-lines.js';
import { SYMBOLS } from '../components/symbols.js';
import stringWidth from '../perf/string-width.js';
import type { StatementView } from '../state/derive.js';

/**
 * Where the Policy tab puts things, and the statement detail (JSON and
 * explanation) as the rows it draws. Pure: the screen draws from it and the
 * reducer's view asks it how far the detail can scroll, so both count the same rows.
 */

/** A piece of a drawn row with its style. */
export interface Segment {
  readonly text: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
}
export type Row = readonly Segment[];

/** Rows of the screen around the Policy tab: the last row left empty (app.tsx), status and footer (app.tsx), the title and tab bar (workspace.tsx). */
const CHROME_ROWS = 4;

/** The Policy tab's size in a terminal of `columns` x `rows`. */
export function policyTabArea(columns: number, rows: number): { width: number; height: number } {
  return { width: columns, height: rows - CHROME_ROWS };
}

export interface PolicyLayout {
  /** Parameters form and statement list. */
  readonly topHeight: number;
  /** Statement JSON and explanation, heading row included. */
  readonly bottomHeight: number;
  /** Width of the left column (parameters, statement JSON). */
  readonly half: number;
  /** Rows of the detail below its heading. */
  readonly detailRows: number;
  /** Width of the JSON text (the column keeps one column of padding). */
  readonly jsonWidth: number;
  /** Width of the explanation column. */
  readonly textWidth: number;
}

/** The rows the left of the top area wants: a template's parameters, else the grants of `open --grants` (two lines each). */
export function leftRows(paramRows: number, grants: number): number {
  return paramRows > 0 ? paramRows : grants * 2;
}

export function policyLayout(width: number, height: number, paramRows: number, statements: number): PolicyLayout {
  const topHeight = Math.min(Math.max(paramRows, statements) + 2, Math.floor(height * 0.4));
  const bottomHeight = height - topHeight;
  const half = Math.floor(width / 2);
  return { topHeight, bottomHeight, half, detailRows: Math.max(1, bottomHeight - 1), jsonWidth: half - 1, textWidth: width - half };
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts a word wider than a row into rows of at most `width` columns, never inside a character. */
function cutWord(word: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  let used = 0;
  for (const { segment: grapheme } of segmenter.segment(word)) {
    // A cluster wider than the row (rare: e.g. a base and combining marks measured one column
    // each) is cut between its code points rather than overflowing the pane.
    for (const segment of stringWidth(grapheme) > width ? [...grapheme] : [grapheme]) {
      const w = stringWidth(segment);
      if (used + w > width && row) {
        rows.push(row);
        row = '';
        used = 0;
      }
      row += segment;
      used += w;
    }
  }
  rows.push(row);
  return rows;
}

/**
 * Splits text into rows of at most `width` terminal columns at spaces (wide
 * characters count two); a word longer than a row (an ARN) is cut across rows.
 */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let row = '';
    let used = 0;
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      const size = stringWidth(word);
      if (row && used + 1 + size <= w) {
        row += ` ${word}`;
        used += 1 + size;
        continue;
      }
      if (row) out.push(row);
      const parts = size > w ? cutWord(word, w) : [word];
      out.push(...parts.slice(0, -1));
      row = parts[parts.length - 1] ?? '';
      used = stringWidth(row);
    }
    out.push(row);
  }
  return out;
}

/** The statement's JSON as drawn rows (long lines wrapped under their indentation). */
export function jsonRows(statement: StatementView, width: number): Row[] {
  return statement.json.split('\n').flatMap((line) => wrapJsonLine(line, width));
}

/** The explanation as drawn rows: the summary, the teaching note, then the bullets with hanging indents. */
export function explanationRows(statement: StatementView, width: number): Row[] {
  const rows: Row[] = wrapText(statement.summary, width).map((t) => [{ text: t }]);
  if (statement.note) {
    const label = 'Note:';
    wrapText(`${label} ${statement.note}`, width).forEach((t, i) => {
      rows.push(i === 0 ? [{ text: label, bold: true, color: 'magenta' }, { text: t.slice(label.length) }] : [{ text: t }]);
    });
  }
  for (const b of statement.bullets) {
    const indent = ' '.repeat(b.depth * 2);
    const mark = `${SYMBOLS.bullet} `;
    const hang = ' '.repeat(indent.length + mark.length);
    wrapText(b.text, width - hang.length).forEach((t, i) => {
      rows.push(i === 0 ? [{ text: indent }, { text: mark, dim: true }, { text: t, dim: true }] : [{ text: hang }, { text: t, dim: true }]);
    });
  }
  return rows;
}

export interface DetailRows {
  readonly json: readonly Row[];
  readonly text: readonly Row[];
}

// Statements are kept per policy source (derive), so their rows are wrapped once per width, not per key or frame.
const rowsCache = new WeakMap<StatementView, Map<string, DetailRows>>();

export function detailRows(statement: StatementView, layout: PolicyLayout): DetailRows {
  const key = `${layout.jsonWidth}x${layout.textWidth}`;
  let byWidth = rowsCache.get(statement);
  if (!byWidth) rowsCache.set(statement, (byWidth = new Map()));
  let rows = byWidth.get(key);
  if (!rows) byWidth.set(key, (rows = { json: jsonRows(statement, layout.jsonWidth), text: explanationRows(statement, layout.textWidth) }));
  return rows;
}

/** How far the detail scrolls: until the last row of its longer column is in view. */
export function maxDetailOffset(rows: DetailRows, layout: PolicyLayout): number {
  return Math.max(0, Math.max(rows.json.length, rows.text.length) - layout.detailRows);
}

/** Rows one PgDn scrolls: what a cut column shows, less one row kept for context. */
export function detailPage(layout: PolicyLayout): number {
  return Math.max(1, layout.detailRows - 2);
}

export interface ColumnWindow {
  /** First row shown. */
  readonly start: number;
  /** Rows shown. */
  readonly shown: number;
  /** Rows above the window (scrolled past). */
  readonly above: number;
  /** Rows below the window; when there are any, the column's last row says so. */
  readonly below: number;
}

/**
 * The rows of one column shown at a detail offset: the shared offset, but never
 * past the column's own end (a short column stays put while a long one scrolls).
 * A cut column gives its last row to the "more lines" hint.
 */
export function columnWindow(total: number, offset: number, size: number): ColumnWindow {
  const start = Math.max(0, Math.min(offset, total - size));
  const remaining = total - start;
  const shown = remaining > size ? Math.max(0, size - 1) : remaining;
  return { start, shown, above: start, below: remaining - shown };
}

const lines = (n: number) => `${n} ${n === 1 ? 'line' : 'lines'}`;

/** Heading suffix of a scrolled column. */
export function aboveHint(n: number): string {
  return n > 0 ? `${SYMBOLS.up} ${lines(n)} above` : '';
}

/** Last row of a cut column; names the keys where they scroll it (the statements pane). */
export function belowHint(n: number, keys: boolean): string {
  return `${SYMBOLS.ellipsis} ${n} more ${n === 1 ? 'line' : 'lines'}${keys ? ' (PgDn or d)' : ''}`;
}

/** The detail's scroll limits for a statement at a terminal size (what the reducer's view needs). */
export function detailScroll(
  statement: StatementView | undefined,
  size: { columns: number; rows: number },
  paramRows: number,
  statements: number,
): { max: number; page: number } {
  const area = policyTabArea(size.columns, size.rows);
  const layout = policyLayout(area.width, area.height, paramRows, statements);
  return { max: statement ? maxDetailOffset(detailRows(statement, layout), layout) : 0, page: detailPage(layout) };
}
