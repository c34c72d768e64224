/**
 * DEPLOYER_LOCKOUT (SPEC 3, `lint --as ARN`): the principal that sets the key
 * policy must still be able to call kms:PutKeyPolicy under it. Decided by the
 * engine (evaluate/authorize), not by a second reading of the policy: first as
 * the key policy alone allows it (a principal named directly), then with an IAM
 * policy of the principal that allows kms:PutKeyPolicy (the account statement
 * delegates to IAM, key-policy-default.html#key-policy-default-allow-root-enable-iam).
 * KMS's own lockout safety check asks the same question of the principal making
 * the PutKeyPolicy request ("BypassPolicyLockoutSafetyCheck",
 * https://docs.aws.amazon.com/kms/latest/APIReference/API_PutKeyPolicy.html).
 * Only requests without any context are tried: a condition the deploy may not meet
 * (MFA, a source IP) counts as not met, the safe answer for the key's owner.
 */
import { authorize, EXAMPLE_KEY_ID } from '../evaluate/authorize.js';
import { parseRequestPrincipal } from '../evaluate/principal.js';
import { keyPolicyAccount } from '../matrix/subjects.js';
import type { JsonNode } from '../policy/json.js';
import { buildDocument, type PolicyDocument } from '../policy/model.js';
import { locate } from '../policy/parse.js';
import { visibleLine } from '../text/visible.js';
import { FINDING_RULES, type Finding } from './catalog.js';

/** All the IAM permission a deployer could have for this: kms:PutKeyPolicy on every key. */
const IAM_ALLOWS_PUT = buildDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:PutKeyPolicy', Resource: '*' }] });

/** How the deployer keeps kms:PutKeyPolicy: directly, through the account statement and an IAM policy, or not at all. */
export type DeployerAccess = { readonly via: 'direct' | 'iam' } | { readonly via: null; readonly finding: Finding };

const name = (doc: PolicyDocument, i: number) => {
  const sid = doc.statements[i]?.sid;
  return sid ? `statement ${i} (Sid ${sid})` : `statement ${i}`;
};

export function deployerAccess(doc: PolicyDocument, ast: JsonNode | null, deployer: string): DeployerAccess {
  const keyAccount = keyPolicyAccount(doc);
  const request = { action: 'kms:PutKeyPolicy', principal: deployer, resource: `arn:aws:kms:us-west-2:${keyAccount}:key/${EXAMPLE_KEY_ID}`, keyPolicy: doc };
  const alone = authorize(request);
  if (alone.decision === 'allow') return { via: 'direct' };
  const withIam = authorize({ ...request, identityPolicies: [{ name: 'deployer', document: IAM_ALLOWS_PUT }] }, { trace: true });
  if (withIam.decision === 'allow') return { via: 'iam' };
  let statement: number | null = null;
  let because: string;
  const p = parseRequestPrincipal(deployer);
  if (withIam.decision === 'explicit-deny') {
    const deny = withIam.matched.find((m) => m.policy === 'key' && m.effect === 'Deny');
    statement = deny?.statement ?? null;
    because = deny ? `${name(doc, deny.statement)} denies it` : 'a Deny applies';
  } else if (withIam.rule === 'not-cross-account-action') {
    because = `it is in account ${p.account}, not the key's account ${keyAccount}, and KMS never allows kms:PutKeyPolicy across accounts`;
  } else {
    const conditional = withIam.trace.find((t) => t.policy === 'key' && t.effect === 'Allow' && t.because?.element === 'Condition');
    if (conditional) statement = conditional.statement;
    because = conditional
      ? `${name(doc, conditional.statement)} allows it only under a condition (${conditional.because?.element === 'Condition' ? conditional.because.key : ''}) that a deploy is not known to meet`
      : 'no statement allows it, neither directly nor through the account statement with an IAM policy';
  }
  const s = statement === null ? undefined : doc.statements[statement];
  const path = s?.pointer ?? '';
  const { line, column } = path === '' ? { line: null, column: null } : locate(ast, path);
  return {
    via: null,
    finding: {
      id: 'DEPLOYER_LOCKOUT',
      severity: FINDING_RULES.DEPLOYER_LOCKOUT.severity,
      statement: s ? s.index : null,
      path,
      line,
      column,
      message: visibleLine(`${deployer} could not call kms:PutKeyPolicy under this policy: ${because}. Once deployed, it could not change the key policy again`),
      fix: FINDING_RULES.DEPLOYER_LOCKOUT.fix,
    },
  };
}
