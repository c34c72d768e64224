/**
 * Reads `aws kms list-grants --output json` ({"Grants": [...]}, GrantListEntry of the API
 * reference: https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantListEntry.html).
 * Paginated output may be concatenated (`{"Grants": [...]}{"Grants": [...]}`, as a shell
 * loop over NextMarker writes it). Positions come from the positioned JSON parser; a
 * malformed grant is a finding with line and column, never an exception, and an
 * operation a grant can never carry is refused (grants.html, "Grant operations").
 */
import type { Finding } from '../lint/catalog.js';
import { parseJson, type JsonNode } from '../policy/json.js';
import { member, sourceFinding, stringValue } from '../sources/positions.js';
import { GRANT_OPERATIONS, type Grant, type GrantConstraints } from './model.js';

export interface GrantsRead {
  readonly grants: readonly Grant[];
  /** GRANT_INVALID (and JSON_SYNTAX for unreadable text), with line and column. */
  readonly findings: readonly Finding[];
}

const AFTER_END = /after the end of the JSON document$/;

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * The JSON values of a text of concatenated values, each parsed with positions in the
 * whole text (the text before a value is blanked, line breaks kept, so lines and columns
 * stay those of the file).
 */
function concatenatedValues(text: string): { roots: JsonNode[]; findings: Finding[] } {
  const roots: JsonNode[] = [];
  let start = 0;
  for (let page = 0; page < 10_000; page++) {
    const blank = text.slice(0, start).replace(/[^\n]/g, ' ');
    const rest = text.slice(start);
    if (page > 0 && rest.trim() === '') break;
    let parsed = parseJson(blank + rest);
    let end = text.length;
    const problem = parsed.problems[0];
    if (!parsed.root && problem && AFTER_END.test(problem.message)) {
      end = offsetOf(text, problem.line, problem.column);
      parsed = parseJson(blank + text.slice(start, end));
    }
    if (!parsed.root) {
      return {
        roots,
        findings: parsed.problems.map((p) => sourceFinding(p.kind === 'syntax' ? 'JSON_SYNTAX' : 'DUPLICATE_JSON_KEY', p.message, p)),
      };
    }
    roots.push(parsed.root);
    if (end >= text.length) break;
    start = end;
  }
  return { roots, findings: [] };
}

const at = (node: JsonNode) => ({ line: node.start.line, column: node.start.column });

function invalid(message: string, node: JsonNode, path = node.pointer): Finding {
  return sourceFinding('GRANT_INVALID', message, at(node), path);
}

function contextMap(node: JsonNode | undefined, name: string, findings: Finding[]): Record<string, string> | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') {
    findings.push(invalid(`${name} must be an object of encryption context pairs ("key": "value")`, node));
    return undefined;
  }
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of node.members) {
    if (m.value.type !== 'string') findings.push(invalid(`${name}: the value of "${m.key}" must be a string`, m.value));
    else out[m.key] = String(m.value.value);
  }
  return out;
}

function readConstraints(node: JsonNode | undefined, findings: Finding[]): GrantConstraints | undefined {
  if (!node) return undefined;
  if (node.type !== 'object') {
    findings.push(invalid('Constraints must be an object with EncryptionContextEquals or EncryptionContextSubset', node));
    return undefined;
  }
  for (const m of node.members) {
    if (m.key !== 'EncryptionContextEquals' && m.key !== 'EncryptionContextSubset') findings.push(invalid(`Constraints: unknown constraint "${m.key}" (expected EncryptionContextEquals or EncryptionContextSubset)`, m.value));
  }
  const equals = contextMap(member(node, 'EncryptionContextEquals'), 'EncryptionContextEquals', findings);
  const subset = contextMap(member(node, 'EncryptionContextSubset'), 'EncryptionContextSubset', findings);
  return { ...(equals ? { encryptionContextEquals: equals } : {}), ...(subset ? { encryptionContextSubset: subset } : {}) };
}

/** One GrantListEntry, or null (with findings) when it cannot be a grant. */
export function readGrantEntry(node: JsonNode, file: string, index: number, findings: Finding[]): Grant | null {
  if (node.type !== 'object') {
    findings.push(invalid('A grant must be an object (a GrantListEntry of list-grants)', node));
    return null;
  }
  const grantee = member(node, 'GranteePrincipal') ?? member(node, 'GranteeServicePrincipal');
  const granteeValue = stringValue(grantee);
  if (granteeValue === undefined || granteeValue.trim() === '') {
    findings.push(invalid('The grant has no GranteePrincipal (a string): it reaches nobody', grantee ?? node));
    return null;
  }
  const ops = member(node, 'Operations');
  if (!ops || ops.type !== 'array') {
    findings.push(invalid('The grant has no Operations list', ops ?? node));
    return null;
  }
  const operations: string[] = [];
  for (const item of ops.items) {
    const name = stringValue(item);
    if (name === undefined) findings.push(invalid('An operation must be a string such as "Decrypt"', item));
    else if (!GRANT_OPERATIONS.has(name)) {
      // Operation names are exact: KMS rejects "decrypt" or "kms:Decrypt" in a grant.
      findings.push(invalid(`"${name}" is not an operation a grant can allow (grant operations: ${[...GRANT_OPERATIONS].join(', ')}); it is ignored`, item));
    } else if (!operations.includes(name)) operations.push(name);
  }
  if (operations.length === 0) {
    findings.push(invalid('The grant allows no operation a grant can carry', ops));
    return null;
  }
  const id = stringValue(member(node, 'GrantId')) ?? `grant-${index}`;
  const retiring = stringValue(member(node, 'RetiringPrincipal')) ?? stringValue(member(node, 'RetiringServicePrincipal'));
  const constraints = readConstraints(member(node, 'Constraints'), findings);
  const name = stringValue(member(node, 'Name'));
  const issuing = stringValue(member(node, 'IssuingAccount'));
  return {
    id,
    keyId: stringValue(member(node, 'KeyId')) ?? '',
    grantee: granteeValue,
    ...(retiring !== undefined ? { retiringPrincipal: retiring } : {}),
    operations,
    ...(constraints ? { constraints } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(issuing !== undefined ? { issuingAccount: issuing } : {}),
    position: at(node),
    path: node.pointer,
    file,
  };
}

/** Reads list-grants output (one page or several concatenated). */
export function readListGrants(file: string, text: string): GrantsRead {
  const { roots, findings } = concatenatedValues(text);
  const grants: Grant[] = [];
  for (const root of roots) {
    const list = member(root, 'Grants');
    if (root.type !== 'object' || !list) {
      findings.push(invalid('Expected the output of `aws kms list-grants --output json`: an object with a "Grants" list', root));
      continue;
    }
    if (list.type !== 'array') {
      findings.push(invalid('"Grants" must be a list of grants', list));
      continue;
    }
    for (const item of list.items) {
      const g = readGrantEntry(item, file, grants.length, findings);
      if (g) grants.push(g);
    }
  }
  return { grants, findings };
}
