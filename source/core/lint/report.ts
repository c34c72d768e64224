import { visible, visibleLine } from '../text/visible.js';
import { FINDING_IDS, FINDING_RULES, SEVERITY_ORDER, type Finding, type Severity } from './catalog.js';

/** Renderers of lint findings (pure: the command prints them). SPEC 2.3 JSON. */
export function formatJson(findings: readonly Finding[]): string {
  const out = findings.map((f) => ({ id: f.id, severity: f.severity, statement: f.statement, path: f.path, line: f.line, column: f.column, message: f.message, fix: f.fix }));
  return `${JSON.stringify({ findings: out }, null, 2)}\n`;
}

/**
 * A file name as a SARIF artifact URI: relative paths stay relative (code scanning
 * resolves them against the repository), absolute ones become file:// URIs, and
 * characters a URI cannot hold (spaces, %, #, ?) are percent-encoded.
 */
export function artifactUri(fileName: string): string {
  const path = fileName.replace(/\\/g, '/');
  const encoded = path.split('/').map((segment, i) => (i === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/');
  if (/^[A-Za-z]:\//.test(path)) return `file:///${encoded}`;
  if (path.startsWith('/')) return `file://${encoded}`;
  return encoded;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', security: 'error', warning: 'warning', suggestion: 'note' };

/** SARIF 2.1.0: one rule per finding id of the catalog, results located by line and column. */
export function formatSarif(findings: readonly Finding[], fileName: string, toolVersion: string): string {
  const uri = fileName === '<stdin>' ? 'stdin' : artifactUri(fileName);
  const rules = FINDING_IDS.map((id) => {
    const r = FINDING_RULES[id];
    return {
      id,
      name: r.title.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: r.title },
      fullDescription: { text: r.explanation },
      help: { text: r.fix },
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
      properties: { tags: r.severity === 'security' ? ['security'] : [], severity: r.severity },
    };
  });
  const results = findings.map((f) => ({
    ruleId: f.id,
    ruleIndex: FINDING_IDS.indexOf(f.id),
    level: SARIF_LEVEL[f.severity],
    message: { text: `${f.message}. Fix: ${f.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          ...(f.line !== null ? { region: { startLine: f.line, startColumn: f.column ?? 1 } } : {}),
        },
        ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'object' }] } : {}),
      },
    ],
    properties: { severity: f.severity, path: f.path, statement: f.statement },
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'kms-policy-tui', version: toolVersion, rules } }, artifacts: [{ location: { uri } }], results }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** "1 error", "2 errors", "2 security findings". */
function countOf(n: number, severity: string): string {
  const word = severity === 'security' ? 'security finding' : severity;
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Text: findings grouped by severity, each with the source line and a caret under the column. */
export function formatText(findings: readonly Finding[], name: string, text: string, kind: string): string {
  // Text for people: the file name, messages and quoted source lines never carry a raw control character (SPEC 2).
  const fileName = visibleLine(name);
  const lines = text.split(/\r?\n/).map(visible);
  const out: string[] = [];
  // A grants file (lint --grants) is not a policy.
  const what = kind === 'grants' ? 'grants' : `${kind} policy`;
  if (findings.length === 0) return `${fileName}: no findings (${what})\n`;
  const counts = SEVERITY_ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  out.push(`${fileName} (${what}): ${counts.map(([s, n]) => countOf(n, s)).join(', ')}`);
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push('', `${severity.toUpperCase()}`);
    for (const f of group) {
      const at = f.line !== null ? `${fileName}:${f.line}:${f.column ?? 1}` : fileName;
      out.push(`  ${at}  ${f.id}  ${visibleLine(f.message)}`);
      const src = f.line !== null ? lines[f.line - 1] : undefined;
      if (src !== undefined && f.line !== null) {
        const num = String(f.line);
        const shown = src.replace(/\t/g, ' ');
        out.push(`    ${num} | ${shown.length > 160 ? `${shown.slice(0, 157)}...` : shown}`);
        out.push(`    ${' '.repeat(num.length)} | ${' '.repeat(Math.max(0, Math.min((f.column ?? 1) - 1, 160)))}^`);
      }
      out.push(`    fix: ${visibleLine(f.fix)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
