import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS, keyPresses, NAMED_KEYS, type KeyPress } from '../../../source/ui/keys/bindings.js';
import type { Action } from '../../../source/ui/state/reducer.js';
import { focusOf } from '../../../source/ui/state/reducer.js';
import { EXPORT_FORMATS, type AppState } from '../../../source/ui/state/types.js';
import { act, browserState, fileState, templateState, TEMPLATES, viewFor } from './harness.js';

/** Text a person might type into a field: valid and invalid parameter values, filter words, paths. */
const typed = fc.constantFrom('', '444455556666', '4444', 'us-east-1', 'arn:aws:iam::111122223333:role/R', 'not valid', 'hmac', 'kms:Decrypt', 'zzz', './out.json', '  ');

/** Keys as one read from the terminal delivers them: named keys, typed text, and both mixed (a paste, fast typing). */
const read = fc.oneof(
  fc.constantFrom(...NAMED_KEYS).map((name): KeyPress[] => [{ kind: 'key', name }]),
  typed.map((text) => keyPresses(text, {})),
  fc.array(fc.oneof(typed, fc.constantFrom('\r', '\t', '\u007f', '/', 'j', 'k', 'q', 'y', 'n', '1', '2', '4', '5', 'w', 'h', 'l', '?', 'a', 'x')), { maxLength: 6 }).map((parts) => keyPresses(parts.join(''), {})),
);

/** An action as generated; the app's view and the current effect id are filled in when it is dispatched. */
type Step = { readonly type: 'command'; readonly command: (typeof COMMANDS)[number] } | { readonly type: 'effect-done'; readonly saved: boolean } | { readonly type: 'keys'; readonly keys: readonly KeyPress[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMANDS).map((command): Step => ({ type: 'command', command })) },
  { weight: 6, arbitrary: read.map((keys): Step => ({ type: 'keys', keys })) },
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
  expect(s.browser.filterCaret).toBeGreaterThanOrEqual(0);
  expect(s.browser.filterCaret).toBeLessThanOrEqual(s.browser.filter.length);
  if (s.prompt?.kind === 'write-path') expect(s.prompt.caret).toBeLessThanOrEqual(s.prompt.draft.length);
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
  // Every caret is inside its text.
  if (ws.editing) expect(ws.editing.caret).toBeLessThanOrEqual(ws.editing.draft.length);
  // The Ask tab's cursors stay inside its lists while it shows.
  if (ws.tab === 'ask') {
    expect(inBounds(ws.ask.row, view.ask.fields.length)).toBe(true);
    expect(inBounds(ws.ask.trace, view.ask.traceTargets.length)).toBe(true);
    if (ws.ask.picker) expect(inBounds(ws.ask.picker.selected, view.ask.pickerItems.length)).toBe(true);
    if (ws.ask.editing) expect(ws.ask.editing.caret).toBeLessThanOrEqual(ws.ask.editing.draft.length);
  }
  // Exactly one thing has the keys.
  expect(['filter', 'edit', 'ask-text', 'prompt-text', 'main']).toContain(focusOf(s));
}

describe('reducer property', () => {
  it('any sequence of commands and terminal reads never throws and keeps every cursor inside its list', () => {
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
