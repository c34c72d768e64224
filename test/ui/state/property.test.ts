import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../source/ui/keys/bindings.js';
import type { Action } from '../../../source/ui/state/reducer.js';
import { focusOf } from '../../../source/ui/state/reducer.js';
import { EXPORT_FORMATS, type AppState } from '../../../source/ui/state/types.js';
import { act, browserState, fileState, templateState, TEMPLATES, viewFor } from './harness.js';

/** Text a person might type into a field: valid and invalid parameter values, filter words, paths. */
const typed = fc.constantFrom('', '444455556666', '4444', 'us-east-1', 'arn:aws:iam::111122223333:role/R', 'not valid', 'hmac', 'kms:Decrypt', 'zzz', './out.json', '  ');

/** An action as generated; the app's view and the current effect id are filled in when it is dispatched. */
type Step = { readonly type: 'command'; readonly command: (typeof COMMANDS)[number] } | { readonly type: 'effect-done'; readonly saved: boolean } | Exclude<Action, { type: 'command' } | { type: 'effect-done' } | { type: 'sync-view' }>;

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...COMMANDS).map((command): Step => ({ type: 'command', command })) },
  { weight: 1, arbitrary: typed.map((value): Step => ({ type: 'filter-change', value })) },
  { weight: 1, arbitrary: fc.constant<Step>({ type: 'filter-submit' }) },
  { weight: 2, arbitrary: typed.map((value): Step => ({ type: 'edit-change', value })) },
  { weight: 1, arbitrary: fc.constant<Step>({ type: 'edit-submit' }) },
  { weight: 1, arbitrary: typed.map((value): Step => ({ type: 'prompt-change', value })) },
  { weight: 1, arbitrary: fc.constant<Step>({ type: 'prompt-submit' }) },
  { weight: 1, arbitrary: fc.boolean().map((saved): Step => ({ type: 'effect-done', saved })) },
);

function dispatched(s: AppState, st: Step): Action {
  if (st.type === 'command') return { type: 'command', command: st.command, view: viewFor(s) };
  if (st.type === 'effect-done') return { type: 'effect-done', id: s.effect?.id ?? -1, message: null, saved: st.saved };
  return st;
}

const start = fc.oneof(
  fc.constant(browserState()),
  fc.constantFrom(...TEMPLATES.map((t) => t.id)).map(templateState),
  fc.constant(fileState('broken.json', '{"Statement": [}')),
  fc.constant(fileState('p.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }] }))),
);

function inBounds(index: number, length: number): boolean {
  return index >= 0 && index < Math.max(1, length);
}

function checkInvariants(s: AppState): void {
  const view = viewFor(s);
  expect(inBounds(s.browser.selected, view.browserIds.length)).toBe(true);
  const ws = s.workspace;
  if (s.screen === 'workspace') expect(ws).not.toBeNull();
  if (!ws) return;
  expect(inBounds(ws.paramRow, view.paramRows)).toBe(true);
  expect(inBounds(ws.statement, view.statements)).toBe(true);
  expect(inBounds(ws.matrix.row, view.matrixRows)).toBe(true);
  expect(inBounds(ws.matrix.col, view.matrixCols)).toBe(true);
  expect(inBounds(ws.finding, view.findingStatements.length)).toBe(true);
  expect(EXPORT_FORMATS).toContain(ws.format);
  if (ws.editing) expect(inBounds(ws.editing.row, view.paramRows)).toBe(true);
  // Exactly one thing has the keys.
  expect(['filter', 'edit', 'prompt-text', 'main']).toContain(focusOf(s));
}

describe('reducer property', () => {
  it('any sequence of commands and field changes never throws and keeps every cursor inside its list', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 40 }), (initial, steps) => {
        let s = initial;
        checkInvariants(s);
        for (const st of steps) {
          s = act(s, dispatched(s, st));
          checkInvariants(s);
        }
      }),
      { numRuns: 150 },
    );
  });
});
