/**
 * Terraform `aws_kms_grant` resources as grants (SPEC 2.6), from the JSON that
 * HashiCorp's HCL parser makes of the .tf files (the commands layer runs it, see
 * commands/terraform-parser.ts). Arguments as the AWS provider names them: key_id,
 * grantee_principal, operations, retiring_principal, name, constraints {
 * encryption_context_equals / encryption_context_subset }. A value that is a
 * reference (`${aws_kms_key.orders.key_id}`) stays as written.
 */
import type { Finding } from '../lint/catalog.js';
import { lineIndex, sourceFinding } from '../sources/positions.js';
import { blocksOf, headerOffset, type TerraformFile } from '../sources/terraform.js';
import { GRANT_OPERATIONS, type Grant, type GrantConstraints } from './model.js';
import type { GrantsRead } from './read.js';

const shown = (v: unknown) => (typeof v === 'string' ? v.replace(/^\$\{([\s\S]*)\}$/, '$1') : JSON.stringify(v));

function pairs(v: unknown): Record<string, string> | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, value] of Object.entries(v as Record<string, unknown>)) out[k] = typeof value === 'string' ? value : JSON.stringify(value);
  return out;
}

export function readTerraformGrants(files: readonly TerraformFile[]): GrantsRead {
  const grants: Grant[] = [];
  const findings: Finding[] = [];
  for (const f of files) {
    if (f.error !== undefined || !f.json) continue;
    const at = lineIndex(f.text);
    for (const [type, name, block] of blocksOf(f.json, 'resource')) {
      if (type !== 'aws_kms_grant') continue;
      const header = Math.max(0, headerOffset(f.text, 'resource', type, name));
      const position = at(header);
      const address = `${type}.${name}`;
      const bad = (message: string) => findings.push(sourceFinding('GRANT_INVALID', `${address}: ${message}`, position));
      const grantee = block.grantee_principal;
      if (typeof grantee !== 'string' || grantee.trim() === '') {
        bad('grantee_principal is required');
        continue;
      }
      const operations: string[] = [];
      const listed = Array.isArray(block.operations) ? (block.operations as unknown[]) : typeof block.operations === 'string' ? [block.operations] : [];
      for (const op of listed) {
        if (typeof op !== 'string' || !GRANT_OPERATIONS.has(op)) bad(`"${shown(op)}" is not an operation a grant can allow; it is ignored`);
        else if (!operations.includes(op)) operations.push(op);
      }
      if (operations.length === 0) {
        bad('the grant allows no operation a grant can carry');
        continue;
      }
      // Every `constraints` block adds its pairs (the provider keeps one of each kind).
      const blocks = (Array.isArray(block.constraints) ? (block.constraints as unknown[]) : []).filter((c): c is Record<string, unknown> => !!c && typeof c === 'object');
      const merged = (name: string): Record<string, string> | undefined => {
        const found = blocks.map((b) => pairs(b[name])).filter((p): p is Record<string, string> => p !== undefined);
        return found.length === 0 ? undefined : Object.assign(Object.create(null) as Record<string, string>, ...found);
      };
      const equals = merged('encryption_context_equals');
      const subset = merged('encryption_context_subset');
      const constraints: GrantConstraints | undefined =
        equals || subset ? { ...(equals ? { encryptionContextEquals: equals } : {}), ...(subset ? { encryptionContextSubset: subset } : {}) } : undefined;
      grants.push({
        id: address,
        keyId: typeof block.key_id === 'string' ? block.key_id : '',
        grantee,
        ...(typeof block.retiring_principal === 'string' ? { retiringPrincipal: block.retiring_principal } : {}),
        operations,
        ...(constraints ? { constraints } : {}),
        ...(typeof block.name === 'string' ? { name: block.name } : {}),
        position: { line: position.line, column: position.column },
        path: '',
        file: f.file,
      });
    }
  }
  return { grants, findings };
}
