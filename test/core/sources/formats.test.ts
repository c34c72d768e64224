/**
 * Every source format of SPEC 2.5, table-driven from test/fixtures/sources/formats/manifest.json
 * (issue 17): each fixture, written as its users write it (the page it follows is cited in the
 * manifest and the fixture), reads to the expected policies — the same JSON value as the bare
 * document — with their names, kinds and the source line of every statement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSourceText } from '../../../source/commands/load-policy.js';
import { parsePolicy } from '../../../source/core/policy/index.js';
import { nodeAt } from '../../../source/core/policy/json-pointer.js';
import { FIXTURES } from '../../helpers/cli.js';

interface ExpectedPolicy {
  readonly name: string;
  readonly kind: 'key' | 'identity';
  readonly statementLines: readonly number[];
  readonly document: unknown;
}
interface Entry {
  readonly file: string;
  readonly source: string;
  readonly format: string;
  readonly policies: readonly ExpectedPolicy[];
}

const DIR = join(FIXTURES, 'sources');
const manifest = JSON.parse(readFileSync(join(DIR, 'formats', 'manifest.json'), 'utf8')) as Entry[];
const NO_FLAGS = { positionals: [], flags: {} };

describe.each(manifest.map((e) => [e.file, e] as const))('%s', (file, entry) => {
  it(`cites the page it follows (${entry.source.split(' ')[0]})`, () => {
    expect(entry.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|registry\.terraform\.io|developer\.hashicorp\.com)\//);
  });

  it(`reads as ${entry.format} to ${entry.policies.map((p) => p.name).join(', ')}: the documents, kinds and statement lines expected`, async () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const read = await loadSourceText(join(DIR, file), file, text, NO_FLAGS);
    // Problems that are findings of the source (BYPASS_LOCKOUT_CHECK on a key without a policy) are lint's; none is a read error.
    expect(read.problems.filter((p) => p.finding.id === 'JSON_SYNTAX')).toEqual([]);
    expect(read.format).toBe(entry.format);
    const byName = new Map(read.policies.map((p) => [p.policyName, p]));
    expect([...byName.keys()].sort()).toEqual(entry.policies.map((p) => p.name).sort());
    for (const want of entry.policies) {
      const got = byName.get(want.name)!;
      expect(got.kind, want.name).toBe(want.kind);
      expect(got.parsed.findings.filter((f) => f.id === 'JSON_SYNTAX'), want.name).toEqual([]);
      // The same JSON value as the bare document: parsed as one, it reads to the same statements.
      expect(got.parsed.document?.raw, want.name).toEqual(want.document);
      const bare = parsePolicy(JSON.stringify(want.document, null, 2));
      expect(got.parsed.document?.statements.map((s) => s.raw)).toEqual(bare.document?.statements.map((s) => s.raw));
      // Lines point into the source file: each statement's line holds its text there.
      const lines = got.parsed.document!.statements.map((_, i) => nodeAt(got.parsed.ast!, `/Statement/${i}`)?.start.line ?? null);
      expect(lines, want.name).toEqual(want.statementLines);
    }
  });
});

describe('the manifest covers every format and resource type of SPEC 2.5', () => {
  const names = manifest.flatMap((e) => e.policies.map((p) => p.name));
  const formats = new Set(manifest.map((e) => e.format));
  it('formats', () => {
    expect([...formats].sort()).toEqual(['aws-cli', 'cloudformation', 'policy-document', 'terraform', 'terraform-plan']);
  });
  it.each(['aws_kms_key.', 'aws_kms_key_policy.', 'aws_kms_replica_key.', 'aws_iam_policy.', 'aws_iam_role_policy.', 'aws_iam_user_policy.', 'PolicyVersion.', 'Resources.'])('%s', (prefix) => {
    expect(names.some((n) => n.startsWith(prefix) || n.includes(`.${prefix}`))).toBe(true);
  });
});
