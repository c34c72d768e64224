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
import { derivedContext, DERIVED_KEYS_LOWER } from '../evaluate/derived.js';
import { principalIndex } from './principal-index.js';
import { parseRequestPrincipal, statementPrincipal } from '../evaluate/principal.js';
import type { Via } from '../evaluate/types.js';
import type { ConditionClause, PolicyDocument, PolicyKind } from '../policy/model.js';
import { EXAMPLE_KEY_ID } from '../evaluate/authorize.js';
import { cellFromPaths, NONE_CELL } from './cell.js';
import { grantPaths } from './grant-paths.js';
import { grantKeyId } from '../grants/evaluate.js';
import type { Grant } from '../grants/model.js';
import { identityRows, keyPolicyAccount, keyPolicyRows, type RowSubject } from './subjects.js';
import type { CellPath, Matrix, MatrixCell, MatrixRow, PathCondition } from './types.js';

interface Live {
  readonly statement: CompiledStatement;
  readonly actions: Uint8Array;
  /** The statement's conditions can never hold together (see contradictory). */
  readonly impossible: boolean;
  /** A condition tests a service key (kms:CallerAccount) that only some actions carry. */
  readonly testsServiceKey: boolean;
  /** Positions (in the catalog) of the actions the statement covers. */
  readonly actionList: readonly number[];
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
    .map((statement) => {
      const actions = actionBitmap(statement, ids);
      const actionList: number[] = [];
      for (let a = 0; a < actions.length; a++) if (actions[a] === 1) actionList.push(a);
      return { statement, actions, actionList, ...conditionFacts(statement) };
    });
}

function conditionFacts(statement: CompiledStatement): { impossible: boolean; testsServiceKey: boolean } {
  return {
    impossible: contradictory(statement.conditions),
    testsServiceKey: statement.conditions.some((c) => c.key.toLowerCase().startsWith('kms:') && DERIVED_KEYS_LOWER.has(c.key.toLowerCase())),
  };
}

const EMPTY_CONTEXT: NormalizedContext = new Map();
let takes: Uint8Array | undefined;
/** True for the catalog actions (by position) that carry kms:CallerAccount. */
function takesCallerAccount(a: number): boolean {
  takes ??= Uint8Array.from(kmsActions().map((x) => (x.conditionKeys.includes('kms:CallerAccount') ? 1 : 0)));
  return takes[a] === 1;
}
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

const pathIds = new WeakMap<CellPath, number>();
let nextPathId = 0;
const idOf = (p: CellPath): number => {
  let id = pathIds.get(p);
  if (id === undefined) pathIds.set(p, (id = nextPathId++));
  return id;
};

/**
 * The cells of one row, for the actions `include` selects. Each applicable statement
 * visits only the actions it covers, and cells whose paths are the same path objects
 * are the same cell (most actions of a row share their statements), so a row costs
 * what its paths are, not statements × actions.
 */
function fillCells(
  cells: Record<string, MatrixCell>,
  apply: readonly Applicable[],
  pathFor: (x: Applicable, a: number) => CellPath | null,
  include: (a: number) => boolean = () => true,
  extra: (a: number) => readonly CellPath[] = () => [],
): void {
  const actions = kmsActions();
  const perAction = new Map<number, CellPath[]>();
  for (const x of apply) {
    for (const a of x.live.actionList) {
      if (!include(a)) continue;
      const p = pathFor(x, a);
      if (!p) continue;
      const list = perAction.get(a);
      if (list) list.push(p);
      else perAction.set(a, [p]);
    }
  }
  for (let a = 0; a < actions.length; a++) {
    if (!include(a)) continue;
    const more = extra(a);
    if (more.length === 0) continue;
    const list = perAction.get(a);
    if (list) list.push(...more);
    else perAction.set(a, [...more]);
  }
  const seen = new Map<string, MatrixCell>();
  for (let a = 0; a < actions.length; a++) {
    if (!include(a)) continue;
    const paths = perAction.get(a);
    if (!paths) {
      cells[actions[a]!.id] = NONE_CELL;
      continue;
    }
    let key = '';
    for (const p of paths) key += `${idOf(p)},`;
    let cell = seen.get(key);
    if (!cell) seen.set(key, (cell = cellFromPaths(paths)));
    cells[actions[a]!.id] = cell;
  }
}

function cellsOf(apply: readonly Applicable[], pathFor: (x: Applicable, a: number) => CellPath | null): Record<string, MatrixCell> {
  const cells: Record<string, MatrixCell> = {};
  fillCells(cells, apply, pathFor);
  return cells;
}

function keyMatrix(doc: PolicyDocument, keyArn: string, grants: readonly Grant[], rows: readonly RowSubject[] | undefined): MatrixRow[] {
  const actions = kmsActions();
  const keyAccount = keyArn.split(':')[4]!;
  const all = liveStatements(doc);
  const index = principalIndex(all.map((l) => l.statement));
  return (rows ?? keyPolicyRows(doc, grants, keyAccount)).map((row) => {
    const principal = parseRequestPrincipal(row.evaluatedAs);
    const derived = derivedContext(principal);
    const cross = principal.account !== undefined && principal.account !== keyAccount;
    // Only the statements whose Principal can name this principal (linear in the policy's size).
    const candidates = index(principal).map((i) => all[i]!);
    const applyWith = (withServiceKeys: boolean): Applicable[] => {
      // kms:CallerAccount is set only for the actions that take it (as in authorize's requestContext).
      const present = [...derived.present].filter(([k]) => withServiceKeys || !k.startsWith('kms:'));
      const fixed: NormalizedContext = new Map(present.map(([k, v]) => [k, [v]]));
      const out: Applicable[] = [];
      for (const live of candidates) {
        if (live.impossible) continue;
        const s = live.statement;
        const via = statementPrincipal(s.principal, s.notPrincipal, principal);
        if (!via || !s.resource(keyArn, fixed)) continue;
        const conditions = remainingConditions(s, fixed, derived.fixed);
        if (conditions) out.push(applicable(live, via, conditions));
      }
      return out;
    };
    const apply = applyWith(true);
    let applyNoServiceKeys: Applicable[] | undefined = candidates.some((l) => l.testsServiceKey) ? undefined : apply;
    const pathFor = (x: Applicable, a: number): CellPath | null => {
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
    };
    const cells: Record<string, MatrixCell> = {};
    const granted = grantPaths(grants, principal, keyArn);
    if (applyNoServiceKeys === apply) fillCells(cells, apply, pathFor, undefined, granted);
    else {
      fillCells(cells, apply, pathFor, takesCallerAccount, granted);
      fillCells(cells, (applyNoServiceKeys ??= applyWith(false)), pathFor, (a) => !takesCallerAccount(a), granted);
    }
    return { subject: row.subject, label: row.label, evaluatedAs: row.evaluatedAs, ...(row.note ? { note: row.note } : {}), cells };
  });
}

/**
 * Statements whose Resource is a list of exact ARNs (no wildcard, no variable) are
 * filed under those ARNs; every other statement may match any key. A row then tests
 * only the statements that can name its key.
 */
function resourceIndex(all: readonly Live[]): (arn: string) => Live[] {
  const general: number[] = [];
  const exact = new Map<string, number[]>();
  all.forEach((live, i) => {
    const list = live.statement.resourcePatterns;
    if (!list || list.some((r) => /[*?]|\$\{/.test(r))) general.push(i);
    else for (const r of new Set(list)) exact.set(r, [...(exact.get(r) ?? []), i]);
  });
  return (arn) => {
    const hits = exact.get(arn);
    const ids = hits ? [...new Set([...general, ...hits])].sort((a, b) => a - b) : general;
    return ids.map((i) => all[i]!);
  };
}

function identityMatrix(doc: PolicyDocument, rows: readonly RowSubject[] | undefined): MatrixRow[] {
  const actions = kmsActions();
  const all = liveStatements(doc).filter((l) => !l.impossible);
  const conditionsOf = new Map(all.map((l) => [l, remainingConditions(l.statement, EMPTY_CONTEXT, NO_KEYS) ?? []]));
  const candidates = resourceIndex(all);
  // Actions without a key resource are authorized on "*" (as in authorize): the same for every row.
  const starCells = cellsOf(
    all.filter((l) => l.statement.resource('*', EMPTY_CONTEXT)).map((l) => applicable(l, null, conditionsOf.get(l)!)),
    (x) => x.path,
  );
  return (rows ?? identityRows(doc)).map((row) => {
    const onKey = candidates(row.evaluatedAs)
      .filter((l) => l.statement.resource(row.evaluatedAs, EMPTY_CONTEXT))
      .map((l) => applicable(l, null, conditionsOf.get(l)!));
    const keyCells = cellsOf(onKey, (x) => x.path);
    const cells: Record<string, MatrixCell> = {};
    for (const a of actions) cells[a.id] = a.onKey ? keyCells[a.id]! : starCells[a.id]!;
    return { subject: row.subject, label: row.label, evaluatedAs: row.evaluatedAs, ...(row.note ? { note: row.note } : {}), cells };
  });
}

export interface MatrixOptions {
  /** The key's grants (SPEC 2.6): `via: "grant"` paths, and rows for their grantees and retiring principals. Key policies only. */
  readonly grants?: readonly Grant[];
  /** The account the key is in, when known from elsewhere (diff: both versions are of one key). Default: keyPolicyAccount. */
  readonly keyAccount?: string;
  /** The rows to evaluate instead of the policy's own (diff: both versions on the union of their rows). */
  readonly rows?: readonly RowSubject[];
}

/**
 * The key the rows are evaluated on: a key of keyAccount, with the key id the grants
 * name (grants are matched to the key by its id), else the example key id.
 */
export function matrixKeyArn(keyAccount: string, grants: readonly Grant[]): string {
  const id = grants.map(grantKeyId).find((k) => k !== undefined) ?? EXAMPLE_KEY_ID;
  return `arn:aws:kms:us-west-2:${keyAccount}:key/${id}`;
}

/** The who-can-do-what matrix of a policy (SPEC 2.2), with the key's grants when given (SPEC 2.6). */
export function buildMatrix(doc: PolicyDocument, kind: PolicyKind, options: MatrixOptions = {}): Matrix {
  const keyAccount = options.keyAccount ?? keyPolicyAccount(doc);
  const grants = kind === 'key' ? (options.grants ?? []) : [];
  const keyArn = matrixKeyArn(keyAccount, grants);
  return {
    kind,
    keyAccount,
    keyArn,
    actions: kmsActions().map((a) => a.id),
    rows: kind === 'key' ? keyMatrix(doc, keyArn, grants, options.rows) : identityMatrix(doc, options.rows),
  };
}
