import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editText, fieldWindow, textAtEnd, type TextEdit, type TextValue } from '../../../source/ui/state/text-edit.js';
import fastStringWidth from '../../../source/ui/perf/string-width.js';

const apply = (value: TextValue, ...edits: TextEdit[]) => edits.reduce(editText, value);
const insert = (text: string): TextEdit => ({ kind: 'insert', text });
/** No lone surrogate (String.prototype.isWellFormed is newer than the tsconfig's lib). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('text editing', () => {
  it('Given a text, when characters are inserted, then they go in at the caret and the caret follows them', () => {
    expect(apply(textAtEnd('abc'), insert('de'))).toEqual({ text: 'abcde', caret: 5 });
    expect(apply(textAtEnd('abc'), { kind: 'home' }, insert('x'))).toEqual({ text: 'xabc', caret: 1 });
    expect(apply(textAtEnd('abc'), { kind: 'left' }, insert('x'))).toEqual({ text: 'abxc', caret: 3 });
  });

  it('Given a caret in the middle, when Backspace is pressed, then the character before it goes', () => {
    expect(apply(textAtEnd('abc'), { kind: 'left' }, { kind: 'backspace' })).toEqual({ text: 'ac', caret: 1 });
    expect(apply(textAtEnd('abc'), { kind: 'home' }, { kind: 'backspace' })).toEqual({ text: 'abc', caret: 0 });
  });

  it('Given the caret at either end, when moving past it, then it stays', () => {
    expect(apply(textAtEnd('ab'), { kind: 'right' })).toEqual({ text: 'ab', caret: 2 });
    expect(apply(textAtEnd('ab'), { kind: 'home' }, { kind: 'left' })).toEqual({ text: 'ab', caret: 0 });
    expect(apply(textAtEnd('ab'), { kind: 'home' }, { kind: 'end' })).toEqual({ text: 'ab', caret: 2 });
  });

  it('Given pasted text with line breaks and escapes, when inserted, then the control characters are dropped', () => {
    expect(apply(textAtEnd(''), insert('a\r\nb\u001b[Ac\t'))).toEqual({ text: 'ab[Ac', caret: 5 });
  });

  it('Given characters outside the BMP, when moving and deleting, then a surrogate pair is never split', () => {
    const v = textAtEnd('a😀b');
    expect(apply(v, { kind: 'left' }, { kind: 'left' })).toEqual({ text: 'a😀b', caret: 1 });
    expect(apply(v, { kind: 'left' }, { kind: 'backspace' })).toEqual({ text: 'ab', caret: 1 });
    // A caret inside a pair is moved to its start.
    expect(editText({ text: 'a😀b', caret: 2 }, insert('x'))).toEqual({ text: 'ax😀b', caret: 2 });
  });

  it('any sequence of edits keeps the caret inside the text and on a character boundary', () => {
    const edit = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4 }).map(insert),
      fc.constantFrom<TextEdit>({ kind: 'backspace' }, { kind: 'left' }, { kind: 'right' }, { kind: 'home' }, { kind: 'end' }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        let v = textAtEnd('');
        for (const e of edits) {
          v = editText(v, e);
          expect(v.caret).toBeGreaterThanOrEqual(0);
          expect(v.caret).toBeLessThanOrEqual(v.text.length);
          // Splitting at the caret yields well-formed strings on both sides.
          expect(wellFormed(v.text.slice(0, v.caret))).toBe(true);
          expect(wellFormed(v.text.slice(v.caret))).toBe(true);
        }
      }),
    );
  });
});

/** What a field shows, as one string of columns ("<" and ">" for the cut marks, "|" before the caret cell). */
const shown = (value: TextValue, width: number) => {
  const w = fieldWindow(value, width, fastStringWidth);
  return `${w.cutLeft ? '<' : ''}${w.before}|${w.atCaret}${w.after}${w.cutRight ? '>' : ''}`;
};
const columns = (value: TextValue, width: number) => {
  const w = fieldWindow(value, width, fastStringWidth);
  const cols = (s: string) => Array.from(s).reduce((n, ch) => n + Math.max(1, fastStringWidth(ch)), 0);
  return (w.cutLeft ? 1 : 0) + cols(w.before) + cols(w.atCaret) + cols(w.after) + (w.cutRight ? 1 : 0);
};

describe('the visible part of a field', () => {
  const ARN = 'arn:aws:iam::111122223333:role/KeyAdministratorForProduction';

  it('Given a text that fits, then all of it shows with the caret after it', () => {
    expect(shown(textAtEnd('abc'), 10)).toBe('abc| ');
  });

  it('Given a long value with the caret at its end, then its end shows after a cut mark, on one row', () => {
    expect(shown(textAtEnd(ARN), 20)).toBe(`<${ARN.slice(-18)}| `);
    expect(columns(textAtEnd(ARN), 20)).toBe(20);
  });

  it('Given a long value with the caret at its start, then its start shows and a cut mark ends it', () => {
    expect(shown({ text: ARN, caret: 0 }, 20)).toBe(`|${ARN.slice(0, 19)}>`);
  });

  it('Given a caret in the middle of a long value, then text shows on both sides with both cut marks', () => {
    const w = fieldWindow({ text: ARN, caret: 40 }, 20, fastStringWidth);
    expect(w.atCaret).toBe(ARN[40]);
    expect(w.cutLeft).toBe(true);
    expect(ARN.slice(0, 40).endsWith(w.before)).toBe(true);
    expect(columns({ text: ARN, caret: 40 }, 20)).toBeLessThanOrEqual(20);
  });

  it('Given wide characters, then they count for two columns', () => {
    expect(columns(textAtEnd('日本語のテキストです'), 10)).toBeLessThanOrEqual(10);
    expect(shown(textAtEnd('日本語'), 10)).toBe('日本語| ');
  });

  it('for any text, caret and width, the field fits its width and shows the character at the caret next to the text before it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(), fc.integer({ min: 4, max: 80 }), (text, at, width) => {
        const caret = Array.from(text).slice(0, at % (Array.from(text).length + 1)).join('').length;
        const value = { text, caret };
        const w = fieldWindow(value, width, fastStringWidth);
        expect(columns(value, width)).toBeLessThanOrEqual(width);
        expect(text.slice(0, caret).endsWith(w.before)).toBe(true);
        expect(w.atCaret).toBe(Array.from(text.slice(caret))[0] ?? ' ');
        expect(text.slice(caret).slice(w.atCaret === ' ' && caret === text.length ? 0 : w.atCaret.length).startsWith(w.after)).toBe(true);
        // Nothing is cut when it all fits.
        if (Array.from(text).reduce((n, ch) => n + Math.max(1, fastStringWidth(ch)), 0) + 1 <= width) expect(w.cutLeft || w.cutRight).toBe(false);
      }),
    );
  });
});
