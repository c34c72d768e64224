import { explainDocument, renderExplanation } from '../core/explain/index.js';
import { flagBoolean, parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';
import { loadPolicy, requireReadable } from './load-policy.js';

/** `explain <file|-> [--json] [--kind key|identity]`: every statement in plain English. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('explain', argv, { json: 'boolean', kind: 'string', policy: 'string' });
  if (args.positionals.length > 1) throw new UsageError("explain: expected one policy file or '-'");
  const policy = await loadPolicy(args.positionals[0], args, io, 'explain');
  requireReadable(policy);
  const explanation = explainDocument(policy.parsed.document, policy.kind);
  io.stdout.write(flagBoolean(args, 'json') ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation));
  return EXIT.ok;
}
