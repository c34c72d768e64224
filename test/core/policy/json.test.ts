import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJson } from '../../../source/core/policy/json.js';
import { keyPositionAt, nodeAt } from '../../../source/core/policy/json-pointer.js';

describe('parseJson', () => {
  it('gives every value its line and column', () => {
    const text = '{\n  "a": [1, "x"],\n  "b": {"c": null}\n}';
    const { root, problems } = parseJson(text);
    expect(problems).toEqual([]);
    expect(nodeAt(root, '/a/1')).toMatchObject({ type: 'string', value: 'x', start: { line: 2, column: 12 } });
    expect(nodeAt(root, '/b/c')).toMatchObject({ type: 'null', start: { line: 3, column: 14 } });
    expect(keyPositionAt(root, '/b/c')).toMatchObject({ line: 3, column: 9 });
  });

  it('reports a duplicate key at the second occurrence and keeps the last value, as JSON.parse does', () => {
    const text = '{\n  "Effect": "Allow",\n  "Effect": "Deny"\n}';
    const { value, problems } = parseJson(text);
    expect(value).toEqual(JSON.parse(text));
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'duplicate-key', line: 3, column: 3, pointer: '/Effect', message: expect.stringContaining('first at line 2, column 3') }),
    ]);
  });

  it.each([
    ['', 1, 1, /empty/],
    ['{"a": 1,}', 1, 9, /Trailing comma/],
    ['{"a": 1 "b": 2}', 1, 9, /missing comma/],
    ['{"a": tru}', 1, 7, /Unexpected word 'tru'/],
    ["{'a': 1}", 1, 2, /double quotes/],
    ['{"a": "x\ny"}', 1, 9, /line break inside a string/],
    ['{"a": 1}\n}', 2, 1, /after the end/],
    ['[1, 2', 1, 6, /Expected ',' or ']'/],
    ['{"a": 01}', 1, 8, /Invalid number/],
    ['{"a": "\\x"}', 1, 8, /Invalid escape/],
    ['// c\n{}', 1, 1, /Comments/],
    ['{"a" 1}', 1, 6, /Expected ':'/],
  ])('reports %j as a syntax error at %i:%i', (text, line, column, message) => {
    const { root, value, problems } = parseJson(text);
    expect(root).toBeNull();
    expect(value).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'syntax', line, column });
    expect(problems[0]!.message).toMatch(message);
  });

  it('skips a byte order mark', () => {
    expect(parseJson('\uFEFF{"a": 1}').value).toEqual({ a: 1 });
  });

  it('keeps "__proto__" as a plain key', () => {
    const { value } = parseJson('{"__proto__": {"x": 1}}');
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reports very deep nesting instead of overflowing the stack', () => {
    const { problems } = parseJson('['.repeat(100_000));
    expect(problems[0]?.message).toMatch(/Nesting deeper/);
  });

  it('agrees with JSON.parse on every JSON value', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const { value, problems } = parseJson(text);
        expect(problems.filter((p) => p.kind === 'syntax')).toEqual([]);
        expect(value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and rejects what JSON.parse rejects', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const r = parseJson(text);
        let ok = true;
        try {
          JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        } catch {
          ok = false;
        }
        expect(r.problems.some((p) => p.kind === 'syntax')).toBe(!ok);
      }),
      { numRuns: 500 },
    );
  });
});
