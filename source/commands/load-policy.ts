import { readdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import type { Finding } from '../core/lint/catalog.js';
import type { NamedPolicy } from '../core/evaluate/index.js';
import { decodePolicyBytes, detectKind, type ParsedPolicy, type PolicyKind } from '../core/policy/index.js';
import { DOCUMENT_POLICY_NAME, isSourceFileName, readSource, type NamedSourcePolicy, type SourceFormat, type SourceProblem, type SourceRead } from '../core/sources/index.js';
import { sourceFinding } from '../core/sources/positions.js';
import { readInput } from '../io/read-input.js';
import { flagChoice, flagString, type ParsedArgs } from './args.js';
import { UsageError, type CommandIo } from './io.js';
import { readTerraformFiles } from './terraform-parser.js';
import { visibleLine } from '../core/text/visible.js';

export interface LoadedPolicy {
  /** The file (or "<stdin>"), with the policy name when the source holds several kinds of thing. */
  readonly name: string;
  /** The policy's name in its source (`aws_kms_key.orders`), "document" for a bare document. */
  readonly policyName: string;
  readonly file: string;
  readonly sourceText: string;
  readonly format: SourceFormat;
  readonly parsed: ParsedPolicy;
  readonly kind: PolicyKind;
  /** The input could not be read as JSON (syntax or encoding): findings say where. */
  readonly unreadable: boolean;
  /** Syntax findings, including an encoding problem. */
  readonly findings: readonly Finding[];
  readonly source: NamedSourcePolicy;
}

/** "file:line:column: message" — the one format of input errors on stderr. */
export function formatInputError(name: string, f: Finding): string {
  const at = f.line !== null ? `:${f.line}:${f.column ?? 1}` : '';
  return `${name}${at}: ${f.message}`;
}

/** What a source read gave: its policies (loaded), and problems of the files themselves. */
export interface LoadedSources {
  readonly format: SourceFormat;
  readonly policies: readonly LoadedPolicy[];
  readonly problems: readonly SourceProblem[];
  readonly filesRead: number;
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform']);

function kindOf(policy: NamedSourcePolicy, args: ParsedArgs): PolicyKind {
  const flag = flagChoice(args, 'kind', ['key', 'identity', 'auto'] as const, 'auto');
  if (flag !== 'auto') return flag;
  return policy.kindHint ?? (policy.parsed.document ? detectKind(policy.parsed.document) : 'identity');
}

function load(read: SourceRead, args: ParsedArgs): LoadedPolicy[] {
  return read.policies.map((p) => ({
    name: p.name === DOCUMENT_POLICY_NAME ? p.file : `${p.file}: ${p.name}`,
    policyName: p.name,
    file: p.file,
    sourceText: p.sourceText,
    format: read.format,
    parsed: p.parsed,
    kind: kindOf(p, args),
    unreadable: p.parsed.document === null || p.parsed.findings.some((f) => f.id === 'JSON_SYNTAX'),
    findings: p.parsed.findings,
    source: p,
  }));
}

async function readText(path: string, io: CommandIo): Promise<{ name: string; text: string } | { name: string; finding: Finding }> {
  const input = await readInput(path, io);
  const decoded = decodePolicyBytes(input.bytes);
  return decoded.ok ? { name: input.name, text: decoded.text } : { name: input.name, finding: decoded.finding };
}

const looksLikeHcl = (text: string) => /^[ \t]*(?:resource|data)[ \t]+"[A-Za-z0-9_]+"[ \t]+"[^"]*"[ \t]*\{/m.test(text);

/** Reads one file (or standard input) as a source of any format of SPEC 2.5. */
async function readOne(path: string, io: CommandIo, strict: boolean): Promise<SourceRead> {
  const r = await readText(path, io);
  if ('finding' in r) return { format: 'policy-document', policies: [], problems: [{ file: r.name, finding: r.finding }] };
  return readFromText(path, r.name, r.text, strict);
}

function readFromText(path: string, name: string, text: string, strict: boolean): Promise<SourceRead> | SourceRead {
  if (/\.tf$/i.test(path) || (path === '-' && looksLikeHcl(text))) return readTerraformFiles([{ file: name, text }]);
  return readSource(name, text, { strict });
}

/**
 * A source already read and decoded (`open` reads its file itself, so that a
 * policy document with bad bytes still opens on the Findings tab): its policies.
 */
export async function loadSourceText(path: string, name: string, text: string, args: ParsedArgs): Promise<LoadedSources> {
  const read = await readFromText(path, name, text, true);
  return { format: read.format, policies: load(read, args), problems: read.problems, filesRead: 1 };
}

/** Every source file under a directory (skipping node_modules, .git, .terraform), in a stable order. */
async function walk(dir: string, out: string[], problems: SourceProblem[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    problems.push({ file: dir, finding: sourceFinding('JSON_SYNTAX', `cannot read the directory: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, null) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(e.name)) await walk(p, out, problems);
    } else if (e.isFile() && isSourceFileName(e.name)) out.push(p);
  }
}

/** Reads a directory: each file by content, the .tf files of each folder together (one Terraform module). */
async function readDirectory(dir: string, io: CommandIo, args: ParsedArgs): Promise<LoadedSources> {
  const files: string[] = [];
  const problems: SourceProblem[] = [];
  await walk(dir, files, problems);
  const policies: LoadedPolicy[] = [];
  const modules = new Map<string, { file: string; text: string }[]>();
  const take = (read: SourceRead) => {
    policies.push(...load(read, args));
    problems.push(...read.problems);
  };
  for (const file of files) {
    try {
      if (/\.tf$/i.test(file)) {
        const r = await readText(file, io);
        if ('finding' in r) problems.push({ file: r.name, finding: r.finding });
        else modules.set(dirname(file), [...(modules.get(dirname(file)) ?? []), { file: r.name, text: r.text }]);
      } else take(await readOne(file, io, false));
    } catch (e) {
      // A file that cannot be read is a finding of the run, never skipped silently.
      problems.push({ file, finding: sourceFinding('JSON_SYNTAX', e instanceof Error ? e.message.replace(`${file}: `, '') : String(e), null) });
    }
  }
  for (const module of modules.values()) take(await readTerraformFiles(module));
  return { format: 'terraform', policies, problems, filesRead: files.length };
}

/**
 * The one loader of every command (SPEC 2.5): a file, '-', or (with
 * `directories`) a folder; any source format. With `policy`, only the policy of
 * that name (an unknown name is a usage error listing the names).
 */
export async function loadPolicies(path: string, args: ParsedArgs, io: CommandIo, options: { policy?: string; directories?: boolean } = {}): Promise<LoadedSources> {
  let result: LoadedSources;
  if (options.directories && path !== '-' && (await isDirectory(path))) result = await readDirectory(path, io, args);
  else {
    const read = await readOne(path, io, true);
    result = { format: read.format, policies: load(read, args), problems: read.problems, filesRead: 1 };
  }
  if (options.policy === undefined) return result;
  const chosen = result.policies.filter((p) => p.policyName === options.policy);
  const fatal = result.problems.filter(isFatal);
  if (chosen.length === 0 && fatal.length > 0) throw new UsageError(fatal.map((p) => formatInputError(p.file, p.finding)).join('\n'));
  if (chosen.length === 0) throw new UsageError(`${path}: no policy named '${options.policy}'. ${policyNames(result.policies)}`);
  return { ...result, policies: chosen };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await readdir(path)) !== undefined;
  } catch {
    return false;
  }
}

/** The names of a source's policies, one a line, shown escaped (names come from the file: SPEC 2). */
export function policyNames(policies: readonly { readonly policyName: string }[]): string {
  if (policies.length === 0) return 'The source holds no KMS key policy or IAM policy.';
  return `Policies in it (pick one with --policy NAME):\n${policies.map((p) => `  ${visibleLine(p.policyName)}`).join('\n')}`;
}

/** Problems that leave nothing to work on (the file is not readable as its format); others (UNRESOLVED_REFERENCE, BYPASS_LOCKOUT_CHECK) are lint's to report. */
const isFatal = (p: SourceProblem) => p.finding.id === 'JSON_SYNTAX';

/**
 * The one policy a command works on, out of a source read (SPEC 2.5): `policyName`
 * picks it; several and no name is a usage error that lists the names (exit 2).
 * Used by every command that needs one policy, and by `open` when it does not show the picker.
 */
export function choosePolicy(sources: LoadedSources, path: string, command: string): LoadedPolicy {
  const fatal = sources.problems.filter(isFatal);
  if (fatal.length > 0 || (sources.policies.length === 0 && sources.problems.length > 0)) {
    throw new UsageError((fatal.length > 0 ? fatal : sources.problems).map((p) => formatInputError(p.file, p.finding)).join('\n'));
  }
  if (sources.policies.length === 0) throw new UsageError(`${command}: ${path}: ${policyNames([])}`);
  if (sources.policies.length > 1) throw new UsageError(`${command}: ${path} holds ${sources.policies.length} policies; ${command} works on one. ${policyNames(sources.policies)}`);
  return sources.policies[0]!;
}

/**
 * Reads the one policy a command works on: --policy NAME picks it; a source
 * with several and no --policy is a usage error that lists their names.
 * Does not fail on bad JSON: callers decide (`requireReadable`).
 */
export async function loadPolicy(path: string | undefined, args: ParsedArgs, io: CommandIo, command: string): Promise<LoadedPolicy> {
  if (path === undefined) throw new UsageError(`${command}: expected a policy file or '-' for standard input`);
  const policyName = flagString(args, 'policy');
  const sources = await loadPolicies(path, args, io, policyName !== undefined ? { policy: policyName } : {});
  return choosePolicy(sources, path, command);
}

/** Stops with exit 2 and "file:line:column: message" lines when the policy is not readable JSON. */
export function requireReadable(policy: LoadedPolicy): asserts policy is LoadedPolicy & { parsed: { document: NonNullable<ParsedPolicy['document']> } } {
  if (!policy.unreadable) return;
  const lines = policy.findings.filter((f) => f.id === 'JSON_SYNTAX').map((f) => formatInputError(policy.file, f));
  throw new UsageError(lines.join('\n') || `${policy.name}: not a JSON policy document`);
}

/**
 * The identity policies of `--identity-policy FILE`... (simulate, open): each source must hold
 * one readable policy; `--policy` names the key policy's, not theirs.
 */
export async function loadIdentityPolicies(paths: readonly string[], args: ParsedArgs, io: CommandIo, command: string): Promise<NamedPolicy[]> {
  const identityArgs = { ...args, flags: { ...args.flags, policy: undefined } };
  const out: NamedPolicy[] = [];
  for (const path of paths) {
    const loaded = await loadPolicy(path, identityArgs, io, command);
    requireReadable(loaded);
    out.push({ name: loaded.name, document: loaded.parsed.document });
  }
  return out;
}
