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

/** A principal ARN in few words: "role App (111122223333)", "session i-5d47 of role Ec2 (111122223333)", "account 123456789012". */
export function shortPrincipal(arn: string): string {
  const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(arn);
  if (root) return `account ${root[1]}`;
  const named = /^arn:[^:]+:iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (named) return `${named[2]} ${named[3]} (${named[1]})`;
  const session = /^arn:[^:]+:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(arn);
  if (session) return `session ${session[3]} of role ${session[2]} (${session[1]})`;
  return arn;
}

/** A grant in two short lines for a narrow pane: who may call what, then under which context and who retires it. */
export function grantLines(g: Grant): readonly [string, string] {
  const constraints = describeConstraints(g) || 'under any encryption context';
  const retiring = g.retiringPrincipal !== undefined ? `; retired by ${shortPrincipal(g.retiringPrincipal)}` : '';
  return [`${shortPrincipal(g.grantee)}: ${g.operations.join(', ')}`, `${constraints}${retiring} (grant ${g.id})`];
}
