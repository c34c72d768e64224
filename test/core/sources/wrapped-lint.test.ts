/**
 * Every lint fixture of test/fixtures/lint, wrapped the way each source format holds a policy
 * (issue 17): the same findings (ids and paths) as the bare document, with lines in the
 * wrapper file. The wrappers are generated here: `aws kms get-key-policy` output (the policy
 * as a JSON string), a CloudFormation YAML template (written by the `yaml` library), and a
 * Terraform file with `jsonencode(...)` and with a heredoc. The expected YAML lines come from
 * the `yaml` library's own positions, an oracle independent of the reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import { readTerraformFiles } from '../../../source/commands/terraform-parser.js';
import type { Finding } from '../../../source/core/lint/catalog.js';
import { lintPolicy } from '../../../source/core/lint/index.js';
import { lintSourcePolicy } from '../../../source/core/lint/rules/sources.js';
import { readSource, type SourceRead } from '../../../source/core/sources/index.js';
import { FIXTURES } from '../../helpers/cli.js';

interface LintCase { readonly id: string; readonly kind: 'key' | 'identity'; readonly fires?: unknown; readonly ok?: unknown; readonly firesText?: string }

const cases = JSON.parse(readFileSync(join(FIXTURES, 'lint', 'cases.json'), 'utf8')) as LintCase[];
const files = ['default-key-policy.json', 'cli/mixed-key-policy.json', 'cli/warnings-only.json'];
/** Documents to wrap: every fixture that is a JSON value (a syntax-error text cannot be wrapped as a value). */
const DOCUMENTS: { name: string; kind: 'key' | 'identity'; doc: unknown }[] = [
  ...cases.flatMap((c, i) => [
    ...(c.fires !== undefined ? [{ name: `${c.id} #${i} fires`, kind: c.kind, doc: c.fires }] : []),
    ...(c.ok !== undefined ? [{ name: `${c.id} #${i} ok`, kind: c.kind, doc: c.ok }] : []),
  ]),
  ...files.map((f) => {
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'lint', f), 'utf8')) as { Statement?: { Principal?: unknown }[] };
    const key = Array.isArray(doc.Statement) && doc.Statement.some((s) => s && typeof s === 'object' && 'Principal' in s);
    return { name: f, kind: key ? ('key' as const) : ('identity' as const), doc };
  }),
];

/** Findings as the comparison sees them: a finding about where the policy lives is not one of the document's. */
const SOURCE_ONLY = new Set(['UNRESOLVED_REFERENCE', 'BYPASS_LOCKOUT_CHECK']);
const key = (f: Finding) => `${f.id} ${f.path}`;
const ids = (fs: readonly Finding[]) => fs.filter((f) => !SOURCE_ONLY.has(f.id)).map(key).sort();

function only(read: SourceRead, kind: 'key' | 'identity'): Finding[] {
  expect(read.problems.filter((p) => p.finding.id === 'JSON_SYNTAX')).toEqual([]);
  expect(read.policies).toHaveLength(1);
  return lintSourcePolicy(read.policies[0]!, kind);
}

/** The line of the element a JSON pointer names in a YAML document: a member's key, an item itself. */
function yamlLine(text: string, pointer: string, prefix: readonly string[]): number | null {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  let node: unknown = doc.getIn(prefix, true);
  let at: Node | null = null;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === part);
      if (!pair) return null;
      at = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)] as Node | undefined;
      if (!item) return null;
      at = item;
      node = item;
    } else return null;
  }
  return at?.range ? lc.linePos(at.range[0]).line : null;
}

/** In HCL strings ${ and %{ start templates: a policy's literal ${aws:username} is written $${aws:username}. */
const escapeHcl = (json: string) => json.replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);

describe.each(DOCUMENTS.map((d) => [d.name, d] as const))('%s', (_name, { kind, doc }) => {
  const text = JSON.stringify(doc, null, 2);
  const bare = lintPolicy(text, { kind }).findings;
  const located = bare.filter((f) => f.line !== null && f.path !== '');

  it('get-key-policy output (the policy as a JSON string): same findings, every line in the file', () => {
    const wrapper = `${JSON.stringify({ Policy: text, PolicyName: 'default' }, null, 4)}\n`;
    const got = only(readSource('key.json', wrapper), kind);
    expect(ids(got)).toEqual(ids(bare));
    // The string is on line 2 of the output: every located finding points there.
    for (const f of got.filter((g) => located.some((b) => key(b) === key(g)))) expect(f.line, key(f)).toBe(2);
  });

  it('CloudFormation YAML: same findings, at the lines the yaml library gives their elements', () => {
    const resource = kind === 'key' ? { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: doc } } : { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: doc } };
    const wrapper = stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Subject: resource } });
    const got = only(readSource('stack.yaml', wrapper), kind);
    expect(ids(got)).toEqual(ids(bare));
    const prefix = ['Resources', 'Subject', 'Properties', kind === 'key' ? 'KeyPolicy' : 'PolicyDocument'];
    for (const f of got.filter((g) => located.some((b) => key(b) === key(g)))) {
      const want = yamlLine(wrapper, f.path, prefix);
      if (want !== null) expect(f.line, key(f)).toBe(want);
    }
  });

  // A document that spells a Terraform or CloudFormation reference (`${data.x}`, the issue-17 near misses) is not
  // the same policy once it sits in a .tf file: there the reference is unresolved, which is what those cases are about.
  const terraformForms = /\$\{(?:data|var|local|AWS)[.:]/.test(text) ? [] : (['jsonencode', 'heredoc'] as const);
  it.each(terraformForms)('Terraform %s: same findings, lines shifted by where the policy starts', async (form) => {
    const type = kind === 'key' ? 'aws_kms_key' : 'aws_iam_policy';
    // The JSON starts on line 3 of the file in both forms, so a bare line L is line L + 2.
    const body = form === 'jsonencode' ? `jsonencode(\n${escapeHcl(text)}\n)` : `<<EOT\n${escapeHcl(text)}\nEOT`;
    const wrapper = `resource "${type}" "subject" {\n  policy = ${body}\n}\n`;
    const got = only(await readTerraformFiles([{ file: 'main.tf', text: wrapper }]), kind);
    expect(ids(got)).toEqual(ids(bare));
    for (const b of located) {
      const g = got.find((x) => key(x) === key(b));
      if (g) expect([g.line, g.column], key(b)).toEqual([b.line! + 2, b.column]);
    }
  });
});
