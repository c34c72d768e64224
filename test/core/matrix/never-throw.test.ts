/**
 * The matrix, the explanation and authorize take whatever a user opens: any JSON
 * value, a policy with members deleted, replaced or renamed, values of the wrong
 * type, prototype-looking keys. They must return well-formed results, never throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_GROUPS, kmsActionIds } from '../../../source/core/catalog/kms.js';
import { authorize } from '../../../source/core/evaluate/index.js';
import { explainDocument, renderExplanation } from '../../../source/core/explain/index.js';
import { buildMatrix, cellDisplay, DISPLAY_SYMBOLS, groupDisplay } from '../../../source/core/matrix/index.js';
import { buildDocument, detectKind, parsePolicy } from '../../../source/core/policy/index.js';
import { anyPolicy, mutate } from '../../helpers/arbitraries.js';

const ACTIONS = kmsActionIds();
const DECISIONS = ['allow', 'deny', 'conditional', 'none'];

/** Checks one document both as a key policy and as an identity policy; returns what is malformed (plain checks: this runs thousands of times). */
function problems(raw: unknown): string[] {
  const out: string[] = [];
  const doc = buildDocument(raw);
  for (const kind of ['key', 'identity'] as const) {
    const m = buildMatrix(doc, kind);
    if (m.actions.length !== ACTIONS.length || m.actions.some((a, i) => a !== ACTIONS[i])) out.push(`${kind}: actions differ from the catalog`);
    if (m.rows.length === 0) out.push(`${kind}: no rows`);
    for (const row of m.rows) {
      if (typeof row.subject !== 'string' || typeof row.label !== 'string' || row.label === '') out.push(`${kind}: bad row ${JSON.stringify(row.subject)}`);
      for (const a of ACTIONS) {
        const cell = row.cells[a];
        if (!cell || !DECISIONS.includes(cell.decision)) out.push(`${kind}: ${row.subject} ${a}: bad cell`);
        else if (!cell.statements.every((i) => Number.isInteger(i) && i >= 0 && i < doc.statements.length)) out.push(`${kind}: ${row.subject} ${a}: bad statements ${cell.statements.join()}`);
        else if (DISPLAY_SYMBOLS[cellDisplay(cell)] === undefined) out.push(`${kind}: ${row.subject} ${a}: no symbol`);
      }
      for (const g of ACTION_GROUPS) if (DISPLAY_SYMBOLS[groupDisplay(row, g, kind)] === undefined) out.push(`${kind}: ${row.subject} ${g}: no symbol`);
      JSON.stringify(row);
    }
    const explanation = explainDocument(doc, kind);
    if (explanation.statements.length !== doc.statements.length) out.push(`${kind}: explanation has ${explanation.statements.length} statements`);
    for (const s of explanation.statements) if (typeof s.summary !== 'string' || s.summary === '') out.push(`${kind}: statement ${s.index} has no summary`);
    if (typeof renderExplanation(explanation) !== 'string') out.push(`${kind}: no text`);
  }
  const probe = authorize({
    action: 'kms:Decrypt',
    principal: 'arn:aws:iam::111122223333:role/App',
    context: { 'kms:ViaService': 'ec2.us-west-2.amazonaws.com', 'aws:TagKeys': ['a', 'b'] },
    keyPolicy: doc,
    identityPolicies: [{ name: 'same', document: doc }],
  });
  if (!['allow', 'explicit-deny', 'implicit-deny'].includes(probe.decision)) out.push(`authorize: ${probe.decision}`);
  return out;
}

const wellFormed = (raw: unknown) => expect(problems(raw)).toEqual([]);


/** Values that have broken naive policy code: wrong types, empty containers, prototype keys, odd wildcards. */
const poison = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    null, 0, -1, true, '', '*', '?', '**', [], {}, [null], [[]], ['*', 7], { AWS: null }, { AWS: [] }, { AWS: {} }, { Service: 7 },
    { __proto__: null, AWS: '*' }, JSON.parse('{"__proto__": {"AWS": "*"}}'), { constructor: 'x', toString: 1, hasOwnProperty: [] },
    { toString: { 'kms:CallerAccount': '111122223333' } }, { constructor: { 'aws:SourceIp': ['203.0.113.1'] } }, { valueOf: 'arn:aws:iam::111122223333:root' },
    { StringEquals: null }, { StringEquals: { 'kms:CallerAccount': null } }, { StringEquals: { 'kms:CallerAccount': [[]] } }, { 'ForAnyValue:': { k: 'v' } },
    { 'ForAllValues:NullIfExists': { k: 'true' } }, { IpAddress: { 'aws:SourceIp': '999.1.1.1/99' } }, { IpAddress: { 'aws:SourceIp': ':::' } },
    { DateLessThan: { 'aws:CurrentTime': 'tomorrow' } }, { NumericLessThan: { k: { n: 1 } } }, { ArnLike: { 'aws:SourceArn': 'arn:' } },
    'arn:aws:kms:*', 'arn::::::', 'arn:aws:iam::111122223333:role/', 'kms:', ':', 'arn:aws:iam::*:root', '111122223333', 'cloudtrail.amazonaws.com',
    'x'.repeat(500), '*'.repeat(60), `${'a*'.repeat(30)}b`, '\u0000', '\u{1F511}', { Effect: 'Allow', Action: '*', Resource: '*', Principal: '*' },
  ),
);

describe('matrix, explain and authorize never throw', () => {
  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      wellFormed(v);
    }), { numRuns: 300 });
  });

  it('on generated policies with one member deleted, replaced or renamed', () => {
    fc.assert(
      fc.property(anyPolicy, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), poison, fc.nat(2), (policy, path, replacement, op) => {
        wellFormed(mutate(policy, path, replacement, op));
      }),
      { numRuns: 600 },
    );
  });

  it('on generated policies with several mutations, read back from text as the commands do', () => {
    fc.assert(
      fc.property(anyPolicy, fc.array(fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), poison, fc.nat(2)), { minLength: 1, maxLength: 4 }), (policy, steps) => {
        let raw: unknown = policy;
        for (const [path, replacement, op] of steps) raw = mutate(raw, path, replacement, op);
        const parsed = parsePolicy(JSON.stringify(raw) ?? 'null');
        if (parsed.document) {
          expect(['key', 'identity']).toContain(detectKind(parsed.document));
          wellFormed(parsed.document.raw);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('on statements whose every element has the wrong type', () => {
    const element = fc.constantFrom('Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition');
    fc.assert(
      fc.property(fc.array(fc.dictionary(element, poison, { maxKeys: 9 }), { maxLength: 4 }), fc.boolean(), (statements, single) => {
        wellFormed({ Version: '2012-10-17', Statement: single ? statements[0] ?? {} : statements });
      }),
      { numRuns: 300 },
    );
  });
});
