/**
 * Who can do what (SPEC 2.2): one cell per row subject and KMS action, decided
 * by the same matchers as `authorize`, with conditions kept three-valued.
 * Statements are compiled once and each statement's action coverage is
 * precomputed as a bitmap over the catalog, so a 500-statement policy costs a
 * few milliseconds.
 */
import { CROSS_ACCOUNT_ACTION_NAMES, kmsActions } from '../catalog/kms.js';
import { compileDocument, type CompiledStatement } from '../evaluate/compile.js';
import { parseRequestPrincipal, statementPrincipal } from '../evaluate/principal.js';
import type { Via } from '../evaluate/types.js';
import type { PolicyDocument, PolicyKind } from '../policy/model.js';
import { EXAMPLE_KEY_ID } from '../evaluate/authorize.js';
import { combineCell, NONE_CELL, type CellEntry } from './cell.js';
import { identityRows, keyPolicyAccount, keyPolicyRows, type RowSubject } from './subjects.js';
import type { Matrix, MatrixCell, MatrixRow } from './types.js';

interface Applicable {
  readonly statement: CompiledStatement;
  readonly actions: Uint8Array;
  readonly via: Via | null;
  readonly conditionKeys: readonly string[];
}

function actionBitmap(s: CompiledStatement, ids: readonly string[]): Uint8Array {
  const bits = new Uint8Array(ids.length);
  for (let i = 0; i < ids.length; i++) bits[i] = s.action(ids[i]!) ? 1 : 0;
  return bits;
}

function cellsFor(applicable: readonly Applicable[], allowed: (actionIndex: number) => boolean): Record<string, MatrixCell> {
  const actions = kmsActions();
  const cells: Record<string, MatrixCell> = {};
  for (let a = 0; a < actions.length; a++) {
    const entries: CellEntry[] = [];
    const allowOk = allowed(a);
    for (const x of applicable) {
      if (x.actions[a] !== 1) continue;
      if (x.statement.effect === 'Allow' && !allowOk) continue;
      entries.push({
        index: x.statement.index,
        effect: x.statement.effect!,
        conditional: x.statement.conditions.length > 0,
        via: x.via,
        conditionKeys: x.conditionKeys,
      });
    }
    cells[actions[a]!.id] = entries.length === 0 ? NONE_CELL : combineCell(entries);
  }
  return cells;
}

function keyMatrix(doc: PolicyDocument): MatrixRow[] {
  const actions = kmsActions();
  const ids = actions.map((a) => a.id);
  const keyAccount = keyPolicyAccount(doc);
  const keyArn = `arn:aws:kms:us-west-2:${keyAccount}:key/${EXAMPLE_KEY_ID}`;
  const live = compileDocument(doc)
    .filter((s) => s.effect !== null && s.resource(keyArn))
    .map((s) => ({ statement: s, actions: actionBitmap(s, ids), conditionKeys: s.conditions.map((c) => c.key) }));
  return keyPolicyRows(doc).map((row: RowSubject) => {
    const principal = parseRequestPrincipal(row.probe);
    const cross = principal.account !== undefined && principal.account !== keyAccount;
    const applicable: Applicable[] = [];
    for (const x of live) {
      const via = statementPrincipal(x.statement.principal, x.statement.notPrincipal, principal);
      if (via) applicable.push({ ...x, via });
    }
    // A key policy grants only operations on the key, and across accounts only those KMS allows.
    const cells = cellsFor(applicable, (a) => actions[a]!.onKey && (!cross || CROSS_ACCOUNT_ACTION_NAMES.has(actions[a]!.name)));
    for (let a = 0; a < actions.length; a++) {
      const id = ids[a]!;
      if (!actions[a]!.onKey) cells[id] = NONE_CELL;
      // Across accounts an IAM policy in the principal's account must allow too, even for a principal named directly.
      else if (cross && (cells[id]!.decision === 'allow' || cells[id]!.decision === 'conditional') && cells[id]!.via !== null) cells[id] = { ...cells[id]!, iamDecides: true };
    }
    return { subject: row.subject, label: row.label, ...(row.note ? { note: row.note } : {}), cells };
  });
}

function identityMatrix(doc: PolicyDocument): MatrixRow[] {
  const actions = kmsActions();
  const ids = actions.map((a) => a.id);
  const live = compileDocument(doc)
    .filter((s) => s.effect !== null)
    .map((s) => ({ statement: s, actions: actionBitmap(s, ids), conditionKeys: s.conditions.map((c) => c.key), onStar: s.resource('*') }));
  return identityRows(doc).map((row) => {
    const onKey: Applicable[] = [];
    const onStar: Applicable[] = [];
    for (const x of live) {
      if (x.statement.resource(row.probe)) onKey.push({ ...x, via: null });
      if (x.onStar) onStar.push({ ...x, via: null });
    }
    const keyCells = cellsFor(onKey, () => true);
    // Actions without a key resource are authorized on "*" (as in authorize).
    const starCells = cellsFor(onStar, () => true);
    const cells: Record<string, MatrixCell> = {};
    for (const a of actions) cells[a.id] = a.onKey ? keyCells[a.id]! : starCells[a.id]!;
    return { subject: row.subject, label: row.label, ...(row.note ? { note: row.note } : {}), cells };
  });
}

/** The who-can-do-what matrix of a policy (SPEC 2.2). */
export function buildMatrix(doc: PolicyDocument, kind: PolicyKind): Matrix {
  return { kind, actions: kmsActions().map((a) => a.id), rows: kind === 'key' ? keyMatrix(doc) : identityMatrix(doc) };
}
