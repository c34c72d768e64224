/**
 * `--grants FILE` (SPEC 2.6): `aws kms list-grants --output json` (pages may be
 * concatenated), or Terraform .tf with `aws_kms_grant` resources (read with the HCL
 * parser, loaded only for .tf files).
 */
import type { Finding } from '../core/lint/catalog.js';
import { readListGrants, readTerraformGrants, type Grant, type GrantsRead } from '../core/grants/index.js';
import { decodePolicyBytes } from '../core/policy/index.js';
import { sourceFinding } from '../core/sources/positions.js';
import { readInput } from '../io/read-input.js';
import { UsageError, type CommandIo } from './io.js';
import { formatInputError } from './load-policy.js';
import { parseTerraformFiles } from './terraform-parser.js';

export interface LoadedGrants extends GrantsRead {
  /** The file as named for people ("<stdin>" for '-'). */
  readonly name: string;
  /** The text read (findings' lines point into it). */
  readonly text: string;
}

const looksLikeHcl = (text: string) => /^[ \t]*resource[ \t]+"aws_kms_grant"/m.test(text);

/** Reads a grants file; its problems are findings (GRANT_INVALID, JSON_SYNTAX), never exceptions. */
export async function loadGrants(path: string, io: CommandIo): Promise<LoadedGrants> {
  const input = await readInput(path, io);
  const decoded = decodePolicyBytes(input.bytes);
  if (!decoded.ok) return { name: input.name, text: '', grants: [], findings: [decoded.finding] };
  const text = decoded.text;
  if (/\.tf$/i.test(path) || looksLikeHcl(text)) {
    const files = await parseTerraformFiles([{ file: input.name, text }]);
    const problems: Finding[] = files
      .filter((f) => f.error !== undefined)
      .map((f) => {
        const m = /:(\d+),(\d+)/.exec(f.error!);
        return sourceFinding('JSON_SYNTAX', `Terraform (HCL): ${f.error!.replace(/^.*?:\d+,\d+(?:-\d+(?:,\d+)?)?:\s*/, '')}`, m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 1, column: 1 });
      });
    const read = readTerraformGrants(files);
    return { name: input.name, text, grants: read.grants, findings: [...problems, ...read.findings] };
  }
  return { name: input.name, text, ...readListGrants(input.name, text) };
}

/** For simulate and matrix: the grants, or exit 2 with "file:line:column: message" lines when any grant is malformed. */
export async function requireGrants(path: string | undefined, io: CommandIo): Promise<readonly Grant[]> {
  if (path === undefined) return [];
  const loaded = await loadGrants(path, io);
  if (loaded.findings.length > 0) throw new UsageError(loaded.findings.map((f) => formatInputError(loaded.name, f)).join('\n'));
  return loaded.grants;
}
