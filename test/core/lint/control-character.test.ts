import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../../../source/core/lint/index.js';
import { formatText } from '../../../source/core/lint/report.js';
import { firstUnsafe, injectionCorpus } from '../../helpers/injection.js';

/** Where each element's injected string sits in the corpus policies (statement 1). */
const POINTERS: Record<string, string> = {
  Sid: '/Statement/1/Sid',
  Principal: '/Statement/1/Principal/AWS',
  Action: '/Statement/1/Action/1',
  Resource: '/Statement/1/Resource',
  ConditionValue: '/Statement/1/Condition/StringEquals/kms:EncryptionContext:Department',
};

describe('CONTROL_CHARACTER (SPEC 3): a reviewer sees the invisible character, and where it is', () => {
  it.each(injectionCorpus().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const text = JSON.stringify(c.policy, null, 2);
    const { findings } = lintPolicy(text, { kind: 'key' });
    const hits = findings.filter((f) => f.id === 'CONTROL_CHARACTER');
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(hit.severity).toBe('security');
    expect(hit.statement).toBe(1);
    if (c.element === 'ConditionKey') expect(hit.path.startsWith('/Statement/1/Condition/StringEquals/kms:EncryptionContext:Dept')).toBe(true);
    else expect(hit.path).toBe(POINTERS[c.element]);
    // Located at the string (a key at its key): the line of the text holds it.
    const line = text.split('\n')[hit.line! - 1]!;
    expect(line.slice(hit.column! - 1).startsWith('"')).toBe(true);
    // The message names the string escaped, with the code point of what is hidden.
    expect(hit.message).toMatch(/\\u[0-9a-f]{4}/);
    expect(hit.message).toMatch(/U\+[0-9A-F]{4}/);
    // No message of any finding (INVALID_SID, INVALID_ACTION, ...) carries the raw character.
    for (const f of findings) expect(firstUnsafe(f.message), f.id).toBeNull();
    expect(firstUnsafe(formatText(findings, 'policy.json', text, 'key'))).toBeNull();
  });

  it('sees keys anywhere, and strings outside statements', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Id: 'key-\u200bpolicy', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*', 'Sid\u202e': 'x' }] });
    const paths = lintPolicy(text, { kind: 'key' }).findings.filter((f) => f.id === 'CONTROL_CHARACTER').map((f) => f.path);
    expect(paths).toEqual(['/Id', '/Statement/0/Sid\u202e']);
  });

  it('is quiet on ordinary Unicode', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Abc', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'kms:EncryptionContext:Dept': 'Café 財務 😀' } } }] });
    expect(lintPolicy(text, { kind: 'key' }).findings.filter((f) => f.id === 'CONTROL_CHARACTER')).toEqual([]);
  });
});
