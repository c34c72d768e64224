/**
 * DEPLOYER_LOCKOUT (`lint --as ARN`), table-driven from test/fixtures/lint/deployer.cases.json:
 * whether the deployer keeps kms:PutKeyPolicy directly, through the account
 * statement with an IAM policy, or not at all (and why, located at the statement).
 */
import { describe, expect, it } from 'vitest';
import { deployerAccess } from '../../../source/core/lint/deployer.js';
import { parsePolicy } from '../../../source/core/policy/index.js';
import { readFixture } from '../../helpers/fixtures.js';

interface DeployerCase {
  readonly name: string;
  readonly doc: string;
  readonly as: string;
  readonly policy: unknown;
  readonly expect: { via: 'direct' | 'iam' | null; statement?: number | null; message?: string };
}

const cases = JSON.parse(readFixture('lint', 'deployer.cases.json')) as DeployerCase[];

describe.each(cases.map((c) => [c.name, c] as const))('deployer: %s', (_n, c) => {
  it('keeps or loses kms:PutKeyPolicy as the case says (and cites the AWS page)', () => {
    expect(c.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const parsed = parsePolicy(JSON.stringify(c.policy, null, 2));
    const r = deployerAccess(parsed.document!, parsed.ast, c.as);
    expect(r.via).toBe(c.expect.via);
    if (r.via !== null) return;
    expect(r.finding.id).toBe('DEPLOYER_LOCKOUT');
    expect(r.finding.severity).toBe('security');
    expect(r.finding.statement).toBe(c.expect.statement);
    expect(r.finding.message).toContain(c.expect.message!);
    expect(r.finding.message).toContain(c.as);
    if (r.finding.statement === null) expect(r.finding.line).toBeNull();
    else expect(r.finding.line).toBe(parsed.text.split('\n').findIndex((l) => l.includes(`"Sid": "${(c.policy as { Statement: { Sid: string }[] }).Statement[r.finding.statement!]!.Sid}"`)));
  });
});
