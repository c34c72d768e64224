/**
 * Which statements can name a request principal, found without testing every
 * statement against every matrix row: statements are filed under the accounts,
 * services and raw values their Principal names; a wildcard Principal and every
 * NotPrincipal (which covers everyone it does not list) are filed for all.
 * The index only narrows: the caller still matches each candidate exactly.
 */
import type { CompiledStatement } from '../evaluate/compile.js';
import type { RequestPrincipal } from '../evaluate/principal.js';

/** Candidate statement positions (ascending) for a principal. */
export type PrincipalIndex = (p: RequestPrincipal) => number[];

export function principalIndex(statements: readonly CompiledStatement[]): PrincipalIndex {
  const everyone: number[] = [];
  const byKey = new Map<string, number[]>();
  const file = (key: string, i: number) => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  statements.forEach((s, i) => {
    if (!s.principal || s.principal.wildcard || s.notPrincipal) {
      if (s.principal || s.notPrincipal) everyone.push(i);
      return;
    }
    for (const type in s.principal.values) {
      for (const v of s.principal.values[type]!) {
        if (v === '*') {
          everyone.push(i);
          continue;
        }
        if (type === 'Service') {
          file(`service:${v.toLowerCase()}`, i);
          continue;
        }
        // An account (root ARN or id) covers every principal of it; a role ARN also its sessions.
        const root = /^(?:(\d{12})|arn:[^:]+:iam::(\d{12}):root)$/.exec(v);
        if (root) file(`account:${root[1] ?? root[2]}`, i);
        const role = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(v);
        if (role) file(`role:${role[1]}:${role[2]}`, i);
        file(`raw:${v}`, i);
      }
    }
  });
  return (p) => {
    const lists = [
      everyone,
      byKey.get(`raw:${p.raw}`),
      p.account ? byKey.get(`account:${p.account}`) : undefined,
      p.kind === 'session' ? byKey.get(`role:${p.account}:${p.roleName}`) : undefined,
      p.kind === 'service' ? byKey.get(`service:${p.raw.toLowerCase()}`) : undefined,
    ];
    const out = new Set<number>();
    for (const l of lists) if (l) for (const i of l) out.add(i);
    return [...out].sort((a, b) => a - b);
  };
}
