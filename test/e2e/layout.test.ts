import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { derive } from '../../source/ui/state/derive.js';
import { matrixColumns } from '../../source/ui/screens/matrix-view.js';
import { KEYS, startCli, type TerminalSession } from './terminal.js';

// What a person reads at 80x24, 120x40 and 200x50 in a real terminal: the matrix by full action names and
// both accounts, a Deny's Effect, the Export preview to its last line, Home and End in a long statement list.

const DENY_SID = 'DenyScheduledDeletionOfThisKeyToEveryPrincipalOfEveryAccountIncludingItsAdministrators';
/** A cross-account key policy of 201 statements: the account, a partner role of another account, a Deny with a long Sid, then many app roles. */
const POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Account', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
    { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/Partner' }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' },
    { Sid: DENY_SID, Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:ScheduleKeyDeletion', Resource: '*' },
    ...Array.from({ length: 198 }, (_, i) => ({
      Sid: `App${String(i + 3).padStart(3, '0')}`,
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::111122223333:role/App${i % 3}` },
      Action: 'kms:Encrypt',
      Resource: '*',
    })),
  ],
};
const TEXT = JSON.stringify(POLICY, null, 2);
const dir = mkdtempSync(join(tmpdir(), 'kpt-layout-'));
const FILE = join(dir, 'big-key-policy.json');
writeFileSync(FILE, TEXT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const matrix = derive({ kind: 'file', name: FILE, text: TEXT }, undefined).matrix!;
const ACTIONS = matrixColumns(matrix, 'actions').map((c) => c.heading);

let session: TerminalSession | null = null;
afterEach(() => {
  session?.kill();
  session = null;
});

const selectedLine = (t: TerminalSession) => t.screen().find((l) => /^\s*› #/.test(l)) ?? '';

async function open(columns: number, rows: number): Promise<TerminalSession> {
  const t = startCli(['open', FILE], { columns, rows });
  session = t;
  await t.waitFor((s) => s.includes('Statements (201)'), 'the workspace');
  return t;
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
  { columns: 200, rows: 50 },
])('at $columns x $rows', ({ columns, rows }) => {
  it('Home and End reach the first and last of 201 statements; a Deny shows its Effect however long its Sid', async () => {
    const t = await open(columns, rows);
    const deny = t.screen().find((l) => l.includes('#2 '))!;
    expect(deny).toMatch(/· Deny$/);
    if (columns < DENY_SID.length) expect(deny).toContain('…');
    t.press(KEYS.end);
    await t.waitFor(() => selectedLine(t).includes('#200 App200'), 'the last statement selected');
    expect(t.text()).toContain('Statement 200 JSON');
    t.press(KEYS.home);
    await t.waitFor(() => selectedLine(t).includes('#0 Account'), 'the first statement selected');
    t.press('G');
    await t.waitFor(() => selectedLine(t).includes('#200 App200'), 'G: the last statement again');
  });

  it('single actions show full action names, grouped, and both accounts in the principal headings; End reaches the last action', async () => {
    const t = await open(columns, rows);
    t.press('2');
    await t.waitFor((s) => s.includes('Action groups'), 'the matrix');
    t.press('g');
    const s = await t.waitFor((x) => x.includes('Single actions'), 'single actions');
    const lines = s.split('\n');
    // The heading lines (one, or two: account above name) name both accounts.
    const heading = lines.slice(1, 3).join('\n');
    expect(heading).toContain('111122223333');
    expect(heading).toContain('444455556666');
    expect(heading).toMatch(/role\/Partner/);
    expect(s).toContain('Cryptographic');
    for (const name of ['Decrypt', 'DeriveSharedSecret', 'GenerateDataKeyPairWithoutPlaintext']) expect(lines.some((l) => l.trimEnd() !== '' && l.startsWith(`  ${name} `)), name).toBe(true);
    // No two-letter codes: every action line in view is a full catalog name.
    const shown = lines.filter((l) => /^ {2}[A-Z]\w+ /.test(l)).map((l) => l.trim().split(' ')[0]!);
    expect(shown.length).toBeGreaterThan(5);
    for (const name of shown) expect(ACTIONS).toContain(name);
    t.press(KEYS.end);
    const last = ACTIONS.at(-1)!;
    await t.waitFor((x) => x.includes(`× kms:${last}`) && x.split('\n').some((l) => l.startsWith(`  ${last} `)), 'the last action');
  });

  it('PgDn in the Export preview reaches the last line of the long Terraform output', async () => {
    const t = await open(columns, rows);
    t.press('4');
    await t.waitFor((s) => s.includes('[JSON]'), 'the export tab');
    t.press(KEYS.right);
    let s = await t.waitFor((x) => x.includes('[Terraform]') && /lines 1-\d+ of \d+/.test(x), 'the Terraform preview');
    const total = Number(/lines 1-\d+ of (\d+)/.exec(s)![1]);
    expect(total).toBeGreaterThan(1000);
    for (let i = 0; i < total && !s.includes('(end)'); i++) {
      const before = /lines (\d+)-/.exec(s)![1];
      t.press(KEYS.pageDown);
      s = await t.waitFor((x) => /lines (\d+)-/.exec(x)?.[1] !== before, 'the preview to page down');
    }
    expect(s).toContain(`of ${total} (end)`);
    // The last lines of the data source are on screen: the last statement's closing and the block's.
    const preview = s.split('\n');
    const position = preview.findIndex((l) => l.includes(`of ${total} (end)`));
    expect(preview[position - 1]).toBe('}');
    expect(preview[position - 2]).toBe('  }');
    expect(s).toContain('"App200"');
    // j/k scroll by a line, left/right switch format.
    t.press('k');
    await t.waitFor((x) => !x.includes('(end)'), 'k: one line up');
    t.press(KEYS.left);
    await t.waitFor((x) => x.includes('[JSON]') && /lines 1-/.test(x), 'the JSON preview from its top');
  });
});
