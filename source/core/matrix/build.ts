/**
 * Who can do what (SPEC 2.2): one cell per row and KMS action, built from paths.
 * Each row is evaluated as one concrete principal (`evaluatedAs`); the condition
 * keys that principal fixes (derived.ts: kms:CallerAccount, aws:PrincipalArn, ...)
 * are decided for the row, so a condition that can never hold for it makes no path
 * and one that always holds leaves the path unconditional. Statements are compiled
 * once, their action coverage precomputed as a bitmap over the catalog, and each
 * row touches only the statements whose principal covers it.
 */
import { CROSS_ACCOUNT_ACTION_NAMES, kmsActions } from '../catalog/kms.js';
import { compileDocument, type CompiledStatement } from '../evaluate/compile.js';
import { clauseOutcome, type NormalizedContext } from '../evaluate/conditions.js';
import { derivedContext } from '../evaluate/derived.js';
import { parseRequestPrincipal, statementPrincipal } from '../evaluate/principal.js';
import type { Via } from '../evaluate/types.js';
import type { ConditionClause, PolicyDocument, PolicyKind } from '../policy/model.js';
import { EXAMPLE_KEY_ID } from '../evaluate/authorize.js';
import { cellFromPaths, NONE_CELL } from './cell.js';
import { identityRows, keyPolicyAccount, keyPolicyRows } from './subjects.js';
import type { CellPath, Matrix, MatrixCell, MatrixRow, PathCondition } from './types.js';

interface Live {
  readonly statement: CompiledStatement;
  readonly actions: Uint8Array;
}

function actionBitmap(s: CompiledStatement, ids: readonly string[]): Uint8Array {
  const bits = new Uint8Array(ids.length);
  for (let i = 0; i < ids.length; i++) bits[i] = s.action(ids[i]!) ? 1 : 0;
  return bits;
}

function liveStatements(doc: PolicyDocument): Live[] {
  const ids = kmsActions().map((a) => a.id);
  return compileDocument(doc)
    .filter((s) => s.effect !== null)
    .map((statement) => ({ statement, actions: actionBitmap(statement, ids) }));
}

const EMPTY_CONTEXT: NormalizedContext = new Map();
const NO_KEYS: ReadonlySet<string> = new Set();

const NEGATIONS: Readonly<Record<string, string>> = {
  StringEquals: 'StringNotEquals',
  StringEqualsIgnoreCase: 'StringNotEqualsIgnoreCase',
  StringLike: 'StringNotLike',
  NumericEquals: 'NumericNotEquals',
  DateEquals: 'DateNotEquals',
  IpAddress: 'NotIpAddress',
  ArnEquals: 'ArnNotEquals',
  ArnLike: 'ArnNotLike',
};

/**
 * True when a statement tests one key with an operator and with its negation on the same
 * values (no set qualifier, no IfExists): the two can never hold together
 * (reference_policies_elements_condition_operators.html: a negated operator is the NOR).
 */
function contradictory(conditions: readonly ConditionClause[]): boolean {
  const plain = conditions.filter((c) => !c.qualifier && !c.ifExists);
  const id = (c: ConditionClause, op: string) => `${op}\u0000${c.key.toLowerCase()}\u0000${[...c.values].sort().join('\u0000')}`;
  const seen = new Set(plain.map((c) => id(c, c.baseOperator)));
  return plain.some((c) => Object.hasOwn(NEGATIONS, c.baseOperator) && seen.has(id(c, NEGATIONS[c.baseOperator]!)));
}

/** The conditions left for a principal, or null when one can never hold for it. */
function remainingConditions(s: CompiledStatement, fixed: NormalizedContext, fixedKeys: ReadonlySet<string>): PathCondition[] | null {
  const out: PathCondition[] = [];
  if (contradictory(s.conditions)) return null;
  for (const c of s.conditions as readonly ConditionClause[]) {
    const outcome = clauseOutcome(c, fixed, fixedKeys);
    if (outcome === false) return null;
    if (outcome === 'unknown') out.push({ statement: s.index, operator: c.operator, key: c.key, values: c.values });
  }
  return out;
}

/** A statement that applies to a row, with one path object per way it can reach the principal (shared by the row's cells). */
interface Applicable {
  readonly live: Live;
  readonly path: CellPath;
  /** The same Allow, reaching the principal only with an IAM policy (another account, alias operations). */
  readonly viaIam: CellPath;
}

function applicable(live: Live, via: Via | null, conditions: PathCondition[]): Applicable {
  const s = live.statement;
  const base = { statements: [s.index], grants: [], conditions };
  const path: CellPath = s.effect === 'Deny' ? { effect: 'Deny', via: null, ...base } : { effect: 'Allow', via, ...base };
  const viaIam: CellPath = s.effect === 'Deny' ? path : via === 'iam' ? path : { effect: 'Allow', via: 'iam', ...base };
  return { live, path, viaIam };
}

function cellsOf(applyFor: readonly Applicable[] | ((a: number) => readonly Applicable[]), pathFor: (x: Applicable, a: number) => CellPath | null): Record<string, MatrixCell> {
  const actions = kmsActions();
  const cells: Record<string, MatrixCell> = {};
  for (let a = 0; a < actions.length; a++) {
    const paths: CellPath[] = [];
    for (const x of typeof applyFor === 'function' ? applyFor(a) : applyFor) {
      if (x.live.actions[a] !== 1) continue;
      const p = pathFor(x, a);
      if (p) paths.push(p);
    }
    cells[actions[a]!.id] = paths.length === 0 ? NONE_CELL : cellFromPaths(paths);
  }
  return cells;
}

function keyMatrix(doc: PolicyDocument, keyAccount: string): MatrixRow[] {
  const actions = kmsActions();
  const keyArn = `arn:aws:kms:us-west-2:${keyAccount}:key/${EXAMPLE_KEY_ID}`;
  const all = liveStatements(doc);
  return keyPolicyRows(doc).map((row) => {
    const principal = parseRequestPrincipal(row.evaluatedAs);
    const derived = derivedContext(principal);
    const cross = principal.account !== undefined && principal.account !== keyAccount;
    const applyWith = (withServiceKeys: boolean): Applicable[] => {
      // kms:CallerAccount is set only for the actions that take it (as in authorize's requestContext).
      const present = [...derived.present].filter(([k]) => withServiceKeys || !k.startsWith('kms:'));
      const fixed: NormalizedContext = new Map(present.map(([k, v]) => [k, [v]]));
      const out: Applicable[] = [];
      for (const live of all) {
        const s = live.statement;
        const via = statementPrincipal(s.principal, s.notPrincipal, principal);
        if (!via || !s.resource(keyArn, fixed)) continue;
        const conditions = remainingConditions(s, fixed, derived.fixed);
        if (conditions) out.push(applicable(live, via, conditions));
      }
      return out;
    };
    const apply = applyWith(true);
    let applyNoServiceKeys: Applicable[] | undefined;
    const takesCallerAccount = (a: number) => actions[a]!.conditionKeys.includes('kms:CallerAccount');
    const cells = cellsOf((a) => (takesCallerAccount(a) ? apply : (applyNoServiceKeys ??= applyWith(false))), (x, a) => {
      const action = actions[a]!;
      // A key policy decides only operations on the key (actions without a key resource are IAM's alone).
      if (!action.onKey) return null;
      if (x.path.effect === 'Deny') return x.path;
      // Across accounts KMS allows only some operations, and an IAM policy of the principal
      // must allow too, even for a principal named directly (key-policy-modifying-external-accounts.html).
      if (cross && !CROSS_ACCOUNT_ACTION_NAMES.has(action.name)) return null;
      // Alias operations also need permission on the alias, which only an IAM policy gives (alias-access.html).
      const path = cross || action.onAlias ? x.viaIam : x.path;
      // No IAM policy applies to a service principal: a path that needs one never opens.
      return path.via === 'iam' && principal.kind === 'service' ? null : path;
    });
    return { subject: row.subject, label: row.label, evaluatedAs: row.evaluatedAs, ...(row.note ? { note: row.note } : {}), cells };
  });
}

function identityMatrix(doc: PolicyDocument): MatrixRow[] {
  const actions = kmsActions();
  const all = liveStatements(doc).map((live) => ({ live, onStar: live.statement.resource('*', EMPTY_CONTEXT) }));
  return identityRows(doc).map((row) => {
    const onKey: Applicable[] = [];
    const onStar: Applicable[] = [];
    for (const { live, onStar: star } of all) {
      const conditions = remainingConditions(live.statement, EMPTY_CONTEXT, NO_KEYS);
      if (!conditions) continue;
      if (live.statement.resource(row.evaluatedAs, EMPTY_CONTEXT)) onKey.push(applicable(live, null, conditions));
      if (star) onStar.push(applicable(live, null, conditions));
    }
    const keyCells = cellsOf(onKey, (x) => x.path);
    // Actions without a key resource are authorized on "*" (as in authorize).
    const starCells = cellsOf(onStar, (x) => x.path);
    const cells: Record<string, MatrixCell> = {};
    for (const a of actions) cells[a.id] = a.onKey ? keyCells[a.id]! : starCells[a.id]!;
    return { subject: row.subject, label: row.label, evaluatedAs: row.evaluatedAs, ...(row.note ? { note: row.note } : {}), cells };
  });
}

/** The who-can-do-what matrix of a policy (SPEC 2.2). */
export function buildMatrix(doc: PolicyDocument, kind: PolicyKind): Matrix {
  const keyAccount = keyPolicyAccount(doc);
  return {
    kind,
    keyAccount,
    actions: kmsActions().map((a) => a.id),
    rows: kind === 'key' ? keyMatrix(doc, keyAccount) : identityMatrix(doc),
  };
}
