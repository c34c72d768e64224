import { afterEach, describe, expect, it } from 'vitest';
import { KEY, renderApp, type Rendered } from './render.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const VIA_SERVICE = 'via-service-key-policy';
const EC2 = 'ec2.us-west-2.amazonaws.com';

async function openAsk(columns = 100, rows = 30): Promise<Rendered> {
  app = await renderApp({ source: { kind: 'template', templateId: VIA_SERVICE, values: {} }, columns, rows });
  await app.press('5');
  return app;
}

/** Enter on the principal row, then the line naming the role. */
async function pickRole(a: Rendered): Promise<void> {
  await a.press(KEY.enter);
  expect(a.frame()).toContain('Pick a principal');
  const lines = a.frame().split('\n');
  const first = lines.findIndex((l) => l.includes('Pick a principal')) + 1;
  const role = lines.findIndex((l) => l.includes('Role ExampleRole'));
  for (let i = first; i < role; i++) await a.press(KEY.down);
  await a.press(KEY.enter);
}

const footer = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';

describe('Ask tab (5)', () => {
  it('shows the answer at the top, the request fields with the policy\'s condition key, and the trace', async () => {
    const a = await openAsk();
    const frame = a.frame();
    expect(frame).toContain('[5 Ask]');
    expect(frame).toMatch(/Answer: IMPLICIT DENY/);
    expect(frame).toContain('Principal');
    expect(frame).toContain('kms:Decrypt');
    expect(frame).toContain('no IAM policy');
    expect(frame).toMatch(/kms:ViaService \[string\] absent expects "ec2\.us-west-2\.amazonaws\.com"/);
    expect(frame).toMatch(/#0 Allow applies/);
    expect(footer(frame)).toContain('Enter pick/type');
  });

  it('picks the role, then answers implicit deny with the ViaService condition failing as absent; typing the value allows, via direct', async () => {
    const a = await openAsk();
    await pickRole(a);
    expect(a.frame()).toContain('Role ExampleRole (account 111122223333)');
    expect(a.frame()).toMatch(/#1 Allow does not apply: StringEquals kms:ViaService fails, request: absent/);
    expect(a.frame()).toMatch(/Answer: IMPLICIT DENY/);
    await a.press(KEY.down);
    await a.press(KEY.down);
    await a.press(KEY.down);
    await a.press(KEY.enter);
    expect(footer(a.frame())).toContain('Enter done');
    // The answer follows every key: a partial value still fails, the whole one allows.
    await a.type(EC2.slice(0, -1));
    expect(a.frame()).toMatch(/kms:ViaService fails, request: "ec2\.us-west-2\./);
    expect(a.frame()).toMatch(/Answer: IMPLICIT DENY/);
    await a.type(EC2.slice(-1));
    expect(a.frame()).toMatch(/Answer: ALLOW via direct/);
    expect(a.frame()).toMatch(/#1 Allow applies/);
    await a.press(KEY.escape);
    expect(a.frame()).toMatch(/Answer: IMPLICIT DENY/);
  });

  it('filters the actions with /, grouped as in the matrix', async () => {
    const a = await openAsk();
    await a.press(KEY.down);
    await a.press('/');
    await a.type('sign');
    const frame = a.frame();
    expect(frame).toContain('Pick an action');
    expect(frame).toContain('Cryptographic');
    expect(frame).toContain('kms:Sign');
    expect(frame).not.toContain('kms:Encrypt');
    await a.press(KEY.enter);
    await a.press(KEY.enter);
    expect(a.frame()).toMatch(/Action\s+kms:Sign/);
    // Sign is not in statement 1's actions.
    expect(a.frame()).toMatch(/#1 Allow does not apply: Action does not list this action/);
  });

  it('turns on the assumed IAM policy: the delegation then allows, via IAM', async () => {
    const a = await openAsk();
    await a.press(KEY.down);
    await a.press(KEY.down);
    await a.press(KEY.enter);
    expect(a.frame()).toContain('an IAM policy allows everything');
    expect(a.frame()).toMatch(/Answer: ALLOW via IAM/);
    expect(a.frame()).toMatch(/IAM #0 Allow applies/);
  });

  it('Enter on a trace line goes to its statement on the Policy tab', async () => {
    const a = await openAsk();
    await a.press(KEY.tab);
    expect(footer(a.frame())).toContain('Enter go to statement');
    await a.press(KEY.down);
    await a.press(KEY.enter);
    expect(a.frame()).toContain('[1 Policy]');
    expect(a.frame()).toContain('Statement 1 JSON');
  });

  it('types an invalid principal ARN: the reason shows and the answer keeps the last valid principal', async () => {
    const a = await openAsk();
    await a.press(KEY.enter);
    await a.press(KEY.up);
    for (let i = 0; i < 6; i++) await a.press(KEY.down);
    await a.press(KEY.enter);
    await a.press(KEY.end);
    await a.type('*');
    expect(a.frame()).toMatch(/principal: ".*\*" contains a wildcard/);
    // Not applied: the trace still evaluates the role typed before.
    expect(a.frame()).toMatch(/#0 Allow applies/);
    await a.press(KEY.escape);
    expect(a.frame()).not.toMatch(/contains a wildcard/);
  });

  it('Enter on a matrix cell opens Ask with that row and action', async () => {
    app = await renderApp({ source: { kind: 'template', templateId: VIA_SERVICE, values: {} }, columns: 100, rows: 30 });
    const a = app;
    await a.press('2');
    expect(footer(a.frame())).toContain('Enter ask why');
    await a.press(KEY.down);
    await a.press(KEY.enter);
    expect(a.frame()).toContain('[5 Ask]');
    expect(a.frame()).toContain('Role ExampleRole (account 111122223333)');
    expect(a.frame()).toMatch(/Action\s+kms:Decrypt/);
  });

  it('fits at 80x24 with the answer, the fields and the failing condition in view', async () => {
    const a = await openAsk(80, 24);
    await pickRole(a);
    const lines = a.frame().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(a.frame()).toMatch(/Answer: IMPLICIT DENY/);
    expect(a.frame()).toMatch(/kms:ViaService fails, request: absent/);
  });

  it('shows every string from the policy escaped: Sid, condition key, expected values and the typed principal', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Evil\u202eSid',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/ExampleRole' },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'aws:PrincipalTag/te\u200bam': 'v\u0007al' } },
        },
      ],
    };
    app = await renderApp({ source: { kind: 'file', name: 'evil.json', text: JSON.stringify(policy) }, columns: 120, rows: 40 });
    const a = app;
    await a.press('5');
    await a.press(KEY.tab);
    const frame = a.frame();
    expect(frame).toContain('aws:PrincipalTag/te\\u200bam');
    expect(frame).toContain('"v\\u0007al"');
    expect(frame).toContain('Evil\\u202eSid');
    expect(frame).not.toMatch(/[\u0007\u200b\u202e]/);
  });
});
