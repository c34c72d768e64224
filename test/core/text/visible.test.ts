import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasInvisible, visible, visibleLine } from '../../../source/core/text/visible.js';
import { readFixture } from '../../helpers/fixtures.js';

interface VisibleCase {
  readonly name: string;
  readonly input: string;
  readonly visible: string;
}

const { cases } = JSON.parse(readFixture('text', 'visible.json')) as { cases: VisibleCase[] };

/** Every character visible() must escape, by its definition in SPEC 2. */
function mustEscape(code: number): boolean {
  if (code === 0x0a || code === 0x09) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x061c || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || code === 0x2060 || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff;
}

describe('visible(): text from outside, shown to people', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(visible(c.input)).toBe(c.visible);
    expect(hasInvisible(visible(c.input))).toBe(false);
  });

  it('escapes exactly the characters SPEC 2 names, each as \\uXXXX (every code point of the BMP)', () => {
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      const expected = mustEscape(code) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
      if (visible(ch) !== expected) expect(`U+${code.toString(16)} -> ${JSON.stringify(visible(ch))}`).toBe(`U+${code.toString(16)} -> ${JSON.stringify(expected)}`);
    }
  });

  it('never leaves an unsafe character, and changes nothing else (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const out = visible(s);
        expect(hasInvisible(out)).toBe(false);
        // Undo the escapes: the original comes back (the escape form is unambiguous for unsafe characters).
        const back = out.replace(/\\u([0-9a-f]{4})/g, (m, hex: string) => (mustEscape(parseInt(hex, 16)) ? String.fromCharCode(parseInt(hex, 16)) : m));
        expect(back).toBe(s);
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('visibleLine also escapes newline and tab (one-line labels and file names)', () => {
    expect(visibleLine('a\nb\tc\u001b')).toBe('a\\u000ab\\u0009c\\u001b');
  });
});
