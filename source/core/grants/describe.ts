/** A grant in plain English, as data for the text grid, lint messages and the UI (one line per grant). */
import { CONTEXT_OPERATIONS, type Grant } from './model.js';

const pairs = (m: Readonly<Record<string, string>>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(', ');

/** The constraints in words: "only when the encryption context is exactly {Department=IT}". Empty when unconstrained. */
export function describeConstraints(g: Grant): string {
  const parts: string[] = [];
  const equals = g.constraints?.encryptionContextEquals ?? {};
  const subset = g.constraints?.encryptionContextSubset ?? {};
  if (Object.keys(equals).length > 0) parts.push(`the encryption context is exactly {${pairs(equals)}}`);
  if (Object.keys(subset).length > 0) parts.push(`the encryption context includes {${pairs(subset)}}`);
  if (parts.length === 0) return '';
  const applies = g.operations.filter((o) => CONTEXT_OPERATIONS.has(o));
  const scope = applies.length === g.operations.length ? '' : ` (for ${applies.join(', ') || 'none of its operations'})`;
  return `only when ${parts.join(' and ')}${scope}`;
}

/** "grant 0c23... lets arn:...:role/ExampleRole Encrypt, Decrypt only when ...; retiring principal: ..." */
export function describeGrant(g: Grant): string {
  const constraints = describeConstraints(g);
  const retiring = g.retiringPrincipal !== undefined ? `; ${g.retiringPrincipal} may retire it` : '';
  return `grant ${g.id}${g.name ? ` (${g.name})` : ''} lets ${g.grantee} call ${g.operations.join(', ')}${constraints ? ` ${constraints}` : ' under any encryption context'}${retiring}`;
}
