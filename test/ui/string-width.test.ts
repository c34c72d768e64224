import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import fastStringWidth, { ONE_COLUMN } from '../../source/ui/perf/string-width.js';

/** Every code point the fast path claims is one column wide. */
function fastSet(): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) {
    const c = String.fromCharCode(cp);
    if (ONE_COLUMN.test(c)) out.push(c);
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
});
