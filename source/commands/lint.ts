import { lintSourcePolicy } from '../core/lint/rules/sources.js';
import { sortFindings, type Finding } from '../core/lint/catalog.js';
import { deployerAccess } from '../core/lint/deployer.js';
import { parseRequestPrincipal } from '../core/evaluate/principal.js';
import { visibleLine } from '../core/text/visible.js';
import { formatSourcesJson, formatSourcesSarif, formatSourcesText, summarize, type PolicyReport } from '../core/lint/report-sources.js';
import { formatJson, formatSarif, formatText } from '../core/lint/report.js';
import { VERSION } from '../version.js';
import { flagChoice, flagString, parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';
import { loadPolicies } from './load-policy.js';
import { loadGrants } from './load-grants.js';
import { lintGrants } from '../core/grants/index.js';
import { keyPolicyAccount } from '../core/matrix/index.js';

/**
 * `lint <source|dir|-> [--format text|json|sarif] [--kind key|identity] [--policy NAME] [--grants FILE]`
 * (SPEC 2, 2.3, 2.5, 2.6): every policy of the source, or of every source under a directory;
 * with --grants, the key's grants too (their findings are reported under the grants file).
 */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('lint', argv, { format: 'string', kind: 'string', policy: 'string', grants: 'string', as: 'string' });
  if (args.positionals.length > 1) throw new UsageError("lint: expected one policy source, a directory, or '-'");
  const path = args.positionals[0];
  if (path === undefined) throw new UsageError("lint: expected a policy source, a directory, or '-' for standard input");
  const format = flagChoice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const policy = flagString(args, 'policy');
  const deployer = flagString(args, 'as');
  if (deployer !== undefined && !['role', 'user', 'session', 'root'].includes(parseRequestPrincipal(deployer).kind)) {
    throw new UsageError(`lint: --as must be the IAM ARN of the principal that sets the key policy (role, user, assumed-role session or account root), got '${deployer}'`);
  }
  const grantsPath = flagString(args, 'grants');
  if (grantsPath === '-' && path === '-') throw new UsageError("lint: only one file can be read from standard input ('-')");
  const sources = await loadPolicies(path, args, io, { directories: true, ...(policy !== undefined ? { policy } : {}) });

  // --as ARN (SPEC 3 DEPLOYER_LOCKOUT): that principal must keep kms:PutKeyPolicy under each key policy; the text says how.
  const notes: string[] = [];
  const reports: PolicyReport[] = sources.policies.map((p) => {
    const findings = p.unreadable ? p.findings : lintSourcePolicy(p.source, p.kind);
    const doc = p.parsed.document;
    if (deployer === undefined || p.unreadable || p.kind !== 'key' || !doc) return { file: p.file, policy: p.policyName, kind: p.kind, sourceText: p.sourceText, findings };
    const access = deployerAccess(doc, p.parsed.ast, deployer);
    if (access.via === null) return { file: p.file, policy: p.policyName, kind: p.kind, sourceText: p.sourceText, findings: sortFindings([...findings, access.finding]) };
    notes.push(
      `${visibleLine(p.name)}: ${visibleLine(deployer)} keeps kms:PutKeyPolicy ${access.via === 'direct' ? 'directly (the key policy allows it)' : 'through the account statement, as long as its IAM policy allows kms:PutKeyPolicy'}`,
    );
    return { file: p.file, policy: p.policyName, kind: p.kind, sourceText: p.sourceText, findings };
  });
  for (const problem of sources.problems) reports.push({ file: problem.file, policy: null, kind: 'source', sourceText: '', findings: [problem.finding] });
  let grantsUnreadable = false;
  if (grantsPath !== undefined) {
    // The grants of the key: checked against the key policy when the source holds exactly one.
    const grants = await loadGrants(grantsPath, io);
    const keyPolicies = sources.policies.filter((p) => p.kind === 'key' && !p.unreadable && p.parsed.document);
    const keyPolicy = keyPolicies.length === 1 ? keyPolicies[0]!.parsed.document! : undefined;
    const findings = [...grants.findings, ...lintGrants(grants.grants, keyPolicy ? { keyPolicy, keyAccount: keyPolicyAccount(keyPolicy) } : {})];
    grantsUnreadable = grants.findings.some((f) => f.id === 'JSON_SYNTAX');
    reports.push({ file: grants.name, policy: 'grants', kind: 'grants', sourceText: grants.text, findings });
  }
  const all: Finding[] = reports.flatMap((r) => r.findings);
  const unreadable = grantsUnreadable || sources.policies.some((p) => p.unreadable) || sources.problems.some((p) => p.finding.id === 'JSON_SYNTAX');

  const bare = grantsPath === undefined && sources.filesRead === 1 && sources.format === 'policy-document' && reports.length === 1 && reports[0]!.policy !== null;
  if (bare) {
    // A bare policy document: the report of SPEC 2.3, unchanged.
    const r = reports[0]!;
    io.stdout.write(format === 'json' ? formatJson(r.findings) : format === 'sarif' ? formatSarif(r.findings, r.file, VERSION) : formatText(r.findings, r.file, r.sourceText, r.kind));
  } else {
    const summary = summarize(reports, sources.filesRead);
    const directory = sources.filesRead !== 1 || sources.policies.length === 0;
    if (format === 'json') io.stdout.write(formatSourcesJson(reports, directory ? summary : null));
    else if (format === 'sarif') io.stdout.write(formatSourcesSarif(reports, VERSION));
    else io.stdout.write(formatSourcesText(reports, summary));
  }
  if (format === 'text' && notes.length > 0) io.stdout.write(`${notes.join('\n')}\n`);
  if (unreadable) return EXIT.usage;
  return all.some((f) => f.severity === 'error' || f.severity === 'security') ? EXIT.findings : EXIT.ok;
}
