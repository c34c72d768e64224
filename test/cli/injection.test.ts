import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../source/commands/run.js';
import { BUILT_CLI } from '../helpers/cli.js';
import { firstUnsafe, forbiddenIn, injectionCorpus, type InjectionCase } from '../helpers/injection.js';

/**
 * SPEC 2: text for people never carries a control, bidi or zero-width character
 * taken from a policy, a file name or an argument. Every case of the injection
 * corpus goes through every text output; the assertions are on the bytes written.
 */
const work = mkdtempSync(join(tmpdir(), 'kpt-injection-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const corpus = injectionCorpus();
const fileOf = new Map<InjectionCase, string>(corpus.map((c, i) => {
  const path = join(work, `case-${i}.json`);
  writeFileSync(path, `${JSON.stringify(c.policy, null, 2)}\n`);
  return [c, path];
}));

/** Runs a command in process, as the CLI does, collecting what it writes. */
async function run(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: Buffer }> {
  let text = '';
  const sink = { write: (s: string) => { text += s; return true; }, isTTY: false };
  const code = await runCli(argv, { stdout: sink, stderr: sink, readStdin: async () => new Uint8Array(), stdinIsTTY: true, env: { NO_COLOR: '1', ...env }, cwd: work });
  return { code, out: Buffer.from(text, 'utf8') };
}

function commandsFor(c: InjectionCase, file: string): string[][] {
  const policy = c.policy as { Statement: { Principal: { AWS: string } }[] };
  const principal = c.element === 'Principal' ? policy.Statement[1]!.Principal.AWS : 'arn:aws:iam::111122223333:role/App';
  return [
    ['explain', file],
    ['lint', file],
    ['matrix', file],
    ['simulate', '--action', 'kms:Decrypt', '--principal', 'arn:aws:iam::111122223333:role/App', '--key-policy', file, '--context', `kms:EncryptionContext:Department=${c.family}`],
    // The injected principal as an argument: a usage error that echoes it.
    ['simulate', '--action', 'kms:Decrypt', '--principal', principal, '--key-policy', file],
  ];
}

describe.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('reaches no text output raw (explain, lint, matrix, simulate, colours on and off)', async () => {
    for (const argv of commandsFor(c, fileOf.get(c)!)) {
      for (const env of [{}, { FORCE_COLOR: '1', NO_COLOR: '' }] as Record<string, string>[]) {
        const { out } = await run(argv, env);
        expect(forbiddenIn(out, c), argv.join(' ')).toEqual([]);
        // Colours are the tool's own escapes; with NO_COLOR there is no other unsafe character at all.
        if (!('FORCE_COLOR' in env)) expect(firstUnsafe(out.toString('utf8')), argv.join(' ')).toBeNull();
      }
    }
  });
});

describe('error messages that echo a file name or an argument', () => {
  const injected = '\u001b]0;pwned\u0007\u001b[2J\u202e\u009b\u200b';
  const ok = join(work, 'ok.json');
  writeFileSync(ok, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] }));
  const cases: [string, string[]][] = [
    ['--kind value', ['lint', '--kind', `key${injected}`, ok]],
    ['missing file name', ['explain', `missing${injected}.json`]],
    ['unknown command', [`lint${injected}`]],
    ['unknown option', ['lint', `--x${injected}`]],
    ['unknown template', ['render', `t${injected}`]],
    ['--param', ['render', 'encrypt-decrypt-account', '--param', `Nope${injected}=1`]],
    ['--context without =', ['simulate', '--action', 'kms:Decrypt', '--principal', '111122223333', '--context', `k${injected}`]],
    ['--resource', ['simulate', '--action', 'kms:Decrypt', '--principal', '111122223333', '--resource', `arn${injected}`]],
    ['--action', ['simulate', '--action', `kms:${injected}`, '--principal', '111122223333']],
  ];
  it.each(cases)('%s', async (_name, argv) => {
    const { code, out } = await run(argv);
    expect(code).toBe(2);
    expect(firstUnsafe(out.toString('utf8'))).toBeNull();
    expect(out.toString('utf8')).toContain('\\u001b]0;pwned\\u0007');
  });

  it('a policy file whose name carries escapes: lint text names it escaped', async () => {
    const name = join(work, `evil${injected}.json`);
    writeFileSync(name, '{"Version": "2012-10-17", "Statement": [');
    const { code, out } = await run(['lint', name]);
    expect(code).toBe(2);
    expect(firstUnsafe(out.toString('utf8'))).toBeNull();
  });
});

describe('the built CLI (raw bytes of the child process)', () => {
  // One case per family, through the real binary: what a terminal would receive.
  const families = [...new Map(corpus.map((c) => [c.family, c])).values()];
  it.each(families.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    for (const argv of commandsFor(c, fileOf.get(c)!)) {
      const r = spawnSync(process.execPath, [BUILT_CLI, ...argv], { env: { ...process.env, FORCE_COLOR: '1' }, timeout: 60_000 });
      const bytes = Buffer.concat([r.stdout, r.stderr]);
      expect(forbiddenIn(bytes, c), argv.join(' ')).toEqual([]);
    }
  });
});

describe('JSON and SARIF stay exact', () => {
  it('explain --json and lint --format json carry the string as written', async () => {
    const c = corpus.find((x) => x.family === 'bidi-override' && x.element === 'Sid')!;
    const explain = JSON.parse((await run(['explain', fileOf.get(c)!, '--json'])).out.toString('utf8')) as { statements: { sid: string }[] };
    expect(explain.statements[1]!.sid).toBe('AllowAdmin\u202eelor');
    const lint = JSON.parse((await run(['lint', fileOf.get(c)!, '--format', 'json'])).out.toString('utf8')) as { findings: { id: string; path: string }[] };
    expect(lint.findings.some((f) => f.id === 'CONTROL_CHARACTER' && f.path === '/Statement/1/Sid')).toBe(true);
  });
});
