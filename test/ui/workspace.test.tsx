import { afterEach, describe, expect, it } from 'vitest';
import { findTemplate } from '../../source/core/templates/index.js';
import { derive } from '../../source/ui/state/derive.js';
import { cellDecision, GROUP_SHORT, matrixColumns } from '../../source/ui/screens/matrix-view.js';
import { KEY, renderApp, type Rendered } from './render.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const TEMPLATE = 'console-default-key-policy';

async function openTemplate(id: string, size: { columns: number; rows: number } = { columns: 120, rows: 40 }): Promise<Rendered> {
  app = await renderApp({ source: { kind: 'template', templateId: id, values: {} }, ...size });
  return app;
}

/** Enter on the first parameter (the account), clear it, type a value. */
async function typeAccount(a: Rendered, value: string): Promise<void> {
  await a.press(KEY.enter);
  for (let i = 0; i < '111122223333'.length; i++) await a.press(KEY.backspace);
  await a.type(value);
}

const findingsCount = (frame: string) => Number(/Findings \((\d+)\)/.exec(frame)?.[1]);

describe('Policy tab: editing a parameter', () => {
  it('a valid account id changes the statement JSON, the explanation, the matrix rows and the findings at once', async () => {
    const a = await openTemplate(TEMPLATE);
    await a.press('2');
    const matrixBefore = a.frame();
    await a.press('1');
    expect(a.frame()).toContain('"arn:aws:iam::111122223333:root"');
    await typeAccount(a, '444455556666');
    const policy = a.frame();
    // JSON of the selected statement and its explanation, without pressing Enter.
    expect(policy).toContain('"arn:aws:iam::444455556666:root"');
    expect(policy).toMatch(/Allows account 444455556666/);
    expect(policy).toContain('[edited]');
    await a.press(KEY.enter);
    await a.press('2');
    const matrixAfter = a.frame();
    expect(matrixBefore).toContain('Account 111122223333');
    expect(matrixAfter).toContain('Account 444455556666');
    expect(matrixAfter).not.toContain('Account 111122223333');
    // The findings tab counts what lint says about the edited policy.
    const expected = derive({ kind: 'template', templateId: TEMPLATE, values: { account: '444455556666' } }, findTemplate(TEMPLATE)).findings.length;
    expect(findingsCount(matrixAfter)).toBe(expected);
    expect(findingsCount(matrixBefore)).toBe(derive({ kind: 'template', templateId: TEMPLATE, values: {} }, findTemplate(TEMPLATE)).findings.length);
  });

  it('an invalid account id shows the reason inline and the policy keeps the old value', async () => {
    const a = await openTemplate(TEMPLATE);
    await typeAccount(a, '44445555666');
    const frame = a.frame();
    expect(frame).toContain('✗');
    expect(frame).toMatch(/11 digits/);
    expect(frame).toContain('"arn:aws:iam::111122223333:root"');
    expect(frame).not.toContain('[edited]');
    // Enter keeps the field open; Esc puts the old value back.
    await a.press(KEY.enter);
    expect(a.frame()).toContain('✗');
    await a.press(KEY.escape);
    expect(a.frame()).not.toContain('✗');
    expect(a.frame()).toContain('111122223333');
  });

  it('moves between the parameters and the statements with Tab, and shows the selected statement', async () => {
    const a = await openTemplate(TEMPLATE);
    await a.press(KEY.tab);
    await a.press('j');
    const frame = a.frame();
    expect(frame).toContain('Statement 1 JSON');
    expect(frame).toContain('Statements (4) ◂');
    await a.press(KEY.shiftTab);
    expect(a.frame()).toContain('Parameters ◂');
  });

  it('adds and removes entries of a list parameter', async () => {
    const a = await openTemplate(TEMPLATE);
    await a.press('j');
    await a.press('a');
    // The new entry starts empty (not a copy of the first, which Enter would add twice): Enter keeps it open with the reason.
    await a.press(KEY.enter);
    expect(a.frame()).toContain('Key administrators 2: a value is required');
    // The same principal again is refused, naming the field by its label.
    await a.type('arn:aws:iam::111122223333:role/KMSAdminRole');
    expect(a.frame()).toContain('is already entry 1 of the list');
    for (let i = 0; i < 'KMSAdminRole'.length; i++) await a.press(KEY.backspace);
    await a.type('Second');
    await a.press(KEY.enter);
    expect(a.frame()).toMatch(/Key administ\S* 2 /);
    await a.press(KEY.tab);
    await a.press('j');
    expect(a.frame()).toContain('role/Second');
    await a.press(KEY.shiftTab);
    await a.press('x');
    expect(a.frame()).not.toMatch(/Key administ\S* 2 /);
    await a.press('x');
    expect(a.frame()).toContain('needs at least one entry');
  });
});

describe('Matrix tab', () => {
  it('shows the grouped grid; g switches to single actions; the cursor moves and the detail names statements and conditions', async () => {
    const id = 'via-service-iam-policy';
    const a = await openTemplate(id, { columns: 120, rows: 40 });
    await a.press('2');
    let frame = a.frame();
    expect(frame).toContain('Action groups');
    for (const short of Object.values(GROUP_SHORT)) expect(frame).toContain(short);
    expect(frame).toContain('× Cryptographic');
    // The cell that depends on kms:ViaService: move the cursor there.
    const matrix = derive({ kind: 'template', templateId: id, values: {} }, findTemplate(id)).matrix!;
    const columns = matrixColumns(matrix, 'groups');
    const conditional = (r: (typeof matrix.rows)[number], c: (typeof columns)[number]) => c.actions.some((x) => r.cells[x]?.paths.some((p) => p.conditions.length > 0) ?? false);
    const row = matrix.rows.findIndex((r) => columns.some((c) => conditional(r, c)));
    expect(row).toBeGreaterThanOrEqual(0);
    const col = columns.findIndex((c) => conditional(matrix.rows[row]!, c));
    expect(['conditional', 'mixed']).toContain(cellDecision(matrix.rows[row]!, columns[col]!, 'groups'));
    for (let i = 0; i < row; i++) await a.press('j');
    for (let i = 0; i < col; i++) await a.press(KEY.right);
    frame = a.frame();
    expect(frame).toContain(`× ${columns[col]!.name}`);
    expect(frame).toMatch(/statements: statement 0/);
    expect(frame).toContain('conditions on: kms:ViaService');
    await a.press('l');
    expect(a.frame()).toContain(`× ${columns[Math.min(col + 1, columns.length - 1)]!.name}`);
    await a.press('h');
    expect(a.frame()).toContain(`× ${columns[col]!.name}`);
    await a.press('g');
    frame = a.frame();
    expect(frame).toContain('Single actions');
    expect(frame).toMatch(/× kms:\w+/);
    // Single actions run down under their group, by their full names.
    expect(frame).toContain('Cryptographic\n');
    expect(frame).toContain('  GenerateDataKeyPairWithoutPlaintext');
    await a.press('g');
    expect(a.frame()).toContain('Action groups');
  });
});

describe('Matrix tab scrolling', () => {
  const roles = Array.from({ length: 30 }, (_, i) => `arn:aws:iam::111122223333:role/Role${String(i + 1).padStart(2, '0')}`);
  const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Use', Effect: 'Allow', Principal: { AWS: roles }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }] }, null, 2);

  it('scrolls rows and (single actions) columns that do not fit 80x24, keeping the cursor in view', async () => {
    app = await renderApp({ source: { kind: 'file', name: 'many.json', text }, columns: 80, rows: 24 });
    const matrix = derive({ kind: 'file', name: 'many.json', text }, undefined).matrix!;
    await app.press('2');
    expect(app.frame()).toMatch(new RegExp(`rows 1-\\d+ of ${matrix.rows.length}`));
    expect(app.frame()).not.toContain('Role30');
    for (let i = 0; i < 4; i++) await app.press(KEY.pageDown);
    const last = matrix.rows[matrix.rows.length - 1]!;
    expect(app.frame()).toContain(`${last.label} ×`);
    await app.press(KEY.pageUp);
    await app.press(KEY.up);
    // The cursor's row is in the grid window (and named in the detail line), the first rows are not.
    // At 80 columns the grid names a row by its short name (account and name): the name shows in the grid and in the detail title.
    // PgUp went back one page of the grid, then one row up: well above the last row.
    const selected = /Role (Role\d+) \(account 111122223333\) ×/.exec(app.frame())?.[1];
    expect(Number(selected?.slice(4))).toBeLessThan(matrix.rows.length - 5);
    expect(app.frame().split(selected!).length - 1).toBe(2);
    expect(app.frame()).not.toContain('Role01');
    // Single actions: the actions run down, the 30 principals across (scrolled by l).
    await app.press('g');
    expect(app.frame()).toMatch(new RegExp(`principals \\d+-\\d+ of ${matrix.rows.length}`));
    for (let i = 0; i < matrix.rows.length; i++) await app.press('l');
    expect(app.frame()).toContain(`${last.label} ×`);
    expect(app.frame()).toMatch(new RegExp(`principals \\d+-${matrix.rows.length} of ${matrix.rows.length}`));
    await app.press(KEY.end);
    expect(app.frame()).toContain(`× ${matrixColumns(matrix, 'actions').at(-1)!.name}`);
  });
});

describe('Statement list at 80 columns', () => {
  it("shows every statement's Effect, cutting the Sid instead (a Deny is never hidden)", async () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Allow use of the key only through the services of this account and only from its own VPC endpoints', Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'kms:Decrypt', Resource: '*' },
        { Sid: 'Deny scheduling the deletion of this key to every principal of every account including its administrators', Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' },
      ],
    });
    app = await renderApp({ source: { kind: 'file', name: 'deny.json', text }, columns: 80, rows: 24 });
    const frame = app.frame();
    expect(frame).toMatch(/#0 Allow use of the key.*… · Allow/);
    expect(frame).toMatch(/#1 Deny scheduling.*… · Deny/);
  });
});

describe('Findings tab', () => {
  const text = JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Fine', Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
        { Sid: 'Misspelled', Effect: 'Allow', Action: 'kms:Decript', Resource: '*' },
      ],
    },
    null,
    2,
  );

  it('lists findings by severity; Enter jumps to the statement on the Policy tab', async () => {
    app = await renderApp({ source: { kind: 'file', name: 'policy.json', text }, columns: 100, rows: 30 });
    const derived = derive({ kind: 'file', name: 'policy.json', text }, undefined);
    const target = derived.findings.findIndex((f) => f.statement === 1);
    expect(target).toBeGreaterThanOrEqual(0);
    await app.press('3');
    const frame = app.frame();
    expect(frame).toContain(`Findings (${derived.findings.length})`);
    for (const f of derived.findings) expect(frame).toContain(f.id);
    for (let i = 0; i < target; i++) await app.press(KEY.down);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('Statement 1 JSON');
    expect(app.frame()).toContain('kms:Decript');
  });

  it('opens a policy with a syntax error on the Findings tab, showing the line, column and the line itself', async () => {
    const broken = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",}\n  ]\n}\n';
    app = await renderApp({ source: { kind: 'file', name: 'broken.json', text: broken }, columns: 100, rows: 30 });
    const frame = app.frame();
    expect(frame).toContain('JSON_SYNTAX');
    expect(frame).toMatch(/line 4, column \d+/);
    expect(frame).toContain('4 |     {"Effect": "Allow"');
    expect(frame).toContain('^');
    expect(frame).toContain('not readable JSON');
    await app.press('c');
    expect(app.frame()).toContain('Nothing to copy or write');
    expect(app.world.copied).toEqual([]);
    await app.press('4');
    expect(app.frame()).toContain('Format: [JSON]');
    expect(app.frame()).toMatch(/Nothing to export: the policy is not readable JSON \(line 4, column \d+\)/);
    await app.press('2');
    expect(app.frame()).toContain('No matrix');
  });
});
