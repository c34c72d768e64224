import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContext } from '../../source/commands/simulate.js';
import { FIXTURES, runBuiltCli } from '../helpers/cli.js';

/** Keys named like Object.prototype's members are plain data everywhere (issue 13). */
const POLICY = join(FIXTURES, 'injection', 'prototype-keys.json');
const CONDITION = join(FIXTURES, 'injection', 'prototype-condition.json');
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

describe('prototype-named keys', () => {
  it.each(NAMES)('simulate --context %s=1 works, as a key like any other', (name) => {
    const r = runBuiltCli(['simulate', '--action', 'kms:Decrypt', '--principal', '111122223333', '--context', `${name}=1`, '--context', `${name}=2`, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { decision: string }).decision).toBe('implicit-deny');
  });

  it('parseContext keeps them as own keys, repeated ones as lists, and nothing inherited', () => {
    const context = parseContext(['__proto__=1', 'constructor=2', 'constructor=3', 'toString=x']);
    expect(Object.entries(context)).toEqual([['__proto__', '1'], ['constructor', ['2', '3']], ['toString', 'x']]);
    expect(Object.getPrototypeOf(context)).toBeNull();
    expect(parseContext([])['hasOwnProperty']).toBeUndefined();
  });

  it('conditions on keys named __proto__, constructor and toString decide by their values', () => {
    const r = runBuiltCli(['simulate', '--action', 'kms:Decrypt', '--principal', 'arn:aws:iam::111122223333:role/App', '--key-policy', CONDITION, '--context', '__proto__=1', '--context', 'constructor=2', '--context', 'toString=3', '--context', 'hasOwnProperty=4', '--json']);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { decision: string }).decision).toBe('allow');
    const miss = runBuiltCli(['simulate', '--action', 'kms:Decrypt', '--principal', 'arn:aws:iam::111122223333:role/App', '--key-policy', CONDITION, '--context', '__proto__=1', '--context', 'constructor=2', '--json']);
    expect((JSON.parse(miss.stdout) as { decision: string }).decision).toBe('implicit-deny');
  });

  it.each(['explain', 'lint', 'matrix'])('%s reads a policy whose principal types and condition keys are prototype names', (command) => {
    const r = runBuiltCli([command, POLICY]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(command === 'lint' ? 1 : 0);
    if (command === 'lint') expect(r.stdout).toContain('"__proto__" is not a principal type');
  });
});
