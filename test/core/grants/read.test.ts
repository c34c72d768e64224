/** Reading list-grants output: pages concatenated, positions in the file, malformed input as findings, never an exception. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readListGrants } from '../../../source/core/grants/index.js';
import { authorize } from '../../../source/core/evaluate/index.js';

const grant = (id: string, ops: string[] = ['Decrypt']) => ({ KeyId: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', GrantId: id, GranteePrincipal: 'arn:aws:iam::111122223333:role/App', Operations: ops });

describe('readListGrants', () => {
  it('reads several pages written one after the other, with lines and columns of the whole file', () => {
    const text = `${JSON.stringify({ Grants: [grant('a')], NextMarker: 'm', Truncated: true }, null, 2)}\n${JSON.stringify({ Grants: [grant('b'), grant('c')] }, null, 2)}\n`;
    const r = readListGrants('grants.json', text);
    expect(r.findings).toEqual([]);
    expect(r.grants.map((g) => g.id)).toEqual(['a', 'b', 'c']);
    const lines = text.split('\n');
    for (const g of r.grants) expect(lines[g.position.line - 1]!.slice(g.position.column - 1)).toMatch(/^\{/);
    expect(r.grants[1]!.position.line).toBeGreaterThan(r.grants[0]!.position.line + 5);
  });

  it('reads pages on one line', () => {
    const r = readListGrants('g.json', `${JSON.stringify({ Grants: [grant('a')] })}${JSON.stringify({ Grants: [grant('b')] })}`);
    expect(r.grants.map((g) => g.id)).toEqual(['a', 'b']);
    expect(r.grants[1]!.position).toEqual({ line: 1, column: JSON.stringify({ Grants: [grant('a')] }).length + 12 });
  });

  it('an empty list is no grant and no finding', () => {
    expect(readListGrants('g.json', '{"Grants": []}')).toEqual({ grants: [], findings: [] });
  });

  it('refuses an operation a grant can never carry, at that operation', () => {
    const text = JSON.stringify({ Grants: [grant('a', ['Decrypt', 'ScheduleKeyDeletion'])] }, null, 2);
    const r = readListGrants('g.json', text);
    expect(r.grants[0]!.operations).toEqual(['Decrypt']);
    expect(r.findings.map((f) => [f.id, f.path])).toEqual([['GRANT_INVALID', '/Grants/0/Operations/1']]);
    const f = r.findings[0]!;
    expect(text.split('\n')[f.line! - 1]!.slice(f.column! - 1)).toMatch(/^"ScheduleKeyDeletion"/);
  });

  it('bad JSON is a JSON_SYNTAX finding with line and column', () => {
    const r = readListGrants('g.json', '{"Grants": [\n  {"GrantId": "a",}\n]}');
    expect(r.grants).toEqual([]);
    expect(r.findings.map((f) => [f.id, f.line])).toEqual([['JSON_SYNTAX', 2]]);
    expect(r.findings[0]!.column).not.toBeNull();
  });

  it('reads keys case-sensitively as the API writes them (grantee of another spelling is no grantee)', () => {
    const r = readListGrants('g.json', JSON.stringify({ Grants: [{ GrantId: 'a', granteePrincipal: 'arn:aws:iam::111122223333:role/App', Operations: ['Decrypt'] }] }));
    expect(r.grants).toEqual([]);
    expect(r.findings.map((f) => f.id)).toEqual(['GRANT_INVALID']);
  });

  it('constraint keys such as __proto__ and constructor are pairs like any other', () => {
    const text = '{"Grants": [{"GrantId": "a", "GranteePrincipal": "arn:aws:iam::111122223333:role/App", "Operations": ["Decrypt"], "Constraints": {"EncryptionContextSubset": {"__proto__": "x", "constructor": "y"}}}]}';
    const r = readListGrants('g.json', text);
    expect(r.findings).toEqual([]);
    const subset = r.grants[0]!.constraints!.encryptionContextSubset!;
    expect(Object.keys(subset).sort()).toEqual(['__proto__', 'constructor']);
    const grants = r.grants;
    const ask = (context: Record<string, string>) => authorize({ action: 'kms:Decrypt', principal: 'arn:aws:iam::111122223333:role/App', context, grants }).decision;
    expect(ask({ 'kms:EncryptionContext:__proto__': 'x', 'kms:EncryptionContext:constructor': 'y' })).toBe('allow');
    expect(ask({ 'kms:EncryptionContext:__proto__': 'x' })).toBe('implicit-deny');
  });

  it('never throws, whatever the text', () => {
    const json = fc.jsonValue().map((v) => JSON.stringify({ Grants: [v, grant('x')] }));
    fc.assert(
      fc.property(fc.oneof(fc.string(), json, json.map((t) => t + t), json.map((t) => t.slice(0, Math.floor(t.length / 2)))), (text) => {
        const r = readListGrants('g.json', text);
        for (const f of r.findings) expect(f.line === null || f.line >= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
