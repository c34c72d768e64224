/**
 * KMS authorization of one request (SPEC 2.1), after the KMS developer guide:
 * key-policy-default.html (the account statement delegates to IAM),
 * key-policy-modifying-external-accounts.html (cross-account needs the key
 * policy and an IAM policy, for the operations KMS allows cross-account), and
 * the IAM policy evaluation logic (an explicit Deny anywhere wins). Grants (SPEC 2.6,
 * grants/evaluate.ts) allow beside the policies: "When authorizing access to a KMS key,
 * grants are considered along with key policies and IAM policies" (grants.html), and a
 * grant alone is enough for its grantee (its permissions need no IAM policy:
 * grant-delete.html, "Principals specified in the grant can retire a grant without the
 * kms:RetireGrant permission"; across accounts too, the reading that shows the key's
 * owner the most access). An explicit Deny in the key policy or an IAM policy still wins
 * over a grant: "No AWS principal has any permissions to a KMS key unless that permission
 * is provided explicitly and never denied"
 * (https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html), and "A grant
 * can allow access to a KMS key, but not deny access" (grants.html).
 */
import { CROSS_ACCOUNT_ACTION_NAMES, kmsAction, type KmsAction } from '../catalog/kms.js';
import type { ConditionClause } from '../policy/model.js';
import type {
  AuthorizationRequest,
  AuthorizationResult,
  AuthorizeOptions,
  DecidingRule,
  MatchedStatement,
  TraceBecause,
  TracedAuthorizationResult,
  TraceElement,
  TraceEntry,
  ResultVia,
  Via,
} from './types.js';
import { grantContext, grantMiss, type GrantMiss } from '../grants/evaluate.js';
import { compileDocument, type CompiledStatement } from './compile.js';
import { clauseHolds, normalizeContext, type NormalizedContext } from './conditions.js';
import { derivedContext, DERIVED_KEYS } from './derived.js';
import { parseRequestPrincipal, statementPrincipal, type RequestPrincipal } from './principal.js';
import { arnAccount } from './resource.js';

export const EXAMPLE_ACCOUNT = '111122223333';
export const EXAMPLE_KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
export const NOTE_IAM_DELEGATION = 'allowed if an IAM policy of the principal allows it';
export const NOTE_KEY_POLICY_UNKNOWN = 'the key policy was not given: it must also allow this request';
export const NOTE_GRANT_KEY_POLICY_UNKNOWN = 'the key policy was not given: an explicit Deny in it would still win over the grant';
export const NOTE_SERVICE_NO_IDENTITY = 'identity policies do not apply to a service principal: they were ignored';

/** The --resource default: a key in the principal's account, us-west-2. */
export function defaultKeyArn(principal: RequestPrincipal): string {
  return `arn:aws:kms:us-west-2:${principal.account ?? EXAMPLE_ACCOUNT}:key/${EXAMPLE_KEY_ID}`;
}

interface PolicyOutcome {
  deny: MatchedStatement[];
  allow: MatchedStatement[];
  /** For key policies: the strongest way an allow covered the principal. */
  via: Via | null;
}

/** What kept a statement from applying: an element, or the first condition clause that failed. */
type Miss = Exclude<TraceElement, 'Condition'> | ConditionClause;

function failedClause(clauses: readonly ConditionClause[], context: NormalizedContext): ConditionClause | undefined {
  for (const c of clauses) if (!clauseHolds(c, context)) return c;
  return undefined;
}

/**
 * One key policy statement: how it covers the principal when it applies, else what failed.
 * The one matching path for authorize and its trace, so the two cannot disagree.
 */
function keyStatement(s: CompiledStatement, req: Ctx): Via | Miss {
  if (!s.effect) return 'Effect';
  if (!s.action(req.action)) return s.actionElement;
  if (!s.resource(req.resource, req.context)) return s.resourceElement;
  const via = statementPrincipal(s.principal, s.notPrincipal, req.principal);
  if (!via) return s.principal === undefined && s.notPrincipal !== undefined ? 'NotPrincipal' : 'Principal';
  return failedClause(s.conditions, req.context) ?? via;
}

/** One identity policy statement: null when it applies (identity policies name no principal). */
function identityStatement(s: CompiledStatement, req: Ctx): Miss | null {
  if (!s.effect) return 'Effect';
  if (!s.action(req.action)) return s.actionElement;
  if (!s.resource(req.resource, req.context)) return s.resourceElement;
  return failedClause(s.conditions, req.context) ?? null;
}

function because(miss: Miss, context: NormalizedContext): TraceBecause {
  if (typeof miss === 'string') return { element: miss };
  const actual = context.get(miss.key.toLowerCase());
  return { element: 'Condition', operator: miss.operator, key: miss.key, expected: miss.values, actual: actual && actual.length > 0 ? actual : null };
}

/** The grants that allow the request (in the order given), with a trace entry per grant when tracing. */
function evaluateGrants(req: Ctx): MatchedStatement[] {
  const out: MatchedStatement[] = [];
  const operation = kmsAction(req.action)?.name ?? req.action.replace(/^kms:/i, '');
  (req.grants ?? []).forEach((g, index) => {
    const miss: GrantMiss | null = grantMiss(g, operation, req.resource, req.principal, req.context);
    if (req.trace) {
      req.trace.push({
        policy: 'grant',
        statement: index,
        grant: g.id,
        effect: 'Allow',
        applies: miss === null,
        ...(miss !== null ? { because: because(miss, grantContext(req.context)) } : {}),
      });
    }
    if (miss === null) out.push({ policy: 'grant', statement: index, grant: g.id, effect: 'Allow' });
  });
  return out;
}

function record(req: Ctx, policy: TraceEntry['policy'], s: CompiledStatement, miss: Miss | null): void {
  req.trace!.push({
    policy,
    statement: s.index,
    ...(s.sid !== undefined ? { sid: s.sid } : {}),
    effect: s.effect,
    applies: miss === null,
    ...(miss !== null ? { because: because(miss, req.context) } : {}),
  });
}

function evaluateKeyPolicy(req: Ctx): PolicyOutcome {
  const out: PolicyOutcome = { deny: [], allow: [], via: null };
  if (!req.keyPolicy) return out;
  for (const s of compileDocument(req.keyPolicy)) {
    const r = keyStatement(s, req);
    const via = r === 'direct' || r === 'iam' ? r : null;
    if (req.trace) record(req, 'key', s, via ? null : (r as Miss));
    if (!via) continue;
    const m: MatchedStatement = { policy: 'key', statement: s.index, ...(s.sid !== undefined ? { sid: s.sid } : {}), effect: s.effect! };
    if (s.effect === 'Deny') out.deny.push(m);
    else {
      out.allow.push(m);
      if (out.via !== 'direct') out.via = via;
    }
  }
  return out;
}

function evaluateIdentity(req: Ctx): PolicyOutcome {
  const out: PolicyOutcome = { deny: [], allow: [], via: null };
  for (const named of req.identityPolicies ?? []) {
    const policy = `identity:${named.name}` as const;
    for (const s of compileDocument(named.document)) {
      const miss = identityStatement(s, req);
      if (req.trace) record(req, policy, s, miss);
      if (miss !== null) continue;
      const m: MatchedStatement = { policy, statement: s.index, ...(s.sid !== undefined ? { sid: s.sid } : {}), effect: s.effect! };
      (s.effect === 'Deny' ? out.deny : out.allow).push(m);
    }
  }
  return out;
}

interface Ctx {
  readonly action: string;
  readonly principal: RequestPrincipal;
  readonly resource: string;
  readonly context: NormalizedContext;
  readonly keyPolicy: AuthorizationRequest['keyPolicy'];
  readonly identityPolicies: AuthorizationRequest['identityPolicies'];
  readonly grants: AuthorizationRequest['grants'];
  /** Collects the trace when asked for (undefined on the hot path). */
  readonly trace: TraceEntry[] | undefined;
}

/**
 * The request context with the keys AWS sets for the principal (derived.ts) added
 * where the caller did not give them; `derived` names the keys that were added.
 */
export function requestContext(principal: RequestPrincipal, given: AuthorizationRequest['context'], action?: KmsAction): { context: NormalizedContext; derived: string[] } {
  const context = normalizeContext(given) as Map<string, readonly string[]>;
  const derived: string[] = [];
  const fromPrincipal = derivedContext(principal).present;
  for (const name of DERIVED_KEYS) {
    const key = name.toLowerCase();
    const value = fromPrincipal.get(key);
    if (value === undefined || context.has(key)) continue;
    // A service key is set only for the actions that take it (kms:CallerAccount is not a key of ListAliases).
    if (action && key.startsWith('kms:') && !action.conditionKeys.some((k) => k.toLowerCase() === key)) continue;
    context.set(key, [value]);
    derived.push(name);
  }
  return { context, derived };
}

/**
 * Decides one KMS request as AWS would (SPEC 2.1). Pure and synchronous. With
 * `{ trace: true }` the result also lists every statement evaluated and the rule that decided.
 */
export function authorize(request: AuthorizationRequest, options: AuthorizeOptions & { trace: true }): TracedAuthorizationResult;
export function authorize(request: AuthorizationRequest, options?: AuthorizeOptions): AuthorizationResult;
export function authorize(request: AuthorizationRequest, options?: AuthorizeOptions): AuthorizationResult | TracedAuthorizationResult {
  const principal = parseRequestPrincipal(request.principal);
  const resource = request.resource ?? defaultKeyArn(principal);
  const catalogAction = kmsAction(request.action);
  // Actions without a key resource (CreateKey, ListKeys, ...) are authorized on "*" by IAM alone.
  const onKey = catalogAction ? catalogAction.onKey : true;
  const { context, derived } = requestContext(principal, request.context, catalogAction);
  const ctx: Ctx = {
    action: request.action,
    principal,
    resource: onKey ? resource : '*',
    context,
    keyPolicy: onKey ? request.keyPolicy : undefined,
    // A service principal is not an IAM identity: no identity policy can apply to it.
    identityPolicies: principal.kind === 'service' ? [] : request.identityPolicies,
    // Every grant operation is on a key (grants.html, "Grant operations").
    grants: onKey ? request.grants : undefined,
    trace: options?.trace ? [] : undefined,
  };
  const done = (result: AuthorizationResult, rule: DecidingRule): AuthorizationResult | TracedAuthorizationResult =>
    ctx.trace ? { ...result, trace: ctx.trace, rule } : result;
  const key = evaluateKeyPolicy(ctx);
  const identity = evaluateIdentity(ctx);
  const granted = evaluateGrants(ctx);
  const hasIdentity = (ctx.identityPolicies?.length ?? 0) > 0;
  const notes: string[] = [];
  if (derived.length > 0) notes.push(`derived from the principal: ${derived.join(', ')}`);
  if (principal.kind === 'service' && (request.identityPolicies?.length ?? 0) > 0) notes.push(NOTE_SERVICE_NO_IDENTITY);
  const deny = [...key.deny, ...identity.deny];
  // An explicit Deny wins over grants too (control-access.html; see the top of this file).
  if (deny.length > 0) return done({ decision: 'explicit-deny', via: null, matched: deny, notes }, 'explicit-deny-wins');
  const requestNotes = notes.length;
  const [result, rule] = policyDecision(request, ctx, key, identity, hasIdentity, notes, catalogAction, resource);
  if (granted.length === 0 || (result.decision === 'allow' && result.via === 'direct')) return done(result, rule);
  // A grant allows by itself: what the policies would need (an IAM policy, the key policy) no longer decides.
  const grantNotes = [...notes.slice(0, requestNotes), `allowed by grant ${granted.map((g) => g.grant).join(', ')}`];
  if (!request.keyPolicy) grantNotes.push(NOTE_GRANT_KEY_POLICY_UNKNOWN);
  return done({ decision: 'allow', via: 'grant', matched: [...result.matched, ...granted], notes: grantNotes }, 'grant-allows');
}

/** The decision of the key policy and the IAM policies alone (no Deny applies), and its rule. */
function policyDecision(
  request: AuthorizationRequest,
  ctx: Ctx,
  key: PolicyOutcome,
  identity: PolicyOutcome,
  hasIdentity: boolean,
  notes: string[],
  catalogAction: KmsAction | undefined,
  resource: string,
): [AuthorizationResult, DecidingRule] {
  const done = (r: AuthorizationResult, rule: DecidingRule): [AuthorizationResult, DecidingRule] => [r, rule];
  const principal = ctx.principal;
  const onKey = catalogAction ? catalogAction.onKey : true;
  const matched = [...key.allow, ...identity.allow];

  if (!onKey) {
    notes.push(`${catalogAction!.id} is not authorized on a key: only IAM policies can allow it`);
    if (!hasIdentity) notes.push('no IAM policy was given');
    return done({ decision: identity.allow.length > 0 ? 'allow' : 'implicit-deny', via: identity.allow.length > 0 ? 'iam' : null, matched, notes }, 'iam-only-action');
  }

  if (!request.keyPolicy) {
    notes.push(NOTE_KEY_POLICY_UNKNOWN);
    return done({ decision: identity.allow.length > 0 ? 'allow' : 'implicit-deny', via: null, matched, notes }, 'key-policy-unknown');
  }

  const keyAccount = arnAccount(resource);
  // Service principals and "*" carry no account: they are treated as callers in the key's account.
  const crossAccount = principal.account !== undefined && keyAccount !== undefined && principal.account !== keyAccount;
  if (crossAccount) {
    const name = catalogAction?.name ?? request.action.replace(/^kms:/i, '');
    if (!CROSS_ACCOUNT_ACTION_NAMES.has(catalogAction ? catalogAction.name : name)) {
      notes.push(`${catalogAction?.id ?? request.action} cannot be used on a key in another account (${keyAccount})`);
      return done({ decision: 'implicit-deny', via: null, matched, notes }, 'not-cross-account-action');
    }
  }
  if (!key.via) {
    notes.push('no key policy statement allows this principal');
    return done({ decision: 'implicit-deny', via: null, matched, notes }, 'key-policy-does-not-allow');
  }
  // Alias operations also need permission on the alias, which only an IAM policy can
  // give (alias-access.html): the key policy alone never allows them.
  const needsAliasPermission = catalogAction?.onAlias === true;
  if (needsAliasPermission) notes.push(`${catalogAction!.id} also needs permission on the alias, which only an IAM policy can give`);
  if (key.via === 'direct' && !crossAccount && !needsAliasPermission) return done({ decision: 'allow', via: 'direct', matched, notes }, 'key-policy-direct');
  const rule: DecidingRule = crossAccount ? 'cross-account-needs-both' : needsAliasPermission ? 'alias-needs-iam' : 'delegation-needs-iam';
  // Delegation to IAM, or another account: an IAM policy of the principal must allow too.
  if (crossAccount) notes.push(`the key is in another account (${keyAccount}): the key policy and an IAM policy must both allow`);
  const via: ResultVia = needsAliasPermission || crossAccount ? 'iam' : key.via;
  if (identity.allow.length > 0) return done({ decision: 'allow', via, matched, notes }, rule);
  if (!hasIdentity) {
    notes.push(NOTE_IAM_DELEGATION);
    return done({ decision: 'implicit-deny', via: 'iam', matched, notes }, rule);
  }
  notes.push('no IAM policy of the principal allows this request');
  return done({ decision: 'implicit-deny', via: null, matched, notes }, rule);
}
