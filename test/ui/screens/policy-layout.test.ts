import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnWindow, explanationRows, formLayout, wrapText } from '../../../source/ui/screens/policy-layout.js';
import stringWidth from '../../../source/ui/perf/string-width.js';
import type { StatementView } from '../../../source/ui/state/derive.js';

const words = fc.array(fc.stringMatching(/^[a-zA-Z0-9:*/-]{1,30}$/), { minLength: 1, maxLength: 30 });

describe('wrapText', () => {
  it('keeps every row within the width and every character in order (property)', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 1, max: 60 }), (ws, width) => {
        const rows = wrapText(ws.join(' '), width);
        for (const r of rows) expect(r.length).toBeLessThanOrEqual(width);
        expect(rows.join('').replaceAll(' ', '')).toBe(ws.join(''));
      }),
    );
  });

  it('keeps every row within the width in terminal columns, whatever the characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 2, max: 40 }), (text, width) => {
        for (const r of wrapText(text, width)) expect(stringWidth(r)).toBeLessThanOrEqual(width);
      }),
    );
  });

  it('counts wide characters as two columns and never cuts one in half', () => {
    expect(wrapText('鍵の管理者 tag', 6)).toEqual(['鍵の管', '理者', 'tag']);
    expect(wrapText('ab 😀😀', 4)).toEqual(['ab', '😀😀']);
  });

  it('cuts a grapheme cluster wider than the row between its code points (found by the property test)', () => {
    for (const r of wrapText('\u{1D158}\u{1D165}\u{1D16E}', 2)) expect(stringWidth(r)).toBeLessThanOrEqual(2);
  });

  it('breaks at spaces and cuts only a word longer than a row', () => {
    expect(wrapText('Allows the IAM role', 10)).toEqual(['Allows the', 'IAM role']);
    expect(wrapText('arn:aws:iam::111122223333:root', 12)).toEqual(['arn:aws:iam:', ':11112222333', '3:root']);
  });
});

describe('explanationRows', () => {
  it('hangs wrapped bullet lines under their text, deeper bullets further in', () => {
    const statement: StatementView = {
      index: 0,
      label: '#0',
      name: '#0',
      effect: null,
      json: '{}',
      summary: 'Allows everything',
      details: '',
      bullets: [
        { depth: 0, text: 'Actions: one two three four' },
        { depth: 1, text: 'kms:Get* covers five actions' },
      ],
      note: 'Read this first',
    };
    const rows = explanationRows(statement, 16).map((r) => r.map((s) => s.text).join(''));
    expect(rows[0]).toBe('Allows');
    expect(rows).toContain('Note: Read this');
    const bullet = rows.findIndex((r) => r.includes('Actions:'));
    expect(rows[bullet + 1]).toMatch(/^ {2}\S/);
    const deeper = rows.findIndex((r) => r.includes('kms:Get*'));
    expect(rows[deeper]).toMatch(/^ {2}\S /);
    expect(rows[deeper + 1]).toMatch(/^ {4}\S/);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(16);
  });
});

describe('columnWindow', () => {
  it('accounts for every row once: above, shown, or counted in the "more" line (property)', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(250), fc.integer({ min: 1, max: 40 }), (total, offset, size) => {
        const w = columnWindow(total, offset, size);
        expect(w.above + w.shown + w.below).toBe(total);
        // The hint takes a row of its own.
        expect(w.shown + (w.below > 0 ? 1 : 0)).toBeLessThanOrEqual(size);
        expect(w.start).toBeLessThanOrEqual(offset);
        // A column that fits from its start shows all of it.
        if (total - w.start <= size) expect(w.below).toBe(0);
      }),
    );
  });

  it('keeps a short column in place while a longer one scrolls', () => {
    expect(columnWindow(5, 20, 10)).toEqual({ start: 0, shown: 5, above: 0, below: 0 });
    expect(columnWindow(30, 20, 10)).toEqual({ start: 20, shown: 10, above: 20, below: 0 });
    expect(columnWindow(30, 5, 10)).toEqual({ start: 5, shown: 9, above: 5, below: 16 });
  });
});

describe('formLayout', () => {
  it('gives labels the width they need up to 40% of the pane, and the value the rest', () => {
    const labels = ['Key owner account', 'Key administrators 1', 'Key users 1'];
    expect(formLayout(99, labels)).toEqual({ labelWidth: 20, valueWidth: 76 });
    expect(formLayout(39, labels)).toEqual({ labelWidth: 15, valueWidth: 21 });
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 10 }), fc.integer({ min: 30, max: 200 }), (ls, width) => {
        const f = formLayout(width, ls);
        expect(f.labelWidth + 3 + f.valueWidth).toBeLessThanOrEqual(Math.max(width, f.labelWidth + 4));
        const longest = Math.max(0, ...ls.map((l) => l.length));
        // A label is cut only at the 40% limit.
        if (f.labelWidth < longest) expect(f.labelWidth).toBeGreaterThanOrEqual(Math.min(longest, Math.floor(width * 0.4)));
      }),
    );
  });
});
