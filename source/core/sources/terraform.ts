/**
 * Terraform configuration (.tf), read by HashiCorp's HCL parser (the commands
 * layer runs @cdktf/hcl2json and hands us its JSON and the expression trees
 * of the `jsonencode` calls; this module stays pure). Policies of the resource
 * types of terraform-types.ts: `jsonencode({...})`, heredoc or string JSON,
 * and `data.aws_iam_policy_document.NAME.json` references followed within the
 * files read. hcl2json keeps no positions, so blocks are found in the text by
 * their header (`resource "aws_kms_key" "orders" {`).
 */
import type { JsonNode, SourcePosition } from '../policy/json.js';
import { parseEmbeddedPolicy, policyFromTree } from './embedded.js';
import { convertJsonencode, type HclExpressionAst } from './hcl-expression.js';
import { lineIndex, sourceFinding } from './positions.js';
import { mergeBySid, statementFromBlock, type PositionedStatement, type StatementLocator } from './terraform-document.js';
import { TERRAFORM_POLICY_RESOURCES } from './terraform-types.js';
import { treeFromValue } from './tree-builder.js';
import type { NamedSourcePolicy, SourceProblem, UnresolvedReference } from './types.js';

/** One .tf file: its text and what hcl2json made of it (or the parser's error). */
export interface TerraformFile {
  readonly file: string;
  readonly text: string;
  readonly json: Record<string, unknown> | null;
  readonly error?: string;
}

type Block = Record<string, unknown>;
export const blocksOf = (json: Record<string, unknown> | null, kind: string): [string, string, Block][] => {
  const out: [string, string, Block][] = [];
  const section = json?.[kind];
  if (!section || typeof section !== 'object') return out;
  for (const [type, byName] of Object.entries(section as Record<string, unknown>)) {
    if (!byName || typeof byName !== 'object') continue;
    for (const [name, list] of Object.entries(byName as Record<string, unknown>)) {
      for (const b of Array.isArray(list) ? list : [list]) if (b && typeof b === 'object') out.push([type, name, b as Block]);
    }
  }
  return out;
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Offset of `kind "type" "name" {` in the text, or -1. */
export function headerOffset(text: string, kind: string, type: string, name: string): number {
  const m = new RegExp(`^[ \\t]*${kind}[ \\t]+"?${escapeRe(type)}"?[ \\t]+"?${escapeRe(name)}"?[ \\t]*\\{`, 'm').exec(text);
  return m ? m.index + m[0].length - m[0].trimStart().length : -1;
}

/** End of the block that starts at `offset`: the next top-level block header, else the end of the text. */
function blockEnd(text: string, offset: number): number {
  const re = /^(?:resource|data|module|locals|variable|output|provider|terraform|moved|import|check)\b/gm;
  re.lastIndex = offset + 1;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/** The expressions whose trees the reader needs: the text inside `${...}` of each `jsonencode` policy value. */
export function terraformExpressions(files: readonly TerraformFile[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    for (const kind of ['resource', 'data']) {
      for (const [, , b] of blocksOf(f.json, kind)) {
        for (const v of [b.policy, ...(Array.isArray(b.source_policy_documents) ? b.source_policy_documents : []), ...(Array.isArray(b.override_policy_documents) ? b.override_policy_documents : [])]) {
          const e = jsonencodeOf(v);
          if (e) out.add(e);
        }
      }
    }
  }
  return [...out];
}

function jsonencodeOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^\$\{(jsonencode\([\s\S]*\))\}$/.exec(v);
  return m ? m[1]! : null;
}

const DATA_REF = /^\$\{data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)\.(?:json|minified_json)\}$/;

interface DataDocument {
  readonly file: TerraformFile;
  readonly at: (o: number) => SourcePosition;
  readonly offset: number;
  readonly block: Block;
}

export interface TerraformRead {
  readonly policies: NamedSourcePolicy[];
  readonly problems: SourceProblem[];
}

export function readTerraform(files: readonly TerraformFile[], asts: ReadonlyMap<string, HclExpressionAst | null>): TerraformRead {
  const policies: NamedSourcePolicy[] = [];
  const problems: SourceProblem[] = [];
  const dataDocs = new Map<string, DataDocument>();
  const index = new Map<TerraformFile, (o: number) => SourcePosition>();
  const atOf = (f: TerraformFile) => index.get(f) ?? index.set(f, lineIndex(f.text)).get(f)!;

  for (const f of files) {
    if (f.error !== undefined) {
      const m = /:(\d+),(\d+)(?:-\d+(?:,\d+)?)?:\s*(.*)$/.exec(f.error.split('\n')[0]!.replace(/^parse config: \[|\]$/g, ''));
      problems.push({ file: f.file, finding: sourceFinding('JSON_SYNTAX', `Terraform (HCL): ${m ? m[3]!.replace(/\]$/, '') : f.error}`, m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 1, column: 1 }) });
      continue;
    }
    for (const [type, name, block] of blocksOf(f.json, 'data')) {
      if (type === 'aws_iam_policy_document') dataDocs.set(name, { file: f, at: atOf(f), offset: headerOffset(f.text, 'data', type, name), block });
    }
  }

  const dataStatements = (name: string, seen: Set<string>, unresolved: UnresolvedReference[]): { statements: PositionedStatement[]; doc: DataDocument } | null => {
    const d = dataDocs.get(name);
    if (!d || seen.has(name)) return null;
    seen.add(name);
    const start = Math.max(0, d.offset);
    const end = blockEnd(d.file.text, start);
    const region = d.file.text.slice(start, end);
    const nth = (re: RegExp, from: number, to: number, n: number): number => {
      const g = new RegExp(re.source, 'g');
      g.lastIndex = from;
      let m: RegExpExecArray | null = null;
      for (let i = 0; i <= n; i++) {
        m = g.exec(region);
        if (!m || m.index >= to) return -1;
      }
      return m!.index;
    };
    const stmtStarts: number[] = [];
    for (let i = 0; ; i++) {
      const o = nth(/\bstatement\s*\{/, 0, region.length, i);
      if (o < 0) break;
      stmtStarts.push(o);
    }
    const own = (Array.isArray(d.block.statement) ? (d.block.statement as Block[]) : []).map((b, i) => {
      const from = stmtStarts[i] ?? 0;
      const to = stmtStarts[i + 1] ?? region.length;
      const attr = (lo: number, hi: number) => (attribute: string) => {
        const o = nth(new RegExp(`\\b${attribute}\\s*=`), lo, hi, 0);
        return o >= 0 ? d.at(start + o) : undefined;
      };
      const locate: StatementLocator = {
        attribute: attr(from, to),
        block: (blockName, n) => {
          const o = nth(new RegExp(`\\b${blockName}\\s*\\{`), from, to, n);
          if (o < 0) return undefined;
          const next = nth(/\b(?:principals|not_principals|condition)\s*\{/, o + 1, to, 0);
          return { start: d.at(start + o), attribute: attr(o, next < 0 ? to : next) };
        },
      };
      return statementFromBlock(b, d.at(start + from), locate);
    });
    const layer = (list: unknown): PositionedStatement[][] =>
      (Array.isArray(list) ? list : []).map((v) => {
        const m = typeof v === 'string' ? DATA_REF.exec(v) : null;
        const inner = m ? dataStatements(m[1]!, seen, unresolved) : null;
        if (!inner) {
          const at = d.at(start);
          unresolved.push({ expression: String(v).replace(/^\$\{|\}$/g, ''), pointer: '', line: at.line, column: at.column });
          return [];
        }
        return inner.statements;
      });
    let statements: PositionedStatement[] = layer(d.block.source_policy_documents).flat();
    statements = mergeBySid(statements, own);
    for (const o of layer(d.block.override_policy_documents)) statements = mergeBySid(statements, o);
    return { statements, doc: d };
  };

  const fromData = (name: string, file: TerraformFile, fallback: SourcePosition, unresolved: UnresolvedReference[]) => {
    const r = dataStatements(name, new Set(), unresolved);
    if (!r) return null;
    const value: Record<string, unknown> = { Version: typeof r.doc.block.version === 'string' ? r.doc.block.version : '2012-10-17' };
    if (typeof r.doc.block.policy_id === 'string') value.Id = r.doc.block.policy_id;
    value.Statement = r.statements.map((s) => s.value);
    const positions = new Map<string, SourcePosition>([['', r.doc.at(Math.max(0, r.doc.offset))]]);
    r.statements.forEach((s, i) => {
      for (const [rel, p] of s.positions) positions.set(`/Statement/${i}${rel}`, p);
    });
    // Positions of a followed data source are in its own file; the policy is named where it is used.
    return { parsed: policyFromTree(treeFromValue(value, positions, fallback)), file: r.doc.file };
  };

  // A data source used by a resource is read as that resource's policy, not twice.
  const referenced = new Set<string>();
  for (const f of files) {
    for (const [, , b] of blocksOf(f.json, 'resource')) {
      const m = typeof b.policy === 'string' ? DATA_REF.exec(b.policy) : null;
      if (m) referenced.add(m[1]!);
    }
    for (const [type, , b] of blocksOf(f.json, 'data')) {
      if (type !== 'aws_iam_policy_document') continue;
      for (const v of [b.source_policy_documents, b.override_policy_documents].flatMap((l) => (Array.isArray(l) ? l : []))) {
        const m = typeof v === 'string' ? DATA_REF.exec(v) : null;
        if (m) referenced.add(m[1]!);
      }
    }
  }
  for (const f of files) {
    if (f.error !== undefined) continue;
    const at = atOf(f);
    const entries: [string, string, Block, 'resource' | 'data'][] = [
      ...blocksOf(f.json, 'resource').map(([t, n, b]) => [t, n, b, 'resource'] as [string, string, Block, 'resource']),
      ...blocksOf(f.json, 'data').filter(([t]) => t === 'aws_iam_policy_document').map(([t, n, b]) => [t, n, b, 'data'] as [string, string, Block, 'data']),
    ];
    for (const [type, name, block, kind] of entries) {
      const hint = kind === 'data' ? null : TERRAFORM_POLICY_RESOURCES[type as keyof typeof TERRAFORM_POLICY_RESOURCES];
      if (kind === 'resource' && !hint) continue;
      const header = Math.max(0, headerOffset(f.text, kind, type, name));
      const headerAt = at(header);
      const end = blockEnd(f.text, header);
      const attrAt = (attribute: string): SourcePosition => {
        const m = new RegExp(`\\b${attribute}\\s*=`).exec(f.text.slice(header, end));
        return m ? at(header + m.index) : headerAt;
      };
      const unresolved: UnresolvedReference[] = [];
      const bypass = block.bypass_policy_lockout_safety_check === true ? attrAt('bypass_policy_lockout_safety_check') : null;
      const label = kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
      const push = (parsed: NamedSourcePolicy['parsed'], file = f) =>
        policies.push({ name: label, file: file.file, sourceText: file.text, kindHint: hint ?? null, parsed, unresolved: withInterpolations(parsed.ast, unresolved), bypassLockout: bypass });
      if (kind === 'data') {
        if (referenced.has(name)) continue;
        const r = fromData(name, f, headerAt, unresolved);
        if (r) push(r.parsed, r.file);
        continue;
      }
      const policy = block.policy;
      if (typeof policy !== 'string') {
        // A key with no policy gets the default key policy; turning the check off is still worth saying.
        if (bypass) problems.push({ file: f.file, finding: { ...sourceFinding('BYPASS_LOCKOUT_CHECK', `${label} turns off the policy lockout safety check`, bypass) } });
        continue;
      }
      const policyAt = attrAt('policy');
      const dataRef = DATA_REF.exec(policy);
      const encoded = jsonencodeOf(policy);
      if (dataRef) {
        const r = fromData(dataRef[1]!, f, policyAt, unresolved);
        if (r) push(r.parsed, r.file);
        else problems.push({ file: f.file, finding: unresolvedFinding(policy, policyAt, label) });
      } else if (encoded) {
        const ast = asts.get(encoded);
        const offset = f.text.indexOf(encoded, header);
        if (!ast || offset < 0) {
          problems.push({ file: f.file, finding: sourceFinding('JSON_SYNTAX', `${label}: the jsonencode() argument could not be read`, policyAt) });
          continue;
        }
        const c = convertJsonencode(ast, encoded, offset, at);
        for (const r of c.references) unresolved.push({ expression: r.expression, pointer: r.pointer, line: r.at.line, column: r.at.column });
        if (c.root) push(policyFromTree(c.root));
      } else if (/^\$\{[\s\S]*\}$/.test(policy) && !policy.trimStart().startsWith('{')) {
        // var.policy, file("..."), templatefile(...): not readable offline.
        problems.push({ file: f.file, finding: unresolvedFinding(policy, policyAt, label) });
      } else {
        // Heredoc or string JSON: the text as written, when it can be found; else at the attribute.
        const offset = f.text.indexOf(policy.replace(/\n$/, ''), header);
        const parsed = offset >= 0 ? parseEmbeddedPolicy(policy, (o) => at(offset + o)) : parseEmbeddedPolicy(policy, () => policyAt);
        for (const m of policy.matchAll(/\$\{([^}]*)\}/g)) {
          if (isPolicyVariable(m[1]!)) continue;
          const p = offset >= 0 ? at(offset + (m.index ?? 0)) : policyAt;
          unresolved.push({ expression: m[1]!.trim(), pointer: '', line: p.line, column: p.column });
        }
        push(parsed);
      }
    }
  }
  return { policies, problems };
}

/** IAM policy variables (${aws:username}, ${*}) are not Terraform references (reference_policies_variables.html). */
export function isPolicyVariable(inner: string): boolean {
  return /^[*?$]$/.test(inner) || /^[a-z0-9-]+:[A-Za-z]/.test(inner);
}

function unresolvedFinding(policy: string, at: SourcePosition, label: string) {
  return sourceFinding('UNRESOLVED_REFERENCE', `${label}: policy = ${policy.replace(/^\$\{|\}$/g, '')} cannot be resolved offline, so this policy was not checked`, at);
}

/** Adds the `${...}` interpolations left in strings of the policy (data source values, heredocs) to its references. */
function withInterpolations(ast: JsonNode | null, known: UnresolvedReference[]): UnresolvedReference[] {
  const out = [...known];
  const seen = new Set(known.map((r) => `${r.expression}\u0000${r.pointer}`));
  const walk = (n: JsonNode | null): void => {
    if (!n) return;
    if (n.type === 'object') n.members.forEach((m) => walk(m.value));
    else if (n.type === 'array') n.items.forEach(walk);
    else if (n.type === 'string') {
      for (const m of String(n.value).matchAll(/\$\{([^}]*)\}/g)) {
        const expression = m[1]!.trim();
        if (isPolicyVariable(expression) || seen.has(`${expression}\u0000${n.pointer}`)) continue;
        seen.add(`${expression}\u0000${n.pointer}`);
        out.push({ expression, pointer: n.pointer, line: n.start.line, column: n.start.column });
      }
    }
  };
  walk(ast);
  return out;
}
