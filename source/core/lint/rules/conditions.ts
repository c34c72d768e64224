import { findConditionKey } from '../../catalog/index.js';
import { childPointer } from '../../policy/json-pointer.js';
import { isRecord, type ConditionClause, type Statement } from '../../policy/model.js';
import type { LintContext } from '../context.js';
import { quote } from '../context.js';
import { coveredKmsActions } from '../match.js';
import { rawStatement } from '../principals.js';

/** Condition operators of the IAM policy language (base names, without IfExists and qualifiers). */
export const CONDITION_OPERATORS: ReadonlySet<string> = new Set([
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
]);

/** Negated operators match when the key is absent from the request. */
export function isNegatedOperator(base: string): boolean {
  return base !== 'Null' && base.includes('Not');
}

/** Keys present in every authenticated request to KMS, so a negated test on them cannot match by absence. */
const ALWAYS_PRESENT = new Set(
  ['aws:CurrentTime', 'aws:EpochTime', 'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType', 'aws:SecureTransport', 'aws:RequestedRegion', 'aws:userid', 'aws:PrincipalIsAWSService', 'aws:ViaAWSService', 'kms:CallerAccount'].map((k) => k.toLowerCase()),
);

const DEPRECATED: Readonly<Record<string, string>> = { 'kms:customermasterkeyspec': 'kms:KeySpec', 'kms:customermasterkeyusage': 'kms:KeyUsage' };

const STRING_EQUALS = new Set(['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase']);

/** True when a KMS action documents the condition key (patterns like kms:EncryptionContext:${EncryptionContextKey} included). */
export function actionSupportsKey(actionKeys: readonly string[], key: string): boolean {
  const lower = key.toLowerCase();
  return actionKeys.some((k) => {
    const kl = k.toLowerCase();
    const v = kl.indexOf('${');
    return v < 0 ? kl === lower : lower.startsWith(kl.slice(0, v)) && lower.length > v;
  });
}

/** Operators, keys, values, qualifiers and negation of every Condition block. */
export function conditionRules(ctx: LintContext): void {
  for (const s of ctx.doc.statements) {
    const r = rawStatement(s);
    if (!Object.hasOwn(r, 'Condition')) continue;
    const at = childPointer(s.pointer, 'Condition');
    if (!isRecord(r.Condition)) {
      ctx.report('INVALID_CONDITION_VALUE', at, `Condition must be an object of operators, not ${quote(r.Condition)}`);
      continue;
    }
    for (const [operator, block] of Object.entries(r.Condition)) {
      if (!isRecord(block)) ctx.report('INVALID_CONDITION_VALUE', childPointer(at, operator), `The ${operator} block must be an object of condition keys, not ${quote(block)}`);
    }
    const reported = new Set<string>();
    for (const c of s.conditions) {
      const opPointer = childPointer(at, c.operator);
      if (!CONDITION_OPERATORS.has(c.baseOperator)) {
        if (!reported.has(c.operator)) ctx.report('INVALID_CONDITION_OPERATOR', opPointer, `"${c.operator}" is not a condition operator`);
        reported.add(c.operator);
        continue;
      }
      clauseRules(ctx, s, c, (r.Condition as Record<string, Record<string, unknown>>)[c.operator]?.[c.key]);
    }
  }
}

function clauseRules(ctx: LintContext, s: Statement, c: ConditionClause, raw: unknown): void {
  if (c.baseOperator === 'Null' && c.ifExists) {
    ctx.report('INVALID_CONDITION_VALUE', c.pointer, `"${c.operator}": the Null operator cannot take IfExists`, 'Write "Null" without IfExists.');
  }
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.some((v) => typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) {
    ctx.report('INVALID_CONDITION_VALUE', c.pointer, `Condition values must be strings (or lists of strings), not ${quote(raw)}`);
  }
  for (const v of c.values) {
    const bad = badValue(c.baseOperator, v);
    if (bad) ctx.report('INVALID_CONDITION_VALUE', c.pointer, `${quote(v)} is not valid for ${c.baseOperator}: ${bad}`);
  }
  const info = findConditionKey(c.key);
  const lower = c.key.toLowerCase();
  if (!info) {
    ctx.report('UNKNOWN_CONDITION_KEY', c.pointer, `No AWS service defines the condition key "${c.key}"`);
  } else {
    const deprecated = Object.hasOwn(DEPRECATED, lower) ? DEPRECATED[lower] : undefined;
    if (deprecated) ctx.report('DEPRECATED_CONDITION_KEY', c.pointer, `${c.key} is deprecated`, `Use ${deprecated}.`);
    const multi = info.type.startsWith('ArrayOf');
    if (multi && c.qualifier === null && c.baseOperator !== 'Null') {
      ctx.report('MISSING_QUALIFIER', c.pointer, `${info.key} can hold several values; "${c.operator}" without ForAnyValue: or ForAllValues: is ambiguous`, `Write "ForAnyValue:${c.operator}" (at least one value matches) or "ForAllValues:${c.operator}" (every value matches).`);
    }
    if (rejectedSetOperator(ctx, c)) {
      ctx.report('INVALID_CONDITION_VALUE', c.pointer, `AWS KMS rejects a key policy with ForAllValues on ${c.key} (OverlyPermissiveCondition): ForAllValues is true when the request has no such key`, `Write "${c.operator.slice('ForAllValues:'.length)}" (the key has one value per request).`);
    } else if (!multi && c.qualifier !== null) {
      ctx.report('FORALLVALUES_SINGLE_VALUED_KEY', c.pointer, `${info.key} has a single value; ${c.qualifier} is meant for multi-valued keys${c.qualifier === 'ForAllValues' ? ' and is also true when the key is absent' : ''}`, `Write "${c.operator.slice(c.qualifier.length + 1)}".`);
    }
  }
  if (STRING_EQUALS.has(c.baseOperator) && c.values.some((v) => /[*?]/.test(v.replace(/\$\{[^}]*\}/g, '')))) {
    ctx.report('WILDCARD_WITHOUT_LIKE', c.pointer, `${c.baseOperator} compares "*" and "?" literally`, `Use ${c.baseOperator.includes('Not') ? 'StringNotLike' : 'StringLike'} to match a pattern.`);
  }
  if (lower.startsWith('kms:') && info && s.action && s.action.every((a) => a.toLowerCase().startsWith('kms:'))) {
    const actions = coveredKmsActions(s.action, undefined);
    const without = actions.filter((a) => !actionSupportsKey(a.conditionKeys, c.key) && (ctx.kind === 'identity' || a.onKey));
    if (actions.length > 0 && !actions.some((a) => actionSupportsKey(a.conditionKeys, c.key))) {
      const names = actions.slice(0, 3).map((a) => a.name).join(', ') + (actions.length > 3 ? ', ...' : '');
      ctx.report('CONDITION_KEY_NOT_FOR_ACTION', c.pointer, `${c.key} is not in the requests of ${names}, so this condition sees it absent`);
    } else if (without.length > 0 && s.effect === 'Allow' && !isNegatedOperator(c.baseOperator) && c.baseOperator !== 'Null' && !c.ifExists && c.qualifier !== 'ForAllValues') {
      // A key that some actions never carry makes a positive test false for them: those actions are never allowed here.
      const names = without.slice(0, 3).map((a) => a.name).join(', ') + (without.length > 3 ? ', ...' : '');
      ctx.report('CONDITION_KEY_NOT_FOR_ACTION', c.pointer, `${names} requests never carry ${c.key}, so this statement never allows ${without.length === 1 ? 'it' : 'them'}`, `Move ${names} to a statement without this condition, or remove ${without.length === 1 ? 'it' : 'them'} here.`);
    }
  }
  // "Null": {key: "false"} in the same statement requires the key, which is the fix this finding suggests.
  const required = s.conditions.some((o) => o.baseOperator === 'Null' && o.key.toLowerCase() === lower && o.values.length > 0 && o.values.every((v) => v.toLowerCase() === 'false'));
  if (isNegatedOperator(c.baseOperator) && !c.ifExists && c.qualifier === null && !ALWAYS_PRESENT.has(lower) && !required) {
    const consequence =
      s.effect === 'Deny'
        ? `this Deny also applies to requests without ${c.key} (for example calls that AWS services make for you)`
        : `this Allow also applies to requests without ${c.key}`;
    ctx.report('NEGATED_CONDITION_ABSENT_KEY', c.pointer, `${c.operator} matches when ${c.key} is absent: ${consequence}`, `If that is not intended, add "Null": {"${c.key}": "false"} or use ${c.operator}IfExists deliberately.`);
  }
}

/**
 * KMS refuses to set a key policy that uses ForAllValues with kms:EncryptionContext:context-key
 * or aws:RequestTag/tag-key (OverlyPermissiveCondition): it is an error, not a style warning.
 * IAM does not run KMS's check on identity policies, where it stays FORALLVALUES_SINGLE_VALUED_KEY.
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html (set operators)
 */
function rejectedSetOperator(ctx: LintContext, c: ConditionClause): boolean {
  const lower = c.key.toLowerCase();
  return ctx.kind === 'key' && c.qualifier === 'ForAllValues' && (lower.startsWith('kms:encryptioncontext:') || lower.startsWith('aws:requesttag/'));
}

function badValue(base: string, v: string): string | undefined {
  if (base === 'Bool' || base === 'Null') return ['true', 'false'].includes(v.toLowerCase()) ? undefined : 'use "true" or "false"';
  // Integers or decimals only, as the evaluation engine compares them ("1e2" and "0x10" never match).
  if (base.startsWith('Numeric')) return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim()) || v.includes('${') ? undefined : 'use an integer or a decimal number such as 30';
  if (base.startsWith('Date')) return /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)) || v.includes('${') ? undefined : 'use an ISO 8601 date such as 2026-01-01T00:00:00Z';
  if (base === 'IpAddress' || base === 'NotIpAddress') return /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(v) ? undefined : 'use an IP address or CIDR range';
  return undefined;
}
