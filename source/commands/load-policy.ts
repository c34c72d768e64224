import { decodePolicyBytes, detectKind, parsePolicy, type ParsedPolicy, type PolicyKind } from '../core/policy/index.js';
import type { Finding } from '../core/lint/catalog.js';
import { readInput } from '../io/read-input.js';
import { flagChoice, type ParsedArgs } from './args.js';
import { UsageError, type CommandIo } from './io.js';

export interface LoadedPolicy {
  readonly name: string;
  readonly parsed: ParsedPolicy;
  readonly kind: PolicyKind;
  /** The input could not be read as JSON (syntax or encoding): findings say where. */
  readonly unreadable: boolean;
  /** Syntax findings, including an encoding problem. */
  readonly findings: readonly Finding[];
}

/** "file:line:column: message" — the one format of input errors on stderr. */
export function formatInputError(name: string, f: Finding): string {
  const at = f.line !== null ? `:${f.line}:${f.column ?? 1}` : '';
  return `${name}${at}: ${f.message}`;
}

/**
 * Reads and parses the policy named by a command's positional argument (a file
 * or "-"), honouring --kind. Does not fail on bad JSON: callers decide (lint
 * prints findings, the others stop with exit 2 via `requireReadable`).
 */
export async function loadPolicy(path: string | undefined, args: ParsedArgs, io: CommandIo, command: string): Promise<LoadedPolicy> {
  if (path === undefined) throw new UsageError(`${command}: expected a policy file or '-' for standard input`);
  const input = await readInput(path, io);
  const decoded = decodePolicyBytes(input.bytes);
  const parsed = decoded.ok
    ? parsePolicy(decoded.text)
    : { document: null, ast: null, findings: [decoded.finding], text: '' };
  const kindFlag = flagChoice(args, 'kind', ['key', 'identity', 'auto'] as const, 'auto');
  const kind: PolicyKind = kindFlag !== 'auto' ? kindFlag : parsed.document ? detectKind(parsed.document) : 'identity';
  return {
    name: input.name,
    parsed,
    kind,
    unreadable: parsed.document === null || parsed.findings.some((f) => f.id === 'JSON_SYNTAX'),
    findings: parsed.findings,
  };
}

/** Stops with exit 2 and "file:line:column: message" lines when the policy is not readable JSON. */
export function requireReadable(policy: LoadedPolicy): asserts policy is LoadedPolicy & { parsed: { document: NonNullable<ParsedPolicy['document']> } } {
  if (!policy.unreadable) return;
  const lines = policy.findings.filter((f) => f.id === 'JSON_SYNTAX').map((f) => formatInputError(policy.name, f));
  throw new UsageError(lines.join('\n') || `${policy.name}: not a JSON policy document`);
}
