import { afterEach, describe, expect, it } from 'vitest';
import { parsePolicy, type PolicyKind } from '../../source/core/policy/index.js';
import { BACKGROUND_STATEMENTS, derive, slowParts, withSlowParts, type SlowParts } from '../../source/ui/state/derive.js';
import { renderApp, type Rendered } from './render.js';

// Issue 13: a large opened policy shows at once; its findings and matrix are computed off the
// UI thread (a worker in the real app) and arrive later. The Ctrl+C latency itself is measured
// by `npm run bench` (scale), never timed here.

let app: Rendered | undefined;
afterEach(() => app?.unmount());

/** A key policy of n statements: the account statement, then roles allowed Decrypt, one without a Version key id. */
function largePolicy(n: number): string {
  const statements = [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }];
  for (let i = 1; i < n; i++) statements.push({ Sid: `Role${i}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::111122223333:role/Role${i % 7}` }, Action: i % 2 ? 'kms:Decrypt' : 'kms:Encrypt', Resource: '*' });
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}

/** A background that answers only when told to, as a busy worker would. */
function controlledBackground() {
  const calls: { text: string; kind: PolicyKind; resolve: (p: SlowParts) => void; reject: (e: Error) => void }[] = [];
  const run = (text: string, kind: PolicyKind, _grants: readonly unknown[]) => new Promise<SlowParts>((resolve, reject) => calls.push({ text, kind, resolve, reject }));
  return { run, calls };
}

describe('derive: the slow parts of a large opened policy', () => {
  it('are left pending only when asked, for a readable file of at least BACKGROUND_STATEMENTS statements', () => {
    const large = largePolicy(BACKGROUND_STATEMENTS);
    const small = largePolicy(BACKGROUND_STATEMENTS - 1);
    const file = (text: string) => ({ kind: 'file' as const, name: 'p.json', text });
    expect(derive(file(large), undefined, { deferSlow: true }).pending).toEqual({ statements: BACKGROUND_STATEMENTS });
    expect(derive(file(large), undefined).pending).toBeNull();
    expect(derive(file(small), undefined, { deferSlow: true }).pending).toBeNull();
    // A syntax error is shown at once: there is nothing to wait for.
    expect(derive(file(`${large.slice(0, -2)},}`), undefined, { deferSlow: true }).pending).toBeNull();
  });

  it('once they arrive, the derived data equals what an in-place derivation gives', () => {
    const text = largePolicy(450);
    const pending = derive({ kind: 'file', name: 'p.json', text }, undefined, { deferSlow: true });
    expect(pending.findings).toEqual([]);
    expect(pending.matrix).toBeNull();
    const arrived = withSlowParts(pending, slowParts(text, pending.kind, parsePolicy(text).document));
    const inPlace = derive({ kind: 'file', name: 'p.json', text }, undefined);
    expect(arrived.findings).toEqual(inPlace.findings);
    expect(arrived.matrix).toEqual(inPlace.matrix);
    expect(arrived.pending).toBeNull();
  });

  it('explains a statement only when it is read, with the same text as before', () => {
    const text = largePolicy(3);
    const d = derive({ kind: 'file', name: 'p.json', text }, undefined);
    expect(d.statements[1]!.summary).toMatch(/Role1/);
    expect(d.statements[1]!.json).toContain('"kms:Decrypt"');
    expect(d.statements[1]!.bullets.length).toBeGreaterThan(0);
  });
});

describe('Workspace on a large policy while its findings and matrix are computed', () => {
  it('shows the statements at once, says what is being checked, and fills Findings and Matrix when the parts arrive', async () => {
    const text = largePolicy(500);
    const background = controlledBackground();
    app = await renderApp({ source: { kind: 'file', name: 'large.json', text }, columns: 120, rows: 40, background: background.run });
    expect(app.frame()).toContain('Statements (500)');
    expect(app.frame()).toContain('checking 500 statements');
    expect(app.frame()).toContain('Findings (…)');
    await app.press('2');
    expect(app.frame()).toContain('Building the matrix of 500 statements');
    await app.press('3');
    expect(app.frame()).toContain('Linting of 500 statements');
    expect(background.calls).toHaveLength(1);
    const call = background.calls[0]!;
    expect(call.text).toBe(text);
    const parts = slowParts(call.text, call.kind, parsePolicy(call.text).document);
    call.resolve(parts);
    await app.press('2');
    expect(app.frame()).not.toContain('checking 500 statements');
    expect(app.frame()).toContain(`Findings (${parts.findings.length})`);
    expect(app.frame()).toMatch(/Role Role1 \(account 1111/);
  });

  it('computes the parts in place when the background fails', async () => {
    const text = largePolicy(450);
    const background = controlledBackground();
    app = await renderApp({ source: { kind: 'file', name: 'large.json', text }, columns: 120, rows: 40, background: background.run });
    background.calls[0]!.reject(new Error('no worker threads here'));
    await app.press('3');
    const expected = derive({ kind: 'file', name: 'large.json', text }, undefined).findings.length;
    expect(app.frame()).toContain(`Findings (${expected})`);
  });
});
