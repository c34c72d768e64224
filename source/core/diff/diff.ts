/**
 * Two versions of a policy → the cells whose access changed (SPEC 2.4), on the
 * union of both versions' rows and the catalog's actions, after the cell model
 * of SPEC 2.2 (core/matrix). Pure.
 */
import { EXAMPLE_ACCOUNT } from '../evaluate/authorize.js';
import { resourceMatches } from '../evaluate/resource.js';
import { buildMatrix } from '../matrix/build.js';
import { accountStatementAccount, identityRows, keyPolicyRows, type RowSubject } from '../matrix/subjects.js';
import type { Matrix, MatrixCell, MatrixRow } from '../matrix/types.js';
import type { PolicyDocument, PolicyKind } from '../policy/model.js';
import { accessOf, allowCovers, allowsAtLeast, denyCovers, pathSet, sameSet, type Access } from './access.js';
import type { CellChange, ChangeKind, PolicyDiff } from './types.js';
import { whyChanged, whyNarrowed, whyWidened, type StatementName } from './why.js';

/** `111122223333` and `arn:aws:iam::111122223333:root` are one principal (key-policy principals, "AWS account principals"). */
export function normalizeSubject(subject: string): string {
  return /^\d{12}$/.test(subject) ? `arn:aws:iam::${subject}:root` : subject;
}

/** "statement 2 (Sid ViaS3)" for a statement of `doc`. */
export function statementNamer(doc: PolicyDocument): StatementName {
  return (i) => {
    const sid = doc.statements[i]?.sid;
    return sid !== undefined && sid !== '' ? `statement ${i} (Sid ${sid})` : `statement ${i}`;
  };
}

/**
 * The key's account for both versions: they are two policies of one key, so a
 * principal must not turn cross-account because a statement moved. The old
 * version's account statement decides, else the new one's, else the example account.
 */
function sharedKeyAccount(before: PolicyDocument, after: PolicyDocument): string {
  return accountStatementAccount(before) ?? accountStatementAccount(after) ?? EXAMPLE_ACCOUNT;
}

function rowsOf(doc: PolicyDocument, kind: PolicyKind, keyAccount: string): RowSubject[] {
  return kind === 'key' ? keyPolicyRows(doc, [], keyAccount) : identityRows(doc);
}

interface Compared {
  readonly change: ChangeKind | null;
  readonly alsoNarrowed: boolean;
  readonly before: Access;
  readonly after: Access;
}

function compare(before: MatrixCell, after: MatrixCell, kind: PolicyKind): Compared {
  const b = accessOf(before, kind);
  const a = accessOf(after, kind);
  const ge = allowsAtLeast(a, b, kind);
  const le = allowsAtLeast(b, a, kind);
  // Neither way (e.g. kms:ViaService ec2 → s3): some request is allowed that was not before, so
  // widened (SPEC 2.4's definition), and the why names both sides.
  const change: ChangeKind | null = ge && le ? (sameSet(pathSet(before), pathSet(after)) ? null : 'changed') : ge ? 'widened' : le ? 'narrowed' : 'widened';
  return { change, alsoNarrowed: !ge && !le, before: b, after: a };
}

/** The statement of the new version behind a widening: the first Allow path no old path covers. */
function causeOf(c: Compared, after: MatrixCell): number | null {
  if (c.change === 'widened') {
    const p = c.after.allows.find((x) => !c.before.allows.some((y) => allowCovers(y, x)));
    if (p) return p.statements[0] ?? null;
    return null;
  }
  if (c.change === 'narrowed') {
    const d = c.after.denies.find((x) => !c.before.denies.some((y) => denyCovers(y, x)));
    return d?.statements[0] ?? c.after.allows[0]?.statements[0] ?? null;
  }
  return after.paths[0]?.statements[0] ?? null;
}

const allStatements = (cell: MatrixCell) => [...new Set(cell.paths.flatMap((p) => p.statements))].sort((x, y) => x - y);

/** A second example key id (the KMS developer guide's), for a pattern row whose first example the other version names. */
const OTHER_KEY_ID = '0987dcba-09fe-87dc-65ba-ab0987654321';

/**
 * An identity policy row stands for one key its pattern matches. When a pattern
 * only one version writes (`key/*`) would stand for a key the other version names
 * exactly, it is evaluated with another key of the pattern, so that widening
 * "one key" to "every key" shows: the row is about the keys the pattern adds.
 */
function distinctKey(row: RowSubject, others: readonly RowSubject[], kind: PolicyKind): RowSubject {
  if (kind !== 'identity' || !others.some((o) => o.subject === row.evaluatedAs)) return row;
  const alternative = row.evaluatedAs.replace(/key\/[^/]*$/, `key/${OTHER_KEY_ID}`);
  return alternative !== row.evaluatedAs && resourceMatches(row.subject, alternative) ? { ...row, evaluatedAs: alternative } : row;
}

/**
 * Diffs two versions of a policy, both evaluated on the union of their rows. A
 * principal named by only one version is evaluated under the other version too, as the principal it
 * stands for (its `evaluatedAs`). Before it was named, that principal had what
 * the old policy gave it — through the account statement or `*` for a principal
 * of the key's account, or what "any other principal" gets for one of an
 * account the old policy does not name (that row is exactly such a principal,
 * evaluated as an unnamed role of an unnamed account). Evaluating the principal
 * itself under the old policy gives the same cells in that case and the right
 * ones in every other, so a new row is widened for every action it gets and
 * no change where the old policy already gave it the same.
 */
export function diffPolicies(before: PolicyDocument, after: PolicyDocument, kind: PolicyKind): PolicyDiff {
  const { keyAccount, rows } = diffRows(before, after, kind);
  const mb = buildMatrix(before, kind, { keyAccount, rows });
  const ma = buildMatrix(after, kind, { keyAccount, rows });
  return diffMatrices(mb, ma, statementNamer(before), statementNamer(after));
}

/** The key's account and the one list of rows both versions are evaluated on (see diffPolicies). */
export function diffRows(before: PolicyDocument, after: PolicyDocument, kind: PolicyKind): { keyAccount: string; rows: RowSubject[] } {
  const keyAccount = sharedKeyAccount(before, after);
  const beforeRows = rowsOf(before, kind, keyAccount);
  const afterRows = rowsOf(after, kind, keyAccount);
  const beforeSubjects = new Set(beforeRows.map((r) => normalizeSubject(r.subject)));
  const afterSubjects = new Set(afterRows.map((r) => normalizeSubject(r.subject)));
  // One list of rows for both versions, so a subject is evaluated as the same principal (or key) on each side.
  const rows = [
    ...afterRows.map((r) => (beforeSubjects.has(normalizeSubject(r.subject)) ? r : distinctKey(r, beforeRows, kind))),
    ...beforeRows.filter((r) => !afterSubjects.has(normalizeSubject(r.subject))).map((r) => distinctKey(r, afterRows, kind)),
  ];
  return { keyAccount, rows };
}

/** Diffs two matrices whose rows already cover each other's subjects (diffPolicies builds them so). */
export function diffMatrices(mb: Matrix, ma: Matrix, beforeName: StatementName, afterName: StatementName): PolicyDiff {
  const kind = ma.kind;
  const byBefore = new Map<string, MatrixRow>(mb.rows.map((r) => [normalizeSubject(r.subject), r]));
  const changes: CellChange[] = [];
  // Cells are shared between the actions of a row: compare each pair of cell objects once.
  const memo = new Map<MatrixCell, Map<MatrixCell, { c: Compared; why: string; cause: number | null }>>();
  const seen = new Set<string>();
  for (const row of ma.rows) {
    const key = normalizeSubject(row.subject);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = byBefore.get(key);
    if (!old) continue;
    for (const action of ma.actions) {
      const before = old.cells[action];
      const after = row.cells[action];
      if (!before || !after || before === after) continue;
      let inner = memo.get(before);
      if (!inner) memo.set(before, (inner = new Map()));
      let r = inner.get(after);
      if (!r) {
        const c = compare(before, after, kind);
        const why =
          c.change === null
            ? ''
            : c.change === 'widened'
              ? whyWidened({ access: c.before, paths: before.paths, name: beforeName }, { access: c.after, paths: after.paths, name: afterName }, c.alsoNarrowed)
              : c.change === 'narrowed'
                ? whyNarrowed({ access: c.before, paths: before.paths, name: beforeName }, { access: c.after, paths: after.paths, name: afterName })
                : whyChanged(allStatements(before), beforeName, allStatements(after), afterName);
        r = { c, why, cause: c.change === null ? null : causeOf(c, after) };
        inner.set(after, r);
      }
      if (r.c.change === null) continue;
      changes.push({ subject: row.subject, label: row.label, action, change: r.c.change, before, after, why: r.why, cause: r.cause });
    }
  }
  const count = (k: ChangeKind) => changes.filter((c) => c.change === k).length;
  return { kind, summary: { widened: count('widened'), narrowed: count('narrowed'), changed: count('changed') }, changes };
}
