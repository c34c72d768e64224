import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_IDS, FINDING_RULES, SEVERITY_ORDER } from '../../source/core/lint/catalog.js';
import { FIXTURES, runBuiltCli } from '../helpers/cli.js';
import { validateSarif } from '../helpers/sarif.js';

const fixture = (...parts: string[]) => join('test', 'fixtures', 'lint', ...parts);
const MIXED = fixture('cli', 'mixed-key-policy.json');
const WARNINGS_ONLY = fixture('cli', 'warnings-only.json');
const BAD_SYNTAX = fixture('cli', 'bad-syntax.json');
const CLEAN = fixture('default-key-policy.json');
const readText = (path: string) => readFileSync(join(FIXTURES, '..', '..', path), 'utf8');

interface JsonFinding {
  readonly id: string;
  readonly severity: string;
  readonly statement: number | null;
  readonly path: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
  readonly fix: string;
}

function lintJson(args: readonly string[], input?: string): { code: number; findings: JsonFinding[]; stdout: string; stderr: string } {
  const r = runBuiltCli(['lint', ...args, '--format', 'json'], input === undefined ? {} : { input });
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings, stdout: r.stdout, stderr: r.stderr };
}

/** Resolves an RFC 6901 pointer in a JSON value. */
function resolvePointer(value: unknown, pointer: string): { found: boolean; value: unknown } {
  if (pointer === '') return { found: true, value };
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(token) && Number(token) < node.length) node = node[Number(token)];
    else if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, token)) node = (node as Record<string, unknown>)[token];
    else return { found: false, value: undefined };
  }
  return { found: true, value: node };
}

/** The source from a 1-based line and column (columns count UTF-16 code units, as JavaScript strings do). */
function sourceAt(text: string, line: number, column: number): string {
  const lines = text.split('\n');
  return (lines[line - 1] ?? '').slice(column - 1) + '\n' + lines.slice(line).join('\n');
}

describe('lint --format json (SPEC 2.3)', () => {
  it('prints exactly {findings: [{id, severity, statement, path, line, column, message, fix}]}', () => {
    const { code, findings, stdout } = lintJson([MIXED]);
    expect(code).toBe(1);
    expect(Object.keys(JSON.parse(stdout))).toEqual(['findings']);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(['id', 'severity', 'statement', 'path', 'line', 'column', 'message', 'fix']);
      expect(FINDING_IDS).toContain(f.id);
      expect(f.severity).toBe(FINDING_RULES[f.id as keyof typeof FINDING_RULES].severity);
      expect(typeof f.message).toBe('string');
      expect(f.message.length).toBeGreaterThan(0);
      expect(f.fix.length).toBeGreaterThan(0);
      expect(typeof f.path).toBe('string');
      if (f.path === '') {
        expect([f.statement, f.line, f.column]).toEqual([null, null, null]);
      } else {
        expect(Number.isInteger(f.statement)).toBe(true);
        expect(Number.isInteger(f.line) && f.line! > 0).toBe(true);
        expect(Number.isInteger(f.column) && f.column! > 0).toBe(true);
      }
    }
    expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
  });

  it('points each finding at its element: the path exists, and line:column is where its key or value is written', () => {
    const text = readText(MIXED);
    const value = JSON.parse(text) as unknown;
    const { findings } = lintJson([MIXED]);
    for (const f of findings.filter((x) => x.path !== '')) {
      const target = resolvePointer(value, f.path);
      expect(target.found, f.path).toBe(true);
      expect(f.statement).toBe(Number(/^\/Statement\/(\d+)/.exec(f.path)![1]));
      const at = sourceAt(text, f.line!, f.column!);
      const key = f.path.slice(f.path.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
      const written = typeof target.value === 'object' && target.value !== null ? (Array.isArray(target.value) ? '[' : '{') : JSON.stringify(target.value);
      expect(at.startsWith(JSON.stringify(key)) || at.startsWith(written), `${f.id} ${f.path} at ${f.line}:${f.column}: ${at.slice(0, 40)}`).toBe(true);
    }
  });

  it('finds the planted mistakes of each severity', () => {
    const { findings } = lintJson([MIXED]);
    const at = (id: string) => findings.filter((f) => f.id === id).map((f) => f.path);
    expect(at('UNKNOWN_ELEMENT')).toEqual(['/Statement/2/Condtion']);
    expect(at('PUBLIC_PRINCIPAL')).toEqual(['/Statement/1/Principal']);
    expect(at('IAM_ONLY_ACTION_IN_KEY_POLICY')).toEqual(['/Statement/2/Action/2']);
    expect(at('REDUNDANT_ACTION')).toEqual(['/Statement/3/Action/1']);
    // Sorted by severity, then position.
    const order = findings.map((f) => SEVERITY_ORDER.indexOf(f.severity as (typeof SEVERITY_ORDER)[number]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('lint text', () => {
  it('groups findings by severity, each with the source line and a caret under the column', () => {
    const r = runBuiltCli(['lint', MIXED]);
    expect(r.code).toBe(1);
    const { findings } = lintJson([MIXED]);
    const lines = r.stdout.split('\n');
    const source = readText(MIXED).split('\n');
    expect(lines[0]).toBe(`${MIXED} (key policy): 1 error, 1 security finding, 1 warning, 2 suggestions`);
    const headers = lines.filter((l) => /^[A-Z]+$/.test(l));
    expect(headers).toEqual(['ERROR', 'SECURITY', 'WARNING', 'SUGGESTION']);
    for (const f of findings) {
      const at = lines.findIndex((l) => l === `  ${MIXED}:${f.line}:${f.column}  ${f.id}  ${f.message}`);
      expect(at, f.id).toBeGreaterThan(0);
      // Under the header of its severity.
      const header = lines.slice(0, at).filter((l) => /^[A-Z]+$/.test(l)).at(-1);
      expect(header).toBe(f.severity.toUpperCase());
      // The source line (tabs shown as one space), then the caret under the column.
      const gutter = `    ${f.line} | `;
      expect(lines[at + 1]).toBe(`${gutter}${source[f.line! - 1]!.replace(/\t/g, ' ')}`);
      const caret = lines[at + 2]!;
      expect(caret).toMatch(/^ +\| +\^$/);
      expect(caret.indexOf('^') - gutter.length).toBe(f.column! - 1);
      expect(lines[at + 3]).toBe(`    fix: ${f.fix}`);
    }
  });

  it('the caret is right on a line indented with a tab', () => {
    const { findings } = lintJson([MIXED]);
    const redundant = findings.find((f) => f.id === 'REDUNDANT_ACTION')!;
    expect(readText(MIXED).split('\n')[redundant.line! - 1]!.startsWith('\t')).toBe(true);
    const lines = runBuiltCli(['lint', MIXED]).stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('REDUNDANT_ACTION'));
    const src = lines[at + 1]!;
    const caret = lines[at + 2]!;
    expect(src.slice(caret.indexOf('^'))).toMatch(/^"kms:Decrypt", "kms:DescribeKey"/);
  });

  it('a document-level finding has no source line', () => {
    const r = runBuiltCli(['lint', WARNINGS_ONLY]);
    expect(r.stdout).toContain(`  ${WARNINGS_ONLY}  MISSING_VERSION  `);
    expect(r.stdout).not.toContain('^');
  });

  it('says so when there is nothing to report', () => {
    const r = runBuiltCli(['lint', CLEAN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${CLEAN}: no findings (key policy)\n`);
  });
});

describe('lint --format sarif', () => {
  it('is structurally valid SARIF 2.1.0 with one rule per finding id, and one result per finding, located', () => {
    const r = runBuiltCli(['lint', MIXED, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } } }[] }[] }[] };
    expect(validateSarif(log)).toEqual([]);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((x) => x.id).sort()).toEqual([...FINDING_IDS].sort());
    const { findings } = lintJson([MIXED]);
    expect(run.results.map((x) => x.ruleId)).toEqual(findings.map((f) => f.id));
    run.results.forEach((res, i) => {
      const f = findings[i]!;
      expect(res.level).toBe({ error: 'error', security: 'error', warning: 'warning', suggestion: 'note' }[f.severity]);
      expect(res.locations[0]!.physicalLocation.artifactLocation.uri).toBe(MIXED);
      expect(res.locations[0]!.physicalLocation.region).toEqual({ startLine: f.line, startColumn: f.column });
    });
  });

  it('the validator rejects broken logs (it can fail)', () => {
    const good = JSON.parse(runBuiltCli(['lint', MIXED, '--format', 'sarif']).stdout) as Record<string, unknown> & { runs: Record<string, unknown>[] };
    expect(validateSarif({ ...good, version: '2.0.0' })).toContain('version is "2.1.0"');
    const run = good.runs[0]! as { results: Record<string, unknown>[]; tool: { driver: { rules: unknown[] } } };
    const results = run.results.map((x) => ({ ...x, ruleId: 'NOPE' }));
    expect(validateSarif({ ...good, runs: [{ ...run, results }] }).some((p) => p.includes('ruleId'))).toBe(true);
    const rules = [...run.tool.driver.rules, run.tool.driver.rules[0]];
    expect(validateSarif({ ...good, runs: [{ ...run, tool: { driver: { ...run.tool.driver, rules } } }] })).toContain('one rule per id');
  });

  it('a clean policy gives a valid log with no results', () => {
    const r = runBuiltCli(['lint', CLEAN, '--format', 'sarif']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0]!.results).toEqual([]);
  });
});

describe('lint exit codes', () => {
  it('1 on an error or security finding', () => {
    expect(runBuiltCli(['lint', MIXED]).code).toBe(1);
    const publicOnly = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }, { Sid: 'Public', Effect: 'Allow', Principal: '*', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }] });
    const r = lintJson(['-'], publicOnly);
    expect(r.findings.map((f) => f.severity)).toContain('security');
    expect(r.findings.map((f) => f.severity)).not.toContain('error');
    expect(r.code).toBe(1);
  });

  it('0 with warnings and suggestions only, and 0 when clean', () => {
    const r = lintJson([WARNINGS_ONLY]);
    expect(r.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(r.code).toBe(0);
    expect(runBuiltCli(['lint', WARNINGS_ONLY]).code).toBe(0);
    expect(runBuiltCli(['lint', CLEAN, '--format', 'json']).code).toBe(0);
  });

  it.each(['text', 'json', 'sarif'])('2 on unreadable JSON, still printing JSON_SYNTAX with line and column (%s)', (format) => {
    const r = runBuiltCli(['lint', BAD_SYNTAX, '--format', format]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    if (format === 'json') {
      const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
      expect(findings.map((f) => [f.id, f.line, f.column])).toEqual([['JSON_SYNTAX', 4, 49]]);
    } else if (format === 'sarif') {
      const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: unknown } }[] }[] }[] };
      expect(validateSarif(log)).toEqual([]);
      expect(log.runs[0]!.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.region])).toEqual([['JSON_SYNTAX', { startLine: 4, startColumn: 49 }]]);
    } else {
      expect(r.stdout).toContain(`${BAD_SYNTAX}:4:49  JSON_SYNTAX  `);
      expect(r.stdout).toMatch(/\n {6}\| {49}\^\n/);
    }
  });

  it('2 on text that is not UTF-8, as a JSON_SYNTAX finding', () => {
    const r = runBuiltCli(['lint', '-', '--format', 'json'], { input: Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]) });
    expect(r.code).toBe(2);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map((f) => f.id)).toEqual(['JSON_SYNTAX']);
    expect(findings[0]!.line).toBe(1);
  });

  it('2 and one line on stderr for a missing file, nothing on stdout', () => {
    const r = runBuiltCli(['lint', 'no/such/policy.json', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no\/such\/policy\.json: cannot read: no such file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('2 for an unknown format', () => {
    const r = runBuiltCli(['lint', CLEAN, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of text, json, sarif/);
  });
});

describe('lint input and --kind', () => {
  it("reads standard input with '-'", () => {
    const r = runBuiltCli(['lint', '-'], { input: readText(MIXED) });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('<stdin> (key policy): 1 error, 1 security finding, 1 warning, 2 suggestions');
    const sarif = JSON.parse(runBuiltCli(['lint', '-', '--format', 'sarif'], { input: readText(MIXED) }).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('stdin');
  });

  it('--kind overrides detection', () => {
    expect(lintJson([WARNINGS_ONLY, '--kind', 'key']).findings.map((f) => f.id)).toContain('MISSING_PRINCIPAL');
    expect(lintJson([CLEAN, '--kind', 'identity']).findings.map((f) => f.id)).toContain('UNSUPPORTED_PRINCIPAL');
    expect(runBuiltCli(['lint', CLEAN]).stdout).toContain('(key policy)');
    expect(runBuiltCli(['lint', CLEAN, '--kind', 'identity']).stdout).toContain('(identity policy)');
  });
});
