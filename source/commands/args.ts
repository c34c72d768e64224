import { parseArgs as nodeParseArgs } from 'node:util';
import { UsageError } from './io.js';

export type FlagKind = 'boolean' | 'string' | 'strings';

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
}

/**
 * Parses the arguments of one subcommand. Unknown flags and missing values are
 * usage errors that name the command, so a typo never silently does something else.
 */
export function parseCommandArgs(command: string, argv: readonly string[], spec: Record<string, FlagKind>): ParsedArgs {
  const options: Record<string, { type: 'boolean' | 'string'; multiple?: boolean }> = {};
  for (const [name, kind] of Object.entries(spec)) {
    // Single strings are parsed as lists too, so a repeated flag is an error rather than "last one wins".
    options[name] = kind === 'boolean' ? { type: 'boolean' } : { type: 'string', multiple: true };
  }
  try {
    const { values, positionals } = nodeParseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    for (const [name, kind] of Object.entries(spec)) {
      const v = values[name];
      if (kind !== 'string' || !Array.isArray(v)) continue;
      if (v.length > 1) throw new UsageError(`${command}: --${name} may be given only once`);
      values[name] = v[0];
    }
    return { positionals, flags: values as ParsedArgs['flags'] };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const message = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    throw new UsageError(`${command}: ${message}. See 'kms-policy-tui --help'.`);
  }
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function flagStrings(args: ParsedArgs, name: string): readonly string[] {
  const v = args.flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function flagBoolean(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}

/** Checks a flag value against a closed set, with a message listing the set. */
export function flagChoice<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const v = flagString(args, name);
  if (v === undefined) return fallback;
  if ((choices as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got '${v}')`);
}
