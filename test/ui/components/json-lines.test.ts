import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeJsonLine, wrapJsonLine } from '../../../source/ui/components/json-lines.js';

describe('JSON view', () => {
  it('colours keys, strings and literals differently', () => {
    const tokens = tokenizeJsonLine('  "Effect": "Allow", "n": 12, "b": true');
    const color = (text: string) => tokens.find((t) => t.text === text)?.color;
    expect(color('"Effect"')).toBeDefined();
    expect(color('"Allow"')).toBeDefined();
    expect(color('"Effect"')).not.toBe(color('"Allow"'));
    expect(color('12')).toBeDefined();
    expect(color('true')).toBe(color('12'));
  });

  it('wraps a long line into rows of the pane width, continuation rows indented, colours kept', () => {
    fc.assert(
      fc.property(fc.nat({ max: 12 }), fc.string({ minLength: 0, maxLength: 120 }), fc.integer({ min: 8, max: 60 }), (depth, value, width) => {
        const line = `${' '.repeat(depth)}"AWS": ${JSON.stringify(value)},`;
        const rows = wrapJsonLine(line, width);
        if (line.length <= width) expect(rows).toHaveLength(1);
        for (const row of rows) expect(row.map((t) => t.text).join('').length).toBeLessThanOrEqual(width);
        const indent = ' '.repeat(Math.min(depth + 2, Math.floor(width / 2)));
        const text = rows.map((row, i) => {
          const s = row.map((t) => t.text).join('');
          if (i === 0) return s;
          expect(s.startsWith(indent)).toBe(true);
          return s.slice(indent.length);
        });
        expect(text.join('')).toBe(line);
        // Every character keeps the colour the whole line gives it.
        const colours = (tokens: readonly { text: string; color?: string }[]) => tokens.flatMap((t) => [...t.text].map(() => t.color ?? ''));
        const wrapped = rows.flatMap((row, i) => colours(i === 0 ? row : row.slice(1)));
        expect(wrapped).toEqual(colours(tokenizeJsonLine(line)));
      }),
    );
  });

  it('keeps a long ARN within the pane, its continuation indented under its value', () => {
    const json = JSON.stringify({ Principal: { AWS: 'arn:aws:iam::111122223333:role/AVeryLongRoleNameForTesting' } }, null, 2);
    const lines = json.split('\n').flatMap((line) => wrapJsonLine(line, 30)).map((row) => row.map((t) => t.text).join(''));
    expect(lines.every((l) => l.length <= 30)).toBe(true);
    const at = lines.findIndex((l) => l.includes('"AWS"'));
    expect(lines[at + 1]).toMatch(/^ {6}\S/);
    expect(lines.join('').replace(/\s+/g, '')).toContain('arn:aws:iam::111122223333:role/AVeryLongRoleNameForTesting');
  });
});
