/** `open key.json --grants grants.json` in a real terminal: the Grants pane on the Policy tab, G cells on the Matrix tab; a malformed grants file is refused before the screen switches. */
import { afterEach, describe, expect, it } from 'vitest';
import { startCli, type TerminalSession } from './terminal.js';

let sessions: TerminalSession[] = [];
afterEach(() => {
  for (const s of sessions) s.kill();
  sessions = [];
});

const KEY = 'test/fixtures/evaluate/default-key-policy.json';
const GRANTS = 'test/fixtures/grants/list-grants.json';

describe('open --grants', () => {
  it('shows the grants beside the statements, and the grantee rows in the matrix', async () => {
    const t = startCli(['open', KEY, '--grants', GRANTS], { columns: 120, rows: 36 });
    sessions.push(t);
    await t.waitFor((s) => s.includes('Grants (3)'), 'the Grants pane');
    expect(t.text()).toContain('role LambdaRole (111122223333): Sign, Verify');
    expect(t.text()).toContain('Statements (4)');
    t.press('2');
    await t.waitFor((s) => s.includes('Role LambdaRole'), 'the grantee row of the matrix');
    expect(t.text()).toContain('G grant');
  });

  it('a malformed grants file: exit 2 with file, line and column', async () => {
    const t = startCli(['open', KEY, '--grants', 'test/fixtures/grants/grants.tf'], { columns: 100, rows: 30 });
    sessions.push(t);
    const code = await t.exited();
    expect(code).toBe(2);
    // The terminal wraps the long line at its width.
    expect(t.text().replace(/\n/g, '')).toMatch(/grants\.tf:18:1: aws_kms_grant\.partner: "ListGrants" is not an operation a grant can allow/);
  });
});
