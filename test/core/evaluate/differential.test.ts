/**
 * Differential test: `authorize` against @cloud-copilot/iam-simulate (a test-only
 * oracle, AGPL, never imported from source/) on thousands of generated KMS
 * requests. Each generated case is a key policy (or none) plus 0-2 identity
 * policies and several requests (principal, action, key, context).
 *
 * How the oracle is asked, so that it sees what AWS would evaluate:
 * - Operations without a key (CreateKey, ListKeys, ...) are requested on "*" in the
 *   caller's account, with no key policy (KMS guide, cmks-in-iam-policies.html:
 *   "Use this format for operations that don't use any particular KMS key").
 * - A service principal is not an IAM identity, so it gets no identity policies
 *   (IAM guide, access_policies_identity-vs-resource.html: identity-based policies
 *   are attached to an IAM user, group or role). `authorize` is still given them,
 *   and must ignore them.
 * - Context keys the oracle filters out for the action (not in the action's
 *   condition keys) are dropped from our context too: AWS would not send them.
 * - Without a key policy our answer is "the identity policies' own decision"
 *   (SPEC 2.1), compared with the oracle's identity-policy analysis.
 *
 * Where the oracle disagrees with the AWS documentation, the documentation wins:
 * the EXCLUSIONS table names each such area, the page that decides it, and the
 * predicate that recognizes it. A disagreement is excluded only when its case
 * falls in such an area; any other disagreement fails the test.
 */
import fc from 'fast-check';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { kmsAction, CROSS_ACCOUNT_ACTION_NAMES } from '../../../source/core/catalog/kms.js';
import { authorize, type AuthorizationResult, type Decision } from '../../../source/core/evaluate/index.js';
import { requestContext } from '../../../source/core/evaluate/authorize.js';
import { parseRequestPrincipal } from '../../../source/core/evaluate/principal.js';
import { buildDocument } from '../../../source/core/policy/model.js';
import { caseArb, KEY_ACCOUNT, type GeneratedCase, type GeneratedRequest } from './differential-cases.js';

const ORACLE_DECISION = { Allowed: 'allow', ExplicitlyDenied: 'explicit-deny', ImplicitlyDenied: 'implicit-deny' } as const satisfies Record<string, Decision>;

interface Clause {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const statementsOf = (c: GeneratedCase) =>
  [...(c.keyPolicy ? [c.keyPolicy] : []), ...c.identityPolicies].flatMap((p) => p.Statement as Array<Record<string, unknown>>);
const clausesOf = (c: GeneratedCase): Clause[] =>
  statementsOf(c).flatMap((s) =>
    Object.entries((s.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap(([operator, block]) =>
      Object.entries(block).map(([key, values]) => ({ operator, key, values: asList(values) })),
    ),
  );
const contextValue = (r: GeneratedRequest, key: string) => Object.entries(r.context).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
const accountOf = (principal: string) => (/^\d{12}$/.test(principal) ? principal : /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1]);
/** The oracle takes principal ARNs; `authorize` also takes a bare account id for the account's root (as `simulate --principal` does). */
const oraclePrincipal = (principal: string) => (/^\d{12}$/.test(principal) ? `arn:aws:iam::${principal}:root` : principal);
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

interface Exclusion {
  readonly area: string;
  /** The AWS documentation page that decides the area (our engine follows it). */
  readonly page: string;
  readonly applies: (c: GeneratedCase, r: GeneratedRequest) => boolean;
}

/** Areas where the oracle disagrees with the AWS documentation. */
export const EXCLUSIONS: readonly Exclusion[] = [
  {
    // The account's root user is the account principal itself: the account statement
    // (Principal arn:aws:iam::ACCT:root) allows it with no IAM policy.
    area: 'keyAccountRootUser',
    page: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
    applies: (c, r) => c.keyPolicy !== undefined && oraclePrincipal(r.principal) === `arn:aws:iam::${r.key.split(':')[4]}:root`,
  },
  {
    // A NotPrincipal list names principals themselves: the account ARN exempts only the
    // account principal, a role session only by its session ARN.
    area: 'notPrincipalNamesThePrincipalItself',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
    applies: (c) => statementsOf(c).some((s) => s.NotPrincipal !== undefined),
  },
  {
    // Alias operations need permission on the alias too, which only an IAM policy gives.
    area: 'aliasOperationNeedsIam',
    page: 'https://docs.aws.amazon.com/kms/latest/developerguide/alias-access.html',
    applies: (c, r) => c.keyPolicy !== undefined && kmsAction(r.action)?.onAlias === true,
  },
  {
    // A key id, alias name or other non-ARN value never names a key: Resource never
    // matches it, NotResource never excludes it. The oracle expands a bare key id in
    // identity policies, and drops NotResource statements whose values are not ARNs.
    area: 'nonArnResourceValue',
    page: 'https://docs.aws.amazon.com/kms/latest/developerguide/cmks-in-iam-policies.html',
    applies: (c) => statementsOf(c).some((s) => [...asList(s.Resource), ...asList(s.NotResource)].some((v) => v !== '*' && !v.startsWith('arn:'))),
  },
  {
    // Only cryptographic operations, CreateGrant, DescribeKey, GetKeyRotationStatus,
    // GetPublicKey, ListGrants, RetireGrant and RevokeGrant work on a key in another
    // account; the oracle allows any action the key policy and IAM allow.
    area: 'crossAccountOperationNotPermitted',
    page: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html',
    applies: (c, r) => {
      const action = kmsAction(r.action);
      const account = accountOf(r.principal);
      return c.keyPolicy !== undefined && !!action?.onKey && account !== undefined && account !== r.key.split(':')[4] && !CROSS_ACCOUNT_ACTION_NAMES.has(action.name);
    },
  },
  {
    // Date values may be written in epoch (UNIX) time, i.e. seconds; the oracle
    // compares an epoch policy value as milliseconds against ISO request dates.
    area: 'epochSecondsDateValue',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date',
    applies: (c) => clausesOf(c).some((cl) => cl.operator.includes('Date') && cl.values.some((v) => /^\d+$/.test(v))),
  },
  {
    // Numeric operators compare integers and decimals; the oracle reads "1e2" as 1.
    area: 'nonDecimalNumber',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric',
    applies: (c, r) =>
      clausesOf(c).some((cl) => cl.operator.includes('Numeric') && (cl.values.some((v) => !DECIMAL.test(v)) || [contextValue(r, cl.key)].flat().some((v) => v !== undefined && !DECIMAL.test(v)))),
  },
  {
    // A single address in IpAddress/NotIpAddress is the range of that one address, so an
    // address of the other family is outside it (NotIpAddress holds). The oracle treats a
    // single IPv4/IPv6 address as never matching the other family, even under NotIpAddress.
    area: 'singleAddressOfOtherIpFamily',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress',
    applies: (c, r) => {
      const ip = contextValue(r, 'aws:SourceIp');
      return typeof ip === 'string' && clausesOf(c).some((cl) => cl.operator.includes('IpAddress') && cl.values.some((v) => !v.includes('/') && v.includes(':') !== ip.includes(':')));
    },
  },
  {
    // Multivalued keys (aws:TagKeys, kms:EncryptionContextKeys) "require a condition set
    // operator"; the page does not say what a plain operator does with several request
    // values. We keep "any value matches (none, for a negated operator)"; the oracle says
    // the condition never matches. The documentation does not decide for the oracle either.
    area: 'multivaluedKeyWithoutSetOperator',
    page: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
    applies: (c, r) =>
      clausesOf(c).some((cl) => !cl.operator.startsWith('For') && cl.operator !== 'Null' && Array.isArray(contextValue(r, cl.key))),
  },
];

interface Comparison {
  readonly ours: AuthorizationResult;
  readonly theirs: Decision;
  readonly context: Record<string, string | string[]>;
}

async function compare(c: GeneratedCase, r: GeneratedRequest): Promise<Comparison> {
  const action = kmsAction(r.action)!;
  const keyAccount = r.key.split(':')[4]!;
  const simulation = {
    request: {
      principal: oraclePrincipal(r.principal),
      action: r.action,
      resource: action.onKey ? { resource: r.key, accountId: keyAccount } : { resource: '*', accountId: accountOf(r.principal) ?? KEY_ACCOUNT },
      // The keys AWS sets from the principal (SPEC 2.1), which authorize derives, told to the oracle too.
      contextVariables: { ...Object.fromEntries([...requestContext(parseRequestPrincipal(r.principal), {}, action).context].map(([k, v]) => [k, [...v]])), ...r.context },
    },
    identityPolicies: r.principal.endsWith('.amazonaws.com') ? [] : c.identityPolicies.map((policy, i) => ({ name: `p${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(c.keyPolicy && action.onKey ? { resourcePolicy: c.keyPolicy } : {}),
  };
  const oracle = await runSimulation(simulation, {});
  if (oracle.resultType === 'error') throw new Error(`the oracle rejected a generated request: ${oracle.errors.message}`);
  const ignored = new Set((oracle.resultType === 'single' ? (oracle.result.ignoredContextKeys ?? []) : []).map((k) => k.toLowerCase()));
  const context = Object.fromEntries(Object.entries(r.context).filter(([k]) => !ignored.has(k.toLowerCase())));
  const ours = authorize({
    action: r.action,
    principal: r.principal,
    resource: r.key,
    context,
    ...(c.keyPolicy ? { keyPolicy: buildDocument(c.keyPolicy) } : {}),
    identityPolicies: c.identityPolicies.map((p, i) => ({ name: `p${i}`, document: buildDocument(p) })),
  });
  const identityOnly = !c.keyPolicy && action.onKey;
  const oracleResult =
    identityOnly ? (oracle.resultType === 'single' ? (oracle.result.analysis.identityAnalysis?.result ?? 'ImplicitlyDenied') : 'ImplicitlyDenied')
    : oracle.overallResult;
  return { ours, theirs: ORACLE_DECISION[oracleResult], context };
}

interface Tally {
  requests: number;
  agreed: Record<Decision, number>;
  excluded: Record<string, number>;
}

const newTally = (): Tally => ({ requests: 0, agreed: { allow: 0, 'explicit-deny': 0, 'implicit-deny': 0 }, excluded: {} });

function differential(mode: 'key' | 'identity-only', numRuns: number, requestsPerCase: number): Promise<Tally> {
  const tally = newTally();
  return fc
    .assert(
      fc.asyncProperty(caseArb(mode, requestsPerCase), async (c) => {
        for (const r of c.requests) {
          const { ours, theirs, context } = await compare(c, r);
          if (ours.decision === theirs) {
            tally.agreed[theirs]++;
            continue;
          }
          const area = EXCLUSIONS.find((x) => x.applies(c, r))?.area;
          if (!area) throw new Error(`authorize says ${ours.decision} (${ours.notes.join('; ')}), iam-simulate says ${theirs}; context ${JSON.stringify(context)}`);
          tally.excluded[area] = (tally.excluded[area] ?? 0) + 1;
        }
      }),
      { numRuns },
    )
    .then(() => {
      // Counted after the run, so shrinking does not inflate the numbers.
      tally.requests = numRuns * requestsPerCase;
      if (process.env.KPT_DIFF_STATS) console.info(mode, JSON.stringify(tally));
      return tally;
    });
}

function expectMeaningful(t: Tally) {
  const agreed = Object.values(t.agreed).reduce((a, b) => a + b, 0);
  const excluded = Object.values(t.excluded).reduce((a, b) => a + b, 0);
  expect(agreed + excluded).toBe(t.requests);
  // Exclusions stay a small part of the run, and every decision occurs often.
  expect(excluded / t.requests).toBeLessThan(0.1);
  for (const d of ['allow', 'explicit-deny', 'implicit-deny'] as const) expect(t.agreed[d], d).toBeGreaterThan(t.requests / 50);
}

/** KPT_DIFF_SCALE=10 runs ten times as many cases (a soak run; the default keeps the suite fast). */
const SCALE = Math.max(1, Number(process.env.KPT_DIFF_SCALE ?? 1) || 1);

describe('authorize agrees with @cloud-copilot/iam-simulate', () => {
  it('key policy with 0-2 identity policies: 1,500 cases x 4 requests', async () => {
    expectMeaningful(await differential('key', 1500 * SCALE, 4));
  }, 600_000);

  it('identity policies without a key policy (the identity decision, SPEC 2.1): 750 cases x 4 requests', async () => {
    expectMeaningful(await differential('identity-only', 750 * SCALE, 4));
  }, 600_000);

  it('every exclusion names the AWS documentation page that decides it', () => {
    for (const x of EXCLUSIONS) expect(x.page, x.area).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(new Set(EXCLUSIONS.map((x) => x.area)).size).toBe(EXCLUSIONS.length);
  });
});
