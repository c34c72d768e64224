import { matrixColumns } from '../../../source/ui/screens/matrix-view.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../helpers/cli.js';
import { authorize } from '../../../source/core/evaluate/index.js';
import { askReducer, checkPrincipal, initialAsk, TYPE_PRINCIPAL, type AskState, type AskView } from '../../../source/ui/state/ask.js';
import { askAnswer, askModel, askRequest, derivedValue } from '../../../source/ui/state/ask-model.js';
import { focusOf } from '../../../source/ui/state/reducer.js';
import { cmd, derivedOf, fileState, press, setDraft, templateState, typeText, viewFor, ws } from './harness.js';

const VIA_SERVICE = 'via-service-key-policy';
const ROLE = 'arn:aws:iam::111122223333:role/ExampleRole';
const EC2 = 'ec2.us-west-2.amazonaws.com';

/** A view with two principals, three actions, one context key and two trace lines (one in the assumed IAM policy). */
const VIEW: AskView = {
  fields: [
    { field: { kind: 'principal' }, choices: ['p0', 'p1'], current: 'p0' },
    { field: { kind: 'action' }, choices: ['kms:A', 'kms:B', 'kms:C'], current: 'kms:A' },
    { field: { kind: 'iam' }, choices: ['none', 'allow-all'], current: 'none' },
    { field: { kind: 'context', key: 'kms:viaservice' }, choices: ['', EC2], current: '' },
  ],
  pickerItems: ['p0', 'p1', TYPE_PRINCIPAL],
  traceTargets: [1, null],
};

/** The view's current values follow the state, as the app's view does. */
const viewOfAsk = (ask: AskState): AskView => ({
  ...VIEW,
  fields: VIEW.fields.map((f) => ({ ...f, current: f.field.kind === 'principal' ? (ask.principal ?? 'p0') : f.field.kind === 'action' ? ask.action : f.field.kind === 'iam' ? ask.iam : (ask.context.get('kms:viaservice') ?? '') })),
});
const step = (ask: AskState, ...actions: Parameters<typeof askReducer>[1][]) => actions.reduce((a, action) => askReducer(a, action, viewOfAsk(a)).ask, ask);

describe('ask reducer (no rendering)', () => {
  it('Given the form, when moving, then the row stays on the fields', () => {
    expect(step(initialAsk(), { type: 'move', delta: -1 }).row).toBe(0);
    expect(step(initialAsk(), { type: 'move', delta: 10 }).row).toBe(3);
  });

  it('Given a row, when ← → are pressed, then its value steps through the choices and wraps', () => {
    const onAction = step({ ...initialAsk(), action: 'kms:A' }, { type: 'move', delta: 1 });
    expect(step(onAction, { type: 'cycle', delta: 1 }).action).toBe('kms:B');
    expect(step(onAction, { type: 'cycle', delta: -1 }).action).toBe('kms:C');
    const onContext = step(initialAsk(), { type: 'move', delta: 3 }, { type: 'cycle', delta: 1 });
    expect(onContext.context.get('kms:viaservice')).toBe(EC2);
  });

  it('Given the IAM row, when Enter is pressed, then the IAM choice toggles', () => {
    const s = step(initialAsk(), { type: 'move', delta: 2 }, { type: 'confirm' });
    expect(s.iam).toBe('allow-all');
    expect(step(s, { type: 'confirm' }).iam).toBe('none');
  });

  it('Given the principal row, when Enter, moving and Enter again, then the picked principal is asked about', () => {
    const open = step(initialAsk(), { type: 'confirm' });
    expect(open.picker).toMatchObject({ field: 'principal', selected: 0, filtering: false });
    const picked = step(open, { type: 'move', delta: 1 }, { type: 'confirm' });
    expect(picked.principal).toBe('p1');
    expect(picked.picker).toBeNull();
  });

  it('Given the picker, when "type an ARN" is picked, then an invalid ARN shows why and is not applied; a valid one is', () => {
    let s = step(initialAsk(), { type: 'confirm' }, { type: 'move', delta: 2 }, { type: 'confirm' });
    expect(s.editing?.target).toEqual({ kind: 'principal' });
    s = step(s, { type: 'text', edit: { kind: 'insert', text: 'x' } });
    expect(s.editing?.error).toMatch(/not an IAM principal ARN/);
    expect(s.principal).toBeNull();
    // Enter keeps an invalid draft open.
    expect(step(s, { type: 'submit' }).editing).not.toBeNull();
    for (let i = 0; i < 3; i++) s = step(s, { type: 'text', edit: { kind: 'backspace' } });
    s = step(s, { type: 'text', edit: { kind: 'insert', text: ROLE } });
    expect(s.editing?.error).toBeNull();
    expect(s.principal).toBe(ROLE);
    expect(step(s, { type: 'submit' }).editing).toBeNull();
  });

  it('Given a context field being typed, when keys come, then the value applies at each key and Esc restores it', () => {
    let s = step(initialAsk(), { type: 'move', delta: 3 }, { type: 'confirm' });
    s = step(s, { type: 'text', edit: { kind: 'insert', text: 'ec2' } });
    expect(s.context.get('kms:viaservice')).toBe('ec2');
    expect(step(s, { type: 'back' }).context.has('kms:viaservice')).toBe(false);
    const kept = step(s, { type: 'submit' });
    expect(kept.editing).toBeNull();
    expect(step(kept, { type: 'clear' }).context.has('kms:viaservice')).toBe(false);
  });

  it('Given the trace, when Enter is pressed on a line, then it points to its statement, or says the statement is not in this policy', () => {
    const trace = step(initialAsk(), { type: 'switch-pane' });
    expect(askReducer(trace, { type: 'confirm' }, VIEW).jump).toBe(1);
    const second = step(trace, { type: 'move', delta: 1 });
    const r = askReducer(second, { type: 'confirm' }, VIEW);
    expect(r.jump).toBeUndefined();
    expect(r.message).toMatch(/assumed IAM policy/);
  });

  it('Given a filled-in question from the matrix, then principal and action are set and the context starts empty', () => {
    const typed = step(initialAsk(), { type: 'move', delta: 3 }, { type: 'cycle', delta: 1 }, { type: 'move', delta: -1 }, { type: 'confirm' });
    const filled = step(typed, { type: 'fill', principal: ROLE, action: 'kms:Encrypt' });
    expect(filled).toMatchObject({ principal: ROLE, action: 'kms:Encrypt', iam: 'none', row: 0, pane: 'form' });
    expect(filled.context.size).toBe(0);
  });

  it.each([
    ['arn:aws:iam::111122223333:role/ExampleRole', true],
    ['111122223333', true],
    ['logs.amazonaws.com', true],
    ['arn:aws:iam::11112222333:role/ExampleRole', false],
    ['arn:aws:iam::111122223333:group/Admins', false],
    ['arn:aws:iam::111122223333:role/*', false],
  ])('checks a typed principal as the parameters form does: %s → %s', (raw, ok) => {
    expect(checkPrincipal(raw).ok).toBe(ok);
  });
});

describe('Ask tab through the app reducer (via-service key policy)', () => {
  const open = () => cmd(templateState(VIA_SERVICE), 'tabAsk');

  it('Given the Ask tab, when the role and kms:Decrypt are picked, then the answer is the engine\'s: implicit deny, the ViaService condition absent', () => {
    let s = open();
    s = cmd(s, 'confirm'); // principal picker
    const items = viewFor(s).ask.pickerItems;
    s = cmd(s, ...Array<'down'>(items.indexOf(ROLE)).fill('down'), 'confirm');
    expect(ws(s).ask.principal).toBe(ROLE);
    // The action picker, filtered by typing.
    s = cmd(s, 'down', 'filter');
    expect(focusOf(s)).toBe('ask-text');
    s = typeText(s, 'decrypt');
    s = press(s, 'return', 'return');
    expect(ws(s).ask.action).toBe('kms:Decrypt');
    const m = askModel(derivedOf(s)!);
    const answer = askAnswer(m, ws(s).ask);
    expect(answer).toEqual(authorize({ ...askRequest(m, ws(s).ask) }, { trace: true }));
    expect(answer.decision).toBe('implicit-deny');
    expect(answer.trace[1]?.because).toMatchObject({ element: 'Condition', key: 'kms:ViaService', actual: null });
    // Then kms:ViaService set to the expected value: allowed, directly.
    s = cmd(s, 'down', 'down', 'confirm');
    s = setDraft(s, EC2);
    const after = askAnswer(m, ws(s).ask);
    expect(after).toMatchObject({ decision: 'allow', via: 'direct' });
    expect(after.trace[1]?.applies).toBe(true);
  });

  it('offers the principals the policy names as the matrix evaluates them, another role of this account, a role of another account and a service principal', () => {
    const s = open();
    const m = askModel(derivedOf(s)!);
    const matrix = derivedOf(s)!.matrix!;
    const values = m.principals.map((p) => p.value);
    for (const r of matrix.rows) expect(values).toContain(r.evaluatedAs);
    expect(m.principals.map((p) => p.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^another role of this account \(111122223333\)$/), expect.stringMatching(/^a service principal/)]));
    expect(values).toContain('arn:aws:iam::111122223333:role/AnotherRole');
    expect(values.some((v) => /^arn:aws:iam::(?!111122223333)\d{12}:role\//.test(v))).toBe(true);
    // The condition key the policy uses, with its catalog type and the policy's values as suggestions.
    expect(m.context).toEqual([{ key: 'kms:ViaService', lower: 'kms:viaservice', type: 'string', list: false, expected: [EC2, 'rds.us-west-2.amazonaws.com'], derived: false }]);
  });

  it('shows a derived key (kms:CallerAccount) as derived from the principal, and a typed value overrides it', () => {
    let s = cmd(templateState('caller-account-via-service'), 'tabAsk');
    const m = askModel(derivedOf(s)!);
    const caller = m.context.find((c) => c.lower === 'kms:calleraccount')!;
    expect(caller.derived).toBe(true);
    expect(derivedValue(m, ws(s).ask, caller)).toBe('111122223333');
    // ViaService set: the derived caller account meets the condition.
    const fields = viewFor(s).ask.fields.map((f) => (f.field.kind === 'context' ? f.field.key : f.field.kind));
    s = cmd(s, ...Array<'down'>(fields.indexOf('kms:viaservice')).fill('down'), 'right');
    expect(askAnswer(m, ws(s).ask).trace[0]?.applies).toBe(true);
    // Overridden with another account: the statement no longer applies, and the trace shows the typed value.
    s = cmd(s, ...Array<'up'>(fields.indexOf('kms:viaservice')).fill('up'), ...Array<'down'>(fields.indexOf('kms:calleraccount')).fill('down'), 'confirm');
    s = typeText(s, '444455556666');
    const r = askAnswer(m, ws(s).ask);
    expect(r.trace[0]?.because).toMatchObject({ key: 'kms:CallerAccount', actual: ['444455556666'] });
    // Cleared: derived again.
    s = press(s, 'return');
    s = cmd(s, 'remove');
    expect(askAnswer(m, ws(s).ask).trace[0]?.applies).toBe(true);
  });

  it('Given the trace, when Enter is pressed on statement 1, then the Policy tab shows statement 1', () => {
    const s = cmd(open(), 'nextPane', 'down', 'confirm');
    expect(ws(s)).toMatchObject({ tab: 'policy', pane: 'statements', statement: 1 });
  });

  it('Given a matrix cell, when Enter is pressed, then Ask opens with the row\'s evaluated principal and the cell\'s action', () => {
    let s = cmd(templateState(VIA_SERVICE), 'tabMatrix', 'toggleGroups', 'down');
    const matrix = derivedOf(s)!.matrix!;
    s = cmd(s, 'right', 'confirm');
    expect(ws(s).tab).toBe('ask');
    // One step along each axis (whichever way the grid runs): the second principal and the second action as drawn (grouped).
    expect(ws(s).ask.principal).toBe(matrix.rows[1]!.evaluatedAs);
    expect(ws(s).ask.action).toBe(matrixColumns(matrix, 'actions')[1]!.name);
  });

  it('Given an identity policy, then the key is picked from its resources and the policy is evaluated as the principal\'s IAM policy', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }] };
    const s = cmd(fileState('id.json', JSON.stringify(policy)), 'tabAsk');
    const m = askModel(derivedOf(s)!);
    expect(m.kind).toBe('identity');
    expect(viewFor(s).ask.fields.map((f) => f.field.kind)).toEqual(['principal', 'resource', 'action']);
    const answer = askAnswer(m, ws(s).ask);
    expect(answer.rule).toBe('key-policy-unknown');
    expect(answer.decision).toBe('allow');
  });

  it('Given the Esc key in an open picker, then the picker closes and the workspace stays', () => {
    const s = cmd(open(), 'confirm', 'back');
    expect(s.screen).toBe('workspace');
    expect(ws(s).ask.picker).toBeNull();
  });

  it.each([
    ['absent', undefined],
    ['set to the expected value', EC2],
  ])('answers as `simulate --trace --json` of the built CLI does, kms:ViaService %s', (_what, via) => {
    let s = cmd(open(), 'confirm');
    s = cmd(s, ...Array<'down'>(viewFor(s).ask.pickerItems.indexOf(ROLE)).fill('down'), 'confirm');
    if (via) s = cmd(s, 'down', 'down', 'down', 'right');
    const m = askModel(derivedOf(s)!);
    const ours = askAnswer(m, ws(s).ask);
    const dir = mkdtempSync(join(tmpdir(), 'kpt-ask-'));
    try {
      const file = join(dir, 'key.json');
      writeFileSync(file, JSON.stringify(derivedOf(s)!.policy));
      const request = askRequest(m, ws(s).ask);
      const r = runBuiltCli(['simulate', '--action', request.action, '--principal', request.principal, '--resource', request.resource!, '--key-policy', file, ...(via ? ['--context', `kms:ViaService=${via}`] : []), '--trace', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const cli = JSON.parse(r.stdout) as { decision: string; via: string | null; trace: { statement: number; applies: boolean; because?: unknown }[] };
      expect({ decision: ours.decision, via: ours.via }).toEqual({ decision: cli.decision, via: cli.via });
      expect(ours.trace.map((t) => ({ policy: t.policy, statement: t.statement, applies: t.applies, ...(t.because ? { because: t.because } : {}) }))).toEqual(cli.trace);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
