/** A run of one pretty-printed JSON line with the colour the Policy tab gives it. */
export type Token = { readonly text: string; readonly color?: string };

// Keys, strings and literals of pretty-printed JSON, one line at a time (no full parser needed for display).
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/g;

export function tokenizeJsonLine(line: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: line.slice(last, at) });
    if (m[1] !== undefined) {
      out.push({ text: m[1], color: m[2] ? 'cyan' : 'green' });
      if (m[2]) out.push({ text: m[2] });
    } else out.push({ text: m[0], color: 'yellow' });
    last = at + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

/**
 * Cuts one pretty-printed line into rows of at most `width` columns, keeping the
 * colours; continuation rows are indented under the line's own indentation, so a
 * long ARN reads as part of its value instead of starting at the pane's edge.
 */
export function wrapJsonLine(line: string, width: number): Token[][] {
  const tokens = tokenizeJsonLine(line);
  if (line.length <= width || width < 8) return [tokens];
  const indent = ' '.repeat(Math.min(line.length - line.trimStart().length + 2, Math.floor(width / 2)));
  const rows: Token[][] = [];
  let row: Token[] = [];
  let room = width;
  for (const t of tokens) {
    let text = t.text;
    while (text.length > 0) {
      if (room === 0) {
        rows.push(row);
        row = [{ text: indent }];
        room = width - indent.length;
      }
      const part = text.slice(0, room);
      row.push(t.color ? { text: part, color: t.color } : { text: part });
      text = text.slice(part.length);
      room -= part.length;
    }
  }
  rows.push(row);
  return rows;
}
