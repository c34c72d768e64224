/**
 * Lint reports over a source with several policies, or a directory of sources
 * (SPEC 2.5): text grouped by policy, JSON findings with "file" and "policy",
 * SARIF one run whose locations are in each source file.
 */
import { SEVERITY_ORDER, type Finding, type Severity } from './catalog.js';
import { formatSarif, formatText } from './report.js';

export interface PolicyReport {
  readonly file: string;
  /** Null for problems of the file itself (it could not be read as a source). */
  readonly policy: string | null;
  readonly kind: string;
  readonly sourceText: string;
  readonly findings: readonly Finding[];
}

export interface RunSummary {
  readonly filesRead: number;
  readonly policies: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

export function summarize(reports: readonly PolicyReport[], filesRead: number): RunSummary {
  const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of reports) for (const f of r.findings) bySeverity[f.severity]++;
  return { filesRead, policies: reports.filter((r) => r.policy !== null && r.kind !== 'grants').length, bySeverity };
}

export function summaryLine(s: RunSummary): string {
  const counts = SEVERITY_ORDER.map((sev) => `${s.bySeverity[sev]} ${sev}`).join(', ');
  return `${s.filesRead} file${s.filesRead === 1 ? '' : 's'} read, ${s.policies} polic${s.policies === 1 ? 'y' : 'ies'} found; findings: ${counts}`;
}

export function formatSourcesText(reports: readonly PolicyReport[], summary: RunSummary | null): string {
  const parts = reports.map((r) => {
    const title = r.policy === null ? r.file : `${r.file}: ${r.policy}`;
    // formatText locates each finding as "<file>:line:col"; the title names the policy.
    const body = formatText(r.findings, r.file, r.sourceText, r.kind);
    return r.policy === null ? body : `== ${title}\n${body}`;
  });
  if (summary) parts.push(`${summaryLine(summary)}\n`);
  return parts.join('\n');
}

export function formatSourcesJson(reports: readonly PolicyReport[], summary: RunSummary | null): string {
  const findings = reports.flatMap((r) =>
    r.findings.map((f) => ({ id: f.id, severity: f.severity, file: r.file, policy: r.policy, statement: f.statement, path: f.path, line: f.line, column: f.column, message: f.message, fix: f.fix })),
  );
  return `${JSON.stringify(summary ? { findings, summary } : { findings }, null, 2)}\n`;
}

/** One SARIF run for all files: the rules once, each result located in its own file. */
export function formatSourcesSarif(reports: readonly PolicyReport[], toolVersion: string): string {
  const runs = reports.map((r) => JSON.parse(formatSarif(r.findings, r.file, toolVersion)) as { runs: [{ tool: unknown; artifacts: unknown[]; results: { properties: Record<string, unknown> }[] }] });
  const first = runs[0]?.runs[0] ?? (JSON.parse(formatSarif([], 'stdin', toolVersion)) as { runs: [{ tool: unknown }] }).runs[0];
  const seen = new Set<string>();
  const artifacts: unknown[] = [];
  const results: unknown[] = [];
  runs.forEach((s, i) => {
    const run = s.runs[0];
    for (const a of run.artifacts) {
      const k = JSON.stringify(a);
      if (!seen.has(k)) {
        seen.add(k);
        artifacts.push(a);
      }
    }
    const policy = reports[i]!.policy;
    for (const res of run.results) results.push(policy === null ? res : { ...res, properties: { ...res.properties, policy } });
  });
  const sarif = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: first.tool, artifacts, results }] };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
