import { visible, visibleLine } from '../../core/text/visible.js';
import { basename, extname } from 'node:path';
import { EXPORT_EXTENSIONS, exportPolicy, type ExportFormat } from '../../core/export/index.js';
import { sortFindings, type Finding } from '../../core/lint/catalog.js';
import { lintPolicy } from '../../core/lint/index.js';
import { lintSourcePolicy } from '../../core/lint/rules/sources.js';
import { buildMatrix } from '../../core/matrix/index.js';
import { buildDocument, canonicalize, detectKind, parsePolicy, serializePolicy, type PolicyDocument, type PolicyKind } from '../../core/policy/index.js';
import { renderTemplate, type Template } from '../../core/templates/index.js';
import type { Matrix } from '../../core/matrix/types.js';
import { explainStatements, type ExplanationBullet } from './explanation.js';
import type { WorkspaceSource } from './types.js';
import { SYMBOLS } from '../components/symbols.js';

/** One statement as the Policy tab shows it; numbered from 0 like the JSON paths (/Statement/0) and lint messages. */
export interface StatementView {
  readonly index: number;
  readonly label: string;
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
}

function statementLabel(index: number, sid: string | undefined, effect: string | undefined): string {
  return `#${index} ${sid !== undefined ? visibleLine(sid) : '(no Sid)'}${effect ? ` ${SYMBOLS.dot} ${visibleLine(effect)}` : ''}`;
}

export function derive(source: WorkspaceSource, template: Template | undefined): Derived {
  let policy: unknown = null;
  let document: PolicyDocument | null = null;
  let text: string;
  let kind: PolicyKind;
  if (source.kind === 'template' && template) {
    policy = renderTemplate(template, source.values);
    document = buildDocument(policy);
    text = serializePolicy(policy);
    kind = template.kind;
  } else if (source.kind === 'file' && source.policy) {
    // A policy read out of a source (SPEC 2.5): its tree points into the source file, whose lines the Findings tab quotes.
    text = source.text;
    document = source.policy.source.parsed.document;
    policy = document?.raw ?? null;
    kind = source.policy.kind;
  } else {
    text = source.kind === 'file' ? source.text : '';
    const parsed = parsePolicy(text);
    document = parsed.document;
    policy = document?.raw ?? null;
    kind = document ? detectKind(document) : 'key';
  }
  const notes = template?.statementNotes ?? [];
  const explanations = document ? explainStatements(document, kind) : [];
  const statements: StatementView[] = (document?.statements ?? []).map((s) => ({
    index: s.index,
    label: statementLabel(s.index, s.sid, s.effect),
    // What the UI draws from the policy is shown escaped (SPEC 2): JSON.stringify leaves DEL, C1, bidi and zero-width characters raw.
    json: visible(JSON.stringify(canonicalStatement(s.raw), null, 2)),
    summary: visible(explanations[s.index]?.summary ?? ''),
    details: visible(explanations[s.index]?.details ?? ''),
    bullets: (explanations[s.index]?.bullets ?? []).map((b) => ({ depth: b.depth, text: visibleLine(b.text) })),
    note: notes[s.index] ?? null,
  }));
  const decodeFinding = source.kind === 'file' ? source.decodeFinding : undefined;
  const sourcePolicy = source.kind === 'file' ? source.policy : undefined;
  const linted = sourcePolicy ? lintSourcePolicy(sourcePolicy.source, kind) : sortFindings(lintPolicy(text, { kind }).findings);
  const findings = (decodeFinding ? [decodeFinding] : linted).map(shownFinding);
  const syntax = findings.find((f) => f.id === 'JSON_SYNTAX');
  return {
    title: source.kind === 'template' ? (template?.title ?? source.templateId) : visibleLine(sourcePolicy ? `${source.name}: ${sourcePolicy.name}` : source.name),
    kind,
    policy,
    document,
    statements,
    matrix: document ? shownMatrix(buildMatrix(document, kind)) : null,
    findings,
    // A policy out of a source is written beside it under its own name (./aws_kms_key_orders.json), never over the source file.
    name: source.kind === 'template' ? source.templateId : sourcePolicy ? identifierOf(sourcePolicy.name) : stem(source.name),
    fileName: source.kind === 'file' && source.name !== '<stdin>' && !sourcePolicy ? source.name : null,
    text,
    unreadable: document === null || syntax ? `the policy is not readable JSON${syntax?.line != null ? ` (line ${syntax.line}, column ${syntax.column ?? 1})` : ''}; see the Findings tab` : null,
  };
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

/** The policy as text in a format; empty when it could not be read (see `unreadable`). */
export function exportText(d: Derived, format: ExportFormat): string {
  if (d.policy === null || d.unreadable) return '';
  return exportPolicy(d.policy, d.kind, format, d.name);
}

/** Prefill of the write prompt: ./<template-id>.<ext>, or the opened file's name (its extension for the format). */
export function defaultWritePath(d: Derived, format: ExportFormat): string {
  const ext = EXPORT_EXTENSIONS[format];
  if (d.fileName) {
    const current = extname(d.fileName);
    return current === `.${ext}` ? d.fileName : `${d.fileName.slice(0, d.fileName.length - current.length)}.${ext}`;
  }
  return `./${d.name}.${ext}`;
}
