/**
 * `diff <old> <new> [--policy NAME] [--format text|json|sarif] [--kind key|identity]
 * [--fail-on widen|change|never]` (SPEC 2.4): what the new version grants or takes
 * away. Both versions are read by the one loader (files, '-', /dev/fd/N, every
 * source of SPEC 2.5); --policy picks the policy in both.
 */
import { diffJson, diffPolicies, formatDiffText, widenedFindings, type PolicyDiff } from '../core/diff/index.js';
import { formatSarif } from '../core/lint/report.js';
import type { PolicyKind } from '../core/policy/model.js';
import { VERSION } from '../version.js';
import { flagBoolean, flagChoice, parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';
import { loadPolicy, requireReadable } from './load-policy.js';
import { useColor } from './matrix.js';

const FLAGS = { policy: 'string', format: 'string', json: 'boolean', kind: 'string', 'fail-on': 'string' } as const;

function fails(d: PolicyDiff, failOn: 'widen' | 'change' | 'never'): boolean {
  if (failOn === 'never') return false;
  if (failOn === 'widen') return d.summary.widened > 0;
  return d.changes.length > 0;
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('diff', argv, FLAGS);
  if (args.positionals.length !== 2) throw new UsageError(`diff: expected two policy sources, <old> and <new> (got ${args.positionals.length}). See 'kms-policy-tui --help'.`);
  const [oldPath, newPath] = args.positionals as [string, string];
  if (oldPath === '-' && newPath === '-') throw new UsageError("diff: only one of <old> and <new> can be '-' (standard input)");
  const format = flagBoolean(args, 'json') ? 'json' : flagChoice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const failOn = flagChoice(args, 'fail-on', ['widen', 'change', 'never'] as const, 'widen');
  const flagKind = flagChoice(args, 'kind', ['key', 'identity', 'auto'] as const, 'auto');
  const before = await loadPolicy(oldPath, args, io, 'diff');
  requireReadable(before);
  const after = await loadPolicy(newPath, args, io, 'diff');
  requireReadable(after);
  // Two versions of one policy: one kind for both (a key policy if either is one, unless --kind says).
  const kind: PolicyKind = flagKind !== 'auto' ? flagKind : before.kind === 'key' || after.kind === 'key' ? 'key' : 'identity';
  const d = diffPolicies(before.parsed.document, after.parsed.document, kind);
  if (format === 'json') io.stdout.write(`${JSON.stringify(diffJson(d), null, 2)}\n`);
  else if (format === 'sarif') io.stdout.write(formatSarif(widenedFindings(d, after.parsed), after.file, VERSION));
  else io.stdout.write(formatDiffText(d, { before: before.name, after: after.name }, useColor(io)));
  return fails(d, failOn) ? EXIT.findings : EXIT.ok;
}
