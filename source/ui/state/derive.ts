import { grantLines } from '../../core/grants/describe.js';
import type { Grant } from '../../core/grants/model.js';
import type { NamedPolicy } from '../../core/evaluate/index.js';
import { visible, visibleLine } from '../../core/text/visible.js';
import { basename, extname } from 'node:path';
import { EXPORT_EXTENSIONS, exportPolicy, type ExportFormat } from '../../core/export/index.js';
import { sortFindings, type Finding } from '../../core/lint/catalog.js';
import { lintPolicy } from '../../core/lint/index.js';
import { lintSourcePolicy } from '../../core/lint/rules/sources.js';
import { buildMatrix } from '../../core/matrix/index.js';
import { buildDocument, canonicalize, detectKind, parsePolicy, serializePolicy, type PolicyDocument, type PolicyKind, type Statement } from '../../core/policy/index.js';
import { renderTemplate, type Template } from '../../core/templates/index.js';
import type { Matrix } from '../../core/matrix/types.js';
import { explainStatement } from '../../core/explain/index.js';
import { keyAccountOf } from '../../core/lint/principals.js';
import { explanationText, type ExplanationBullet, type StatementText } from './explanation.js';
import type { SourcePolicy, WorkspaceSource } from './types.js';
import { SYMBOLS } from '../components/symbols.js';

/** One statement as the Policy tab shows it; numbered from 0 like the JSON paths (/Statement/0) and lint messages. */
export interface StatementView {
  readonly index: number;
  readonly label: string;
  /** `#1 Sid` without the effect, and the effect as written (the list cuts the Sid, never the effect). */
  readonly name: string;
  readonly effect: string | null;
  readonly json: string;
  /** One sentence. */
  readonly summary: string;
  /** One line per element (who, actions, resources, conditions). */
  readonly details: string;
  /** The same, as bullets with their depth (the Policy tab indents wrapped lines under each bullet). */
  readonly bullets: readonly ExplanationBullet[];
  readonly note: string | null;
}

/** Everything the workspace shows, computed once per policy value (not per keystroke). */
export interface Derived {
  readonly title: string;
  readonly kind: PolicyKind;
  /** The policy value (null when the text is not JSON). */
  readonly policy: unknown;
  readonly document: PolicyDocument | null;
  readonly statements: readonly StatementView[];
  /** The key's grants (open --grants), two lines each, shown escaped (SPEC 2.6). */
  readonly grants: readonly (readonly [string, string])[];
  /** The same grants as data: the Ask tab's requests carry them, as the matrix's cells do. */
  readonly keyGrants: readonly Grant[];
  /** IAM policies opened beside the key policy (open --identity-policy): the Ask tab's third IAM choice. */
  readonly identityPolicies: readonly NamedPolicy[];
  readonly matrix: Matrix | null;
  readonly findings: readonly Finding[];
  /** Names the Terraform data source and the default file. */
  readonly name: string;
  /** The opened file, if any (the write prompt proposes it). */
  readonly fileName: string | null;
  /** The policy text as shown to lint (the Findings tab quotes the line of a syntax error). */
  readonly text: string;
  /** Why there is nothing to export (the text is not a JSON policy), or null. */
  readonly unreadable: string | null;
  /**
   * Findings and matrix are being computed away from the UI thread (a large opened policy,
   * issue 13): until then `findings` is empty and `matrix` null, and the tabs say so.
   */
  readonly pending: { readonly statements: number } | null;
}

/** What takes time in proportion to the policy (lint and the matrix): computed in the background for large policies. */
export interface SlowParts {
  readonly findings: readonly Finding[];
  readonly matrix: Matrix | null;
}

/**
 * From this many statements an opened policy's findings and matrix are computed off the UI
 * thread: below it they take about 100 ms at most (measured: about 0.16 ms per statement for
 * lint and 0.06 ms for the matrix), so Ctrl+C is never kept waiting (SPEC 7: 200 ms), and a
 * policy of ordinary size does not pay for a worker's heap (SPEC 7: 120 MB).
 */
export const BACKGROUND_STATEMENTS = 400;

export interface DeriveOptions {
  /** Whether a large policy's slow parts may be left pending (the caller computes them elsewhere). */
  readonly deferSlow?: boolean;
}

function statementLabel(index: number, sid: string | undefined, effect: string | undefined): string {
  return `#${index} ${sid !== undefined ? visibleLine(sid) : '(no Sid)'}${effect ? ` ${SYMBOLS.dot} ${visibleLine(effect)}` : ''}`;
}

export function derive(source: WorkspaceSource, template: Template | undefined, options: DeriveOptions = {}): Derived {
  let policy: unknown = null;
  let document: PolicyDocument | null = null;
  let text: string;
  let kind: PolicyKind;
  let parseProblems = 0;
  if (source.kind === 'template' && template) {
    policy = renderTemplate(template, source.values);
    document = buildDocument(policy);
    text = serializePolicy(policy);
    kind = template.kind;
  } else if (source.kind === 'file' && source.policy) {
    // A policy read out of a source (SPEC 2.5): its tree points into the source file, whose lines the Findings tab quotes.
    text = source.text;
    parseProblems = source.policy.source.parsed.findings.length;
    document = source.policy.source.parsed.document;
    policy = document?.raw ?? null;
    kind = source.policy.kind;
  } else {
    text = source.kind === 'file' ? source.text : '';
    // Deferring, the positions of the tree are the worker's business (lint): the engine's JSON.parse
    // reads the same value with a fraction of the garbage, so the first frame of a large policy
    // comes sooner and the UI thread stays free for keys. Text it refuses is read again, with positions.
    const given = source.kind === 'file' ? source.parsed : undefined;
    const quick = !given && options.deferSlow === true && source.kind === 'file' && !source.decodeFinding ? quickDocument(text) : null;
    const parsed = given ?? (quick ? { document: quick, findings: [] } : parsePolicy(text));
    parseProblems = parsed.findings.length;
    document = parsed.document;
    policy = document?.raw ?? null;
    kind = document ? detectKind(document) : 'key';
  }
  const notes = template?.statementNotes ?? [];
  const keyAccount = document && kind === 'key' ? keyAccountOf(document) : null;
  const statements: StatementView[] = (document?.statements ?? []).map((s) => statementView(s, kind, keyAccount, notes[s.index] ?? null));
  const decodeFinding = source.kind === 'file' ? source.decodeFinding : undefined;
  const sourcePolicy = source.kind === 'file' ? source.policy : undefined;
  // The background worker lints document text; a policy out of a source is linted here (sources rarely hold 150-statement policies).
  const defer = options.deferSlow === true && source.kind === 'file' && !sourcePolicy && !decodeFinding && document !== null && parseProblems === 0 && statements.length >= BACKGROUND_STATEMENTS;
  const grants = source.kind === 'file' ? (source.grants ?? []) : [];
  const slow: SlowParts = defer ? { findings: [], matrix: null } : decodeFinding ? { findings: [shownFinding(decodeFinding)], matrix: null } : slowParts(text, kind, document, grants, sourcePolicy);
  const syntax = slow.findings.find((f) => f.id === 'JSON_SYNTAX');
  return {
    title: source.kind === 'template' ? (template?.title ?? source.templateId) : visibleLine(sourcePolicy ? `${source.name}: ${sourcePolicy.name}` : source.name),
    kind,
    policy,
    document,
    statements,
    keyGrants: grants,
    identityPolicies: source.kind === 'file' ? (source.identityPolicies ?? []) : [],
    grants: grants.map((g) => grantLines(g).map(visibleLine) as unknown as readonly [string, string]),
    matrix: slow.matrix,
    findings: slow.findings,
    // A policy out of a source is written beside it under its own name (./aws_kms_key_orders.json), never over the source file.
    name: source.kind === 'template' ? source.templateId : sourcePolicy ? identifierOf(sourcePolicy.name) : stem(source.name),
    fileName: source.kind === 'file' && source.name !== '<stdin>' && !sourcePolicy ? source.name : null,
    text,
    unreadable: document === null || syntax ? `the policy is not readable JSON${syntax?.line != null ? ` (line ${syntax.line}, column ${syntax.column ?? 1})` : ''}; see the Findings tab` : null,
    pending: defer ? { statements: statements.length } : null,
  };
}

/** The document of a policy text JSON.parse accepts (same value as parsePolicy: the last of duplicate keys is kept), else null. */
function quickDocument(text: string): PolicyDocument | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? buildDocument(value) : null;
}

/** Lint and the matrix of a policy, as the tabs draw them. Pure: the background worker runs it too. */
export function slowParts(text: string, kind: PolicyKind, document: PolicyDocument | null, grants: readonly Grant[] = [], source?: SourcePolicy): SlowParts {
  return {
    findings: (source ? lintSourcePolicy(source.source, kind) : sortFindings(lintPolicy(text, { kind }).findings)).map(shownFinding),
    matrix: document ? shownMatrix(buildMatrix(document, kind, grants.length > 0 ? { grants } : {})) : null,
  };
}

/** The derived data once its pending parts have arrived. */
export function withSlowParts(d: Derived, parts: SlowParts): Derived {
  return { ...d, findings: parts.findings, matrix: parts.matrix, pending: null };
}

/**
 * One statement's view. Its JSON and explanation are made when first drawn: a 2,000-statement
 * policy shows its first frame without explaining every statement first (issue 13).
 */
function statementView(s: Statement, kind: PolicyKind, keyAccount: string | null, note: string | null): StatementView {
  return new LazyStatementView(s, kind, keyAccount, note);
}

class LazyStatementView implements StatementView {
  readonly index: number;
  readonly label: string;
  readonly name: string;
  readonly effect: string | null;
  #json: string | undefined;
  #text: StatementText | undefined;
  constructor(
    private readonly statement: Statement,
    private readonly kind: PolicyKind,
    private readonly keyAccount: string | null,
    readonly note: string | null,
  ) {
    this.index = statement.index;
    this.label = statementLabel(statement.index, statement.sid, statement.effect);
    this.name = statementLabel(statement.index, statement.sid, undefined);
    this.effect = statement.effect ? visibleLine(statement.effect) : null;
  }
  // What the UI draws from the policy is shown escaped (SPEC 2): JSON.stringify leaves DEL, C1, bidi and zero-width characters raw.
  get json(): string {
    return (this.#json ??= visible(JSON.stringify(canonicalStatement(this.statement.raw), null, 2)));
  }
  get summary(): string {
    return this.#explained().summary;
  }
  get details(): string {
    return this.#explained().details;
  }
  get bullets(): readonly ExplanationBullet[] {
    return this.#explained().bullets;
  }
  #explained(): StatementText {
    return (this.#text ??= shownText(explanationText(explainStatement(this.statement, this.kind, { keyAccount: this.keyAccount }))));
  }
}

function shownText(t: StatementText): StatementText {
  return { summary: visible(t.summary), details: visible(t.details), bullets: t.bullets.map((b) => ({ depth: b.depth, text: visibleLine(b.text) })) };
}

/** A finding as the Findings tab draws it: message and fix visible-safe (syntax findings quote the text). */
function shownFinding(f: Finding): Finding {
  return { ...f, message: visibleLine(f.message), fix: visibleLine(f.fix) };
}

/** The matrix as the Matrix tab draws it: row labels and notes come from the policy (cells are keyed by catalog actions). */
function shownMatrix(m: Matrix): Matrix {
  return { ...m, rows: m.rows.map((r) => ({ ...r, label: visibleLine(r.label), ...(r.note ? { note: visibleLine(r.note) } : {}) })) };
}

function canonicalStatement(raw: unknown): unknown {
  const doc = canonicalize({ Statement: [raw] }) as { Statement: unknown[] };
  return doc.Statement[0];
}

/** A policy's name in its source as a file stem and Terraform name: letters, digits, '_' and '-'. */
function identifierOf(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'policy';
}

function stem(name: string): string {
  if (name === '<stdin>') return 'policy';
  const base = basename(name);
  return base.slice(0, base.length - extname(base).length) || 'policy';
}

// One export per policy value and format: the preview, its line count (asked per key) and copy share it.
const exports = new WeakMap<Derived, Map<ExportFormat, { text: string; lines: readonly string[] }>>();

function exported(d: Derived, format: ExportFormat): { text: string; lines: readonly string[] } {
  let byFormat = exports.get(d);
  if (!byFormat) exports.set(d, (byFormat = new Map()));
  let e = byFormat.get(format);
  if (!e) {
    const text = d.policy === null || d.unreadable ? '' : exportPolicy(d.policy, d.kind, format, d.name);
    // The preview is exactly what is written, shown visible-safe (a Terraform or YAML string may hold a raw bidi or C1 character).
    const lines = text ? visible(text).split('\n') : [];
    if (lines[lines.length - 1] === '') lines.pop();
    byFormat.set(format, (e = { text, lines }));
  }
  return e;
}

/** The policy as text in a format; empty when it could not be read (see `unreadable`). */
export function exportText(d: Derived, format: ExportFormat): string {
  return exported(d, format).text;
}

/** The Export preview's lines (visible-safe). */
export function exportLines(d: Derived, format: ExportFormat): readonly string[] {
  return exported(d, format).lines;
}

export const exportLineCount = (d: Derived, format: ExportFormat): number => exported(d, format).lines.length;

/** Prefill of the write prompt: ./<template-id>.<ext>, or the opened file's name (its extension for the format). */
export function defaultWritePath(d: Derived, format: ExportFormat): string {
  const ext = EXPORT_EXTENSIONS[format];
  if (d.fileName) {
    const current = extname(d.fileName);
    return current === `.${ext}` ? d.fileName : `${d.fileName.slice(0, d.fileName.length - current.length)}.${ext}`;
  }
  return `./${d.name}.${ext}`;
}
