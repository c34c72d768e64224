import { lintDocument } from '../core/lint/index.js';
import type { Finding } from '../core/lint/catalog.js';
import { parseCommandArgs, flagChoice } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';
import { loadPolicy } from './load-policy.js';
import { formatJson, formatSarif, formatText } from '../core/lint/report.js';
import { VERSION } from '../version.js';

/** `lint <file|-> [--format text|json|sarif] [--kind key|identity]` (SPEC 2, 2.3). */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('lint', argv, { format: 'string', kind: 'string' });
  if (args.positionals.length > 1) throw new UsageError('lint: expected one policy file or \'-\'');
  const format = flagChoice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const policy = await loadPolicy(args.positionals[0], args, io, 'lint');
  const findings: readonly Finding[] = policy.unreadable ? policy.findings : lintDocument(policy.parsed, policy.kind);
  const output =
    format === 'json' ? formatJson(findings)
    : format === 'sarif' ? formatSarif(findings, policy.name, VERSION)
    : formatText(findings, policy.name, policy.parsed.text, policy.kind);
  io.stdout.write(output);
  if (policy.unreadable) return EXIT.usage;
  return findings.some((f) => f.severity === 'error' || f.severity === 'security') ? EXIT.findings : EXIT.ok;
}
