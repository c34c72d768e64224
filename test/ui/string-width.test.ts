import fc from 'fast-check';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import fastStringWidth, { ONE_COLUMN, ONE_COLUMN_V7, rememberWidths } from '../../source/ui/perf/string-width.js';

/** wrap-ansi's own string-width (version 7), as the build's alias finds it. */
async function stringWidth7(): Promise<(text: string) => number> {
  const fromWrapAnsi = createRequire(createRequire(import.meta.url).resolve('wrap-ansi'));
  return ((await import(pathToFileURL(fromWrapAnsi.resolve('string-width')).href)) as { default: (text: string) => number }).default;
}

/** Every code point a fast path claims is one column wide. */
function fastSet(set: RegExp = ONE_COLUMN): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    const c = String.fromCharCode(cp);
    if (set.test(c)) out.push(c);
  }
  return out;
}

describe('fastStringWidth (Ink measures text with it, via the build alias)', () => {
  it('gives string-width’s answer for every character of the one-column set, alone and after a letter', () => {
    const set = fastSet();
    expect(set.length).toBeGreaterThan(500);
    const wrong = set.filter((c) => stringWidth(c) !== 1 || stringWidth(`a${c}`) !== 2 || fastStringWidth(c) !== stringWidth(c));
    expect(wrong.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
  });

  it('leaves out what is not one column: emoji, wide, combining, zero-width and control characters', () => {
    for (const c of ['😀', '◽', '⌚', '古', 'ｱ', '\u0301', '\u200b', '\u200d', '\u00ad', '\u2028', '\u202e', '\u0007', '\ufe0f']) {
      expect(ONE_COLUMN.test(c), `U+${c.codePointAt(0)!.toString(16)}`).toBe(false);
      expect(fastStringWidth(c)).toBe(stringWidth(c));
    }
    expect(fastStringWidth('↔\ufe0f')).toBe(stringWidth('↔\ufe0f'));
  });

  it('agrees with string-width on styled and mixed text, also when asked again (remembered)', () => {
    const pieces = ['a', ' ', '›', '·', '…', '↑↓', '●', '✓', '✗', '─', '│', '“q”', '古', '😀', 'e\u0301', '\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[39m', '\u001b[7m', '‼\ufe0f', '\t'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(fastStringWidth(text)).toBe(stringWidth(text));
        expect(fastStringWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('passes non-default options through', () => {
    expect(fastStringWidth('·', { ambiguousIsNarrow: false })).toBe(stringWidth('·', { ambiguousIsNarrow: false }));
    expect(fastStringWidth('\u001b[1mab\u001b[22m', { countAnsiEscapeCodes: true })).toBe(stringWidth('\u001b[1mab\u001b[22m', { countAnsiEscapeCodes: true }));
  });

  it('wrap-ansi’s string-width 7: its one-column set gives its answers, and its emoji-style characters are left out', async () => {
    const sw7 = await stringWidth7();
    expect(sw7('↔')).toBe(2); // the reason for a set of its own
    const set = fastSet(ONE_COLUMN_V7);
    expect(set.length).toBeGreaterThan(500);
    const fast7 = rememberWidths(sw7, ONE_COLUMN_V7);
    const wrong = set.filter((c) => sw7(c) !== 1 || sw7(`a${c}`) !== 2 || fast7(c) !== sw7(c));
    expect(wrong.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
    const pieces = ['a', ' ', '›', '·', '…', '↑↓', '↔', '©', '▶', '●', '─', '古', '😀', '\u001b[1m', '\u001b[22m', '\u001b[31m', '\u001b[39m'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        expect(fast7(text)).toBe(sw7(text));
      }),
      { numRuns: 1000 },
    );
  });
});
