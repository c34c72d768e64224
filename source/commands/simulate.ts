/** `simulate`: decides one KMS request against a key policy and identity policies (SPEC 2.1). */
import { visibleLine } from '../core/text/visible.js';
import { kmsAction } from '../core/catalog/kms.js';
import { authorize, defaultKeyArn, parseRequestPrincipal, type AuthorizationResult, type TracedAuthorizationResult, type NamedPolicy, type RequestContext } from '../core/evaluate/index.js';
import { flagBoolean, flagString, flagStrings, parseCommandArgs } from './args.js';
import { EXIT, UsageError, type CommandIo } from './io.js';
import { loadIdentityPolicies, loadPolicy, requireReadable } from './load-policy.js';
import { traceJson, traceText } from './simulate-trace.js';
import { requireGrants } from './load-grants.js';

/** arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID */
const KEY_ARN = /^arn:[a-z-]+:kms:[a-z0-9-]+:\d{12}:key\/[^\s/]+$/;

const FLAGS = {
  action: 'string',
  principal: 'string',
  'key-policy': 'string',
  'identity-policy': 'strings',
  resource: 'string',
  context: 'strings',
  json: 'boolean',
  trace: 'boolean',
  policy: 'string',
  grants: 'string',
} as const;

/** Repeated --context K=V flags; a key given twice becomes a multi-valued key. */
export function parseContext(pairs: readonly string[]): RequestContext {
  // Keys are outside text: a Map, so __proto__, constructor or toString are keys like any other.
  const out = new Map<string, string[]>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`simulate: --context expects KEY=VALUE (got '${pair}')`);
    const key = pair.slice(0, eq);
    const values = out.get(key);
    if (values) values.push(pair.slice(eq + 1));
    else out.set(key, [pair.slice(eq + 1)]);
  }
  // A null-prototype record: Object.fromEntries would make "__proto__" an own key too, but lookups must never reach Object.prototype.
  const context: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of out) context[k] = v.length === 1 ? v[0]! : v;
  return context;
}

function useColor(io: CommandIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

export function formatSimulation(r: AuthorizationResult, request: { action: string; principal: string; resource: string }, color: boolean): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const head =
    r.decision === 'allow' ? paint(32, 'ALLOW')
    : r.decision === 'explicit-deny' ? paint(31, 'DENY (explicit)')
    : r.via === 'iam' ? paint(33, 'DENY (implicit)')
    : paint(33, 'DENY (implicit: nothing allows it)');
  const via =
    r.decision === 'allow' && r.via === 'direct' ? ' - the key policy allows the principal'
    : r.decision === 'allow' && r.via === 'iam' ? ' - the key policy delegates to IAM, and an IAM policy allows'
    : r.decision === 'allow' && r.via === 'grant' ? ' - a grant allows it'
    : r.decision === 'implicit-deny' && r.via === 'iam' ? ' - the key policy delegates to IAM: allowed only if an IAM policy of the principal allows it'
    : '';
  const lines = [
    `Decision:  ${head}${via}`,
    `Action:    ${visibleLine(request.action)}`,
    `Principal: ${visibleLine(request.principal)}`,
    `Resource:  ${visibleLine(request.resource)}`,
  ];
  if (r.matched.length > 0) {
    lines.push('Matched statements:');
    for (const m of r.matched) {
      if (m.policy === 'grant') {
        lines.push(`  ${m.effect.padEnd(5)} grant ${visibleLine(m.grant ?? String(m.statement))}`);
        continue;
      }
      const where = m.policy === 'key' ? 'key policy' : `identity policy ${visibleLine(m.policy.slice('identity:'.length))}`;
      lines.push(`  ${m.effect.padEnd(5)} ${where}, statement ${m.statement}${m.sid ? ` (${visibleLine(m.sid)})` : ''}`);
    }
  } else lines.push('Matched statements: none');
  for (const n of r.notes) lines.push(`Note: ${visibleLine(n)}`);
  return `${lines.join('\n')}\n`;
}

export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const args = parseCommandArgs('simulate', argv, FLAGS);
  if (args.positionals.length > 0) throw new UsageError(`simulate: unexpected argument '${args.positionals[0]}'`);
  const actionFlag = flagString(args, 'action');
  const principalFlag = flagString(args, 'principal');
  if (!actionFlag) throw new UsageError('simulate: --action is required, e.g. --action kms:Decrypt');
  if (!principalFlag) throw new UsageError('simulate: --principal is required, e.g. --principal arn:aws:iam::111122223333:role/ExampleRole');
  const action = kmsAction(actionFlag);
  if (!action) throw new UsageError(`simulate: unknown KMS action '${actionFlag}' (expected e.g. kms:Decrypt)`);
  const principal = parseRequestPrincipal(principalFlag);
  if (principal.kind === 'other' || principal.kind === 'anyone') {
    throw new UsageError(`simulate: --principal must be an IAM ARN (role, user, assumed-role session, account root), a 12-digit account id or a service principal (got '${principalFlag}')`);
  }
  const resource = flagString(args, 'resource');
  if (resource !== undefined && !KEY_ARN.test(resource)) {
    const hint = /:alias\//.test(resource) || resource.startsWith('alias/') ? ': KMS authorizes key operations on the key, not on an alias' : '';
    throw new UsageError(`simulate: --resource must be a key ARN, e.g. arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab (got '${resource}')${hint}`);
  }
  const context = parseContext(flagStrings(args, 'context'));
  const keyPath = flagString(args, 'key-policy');
  const identityPaths = flagStrings(args, 'identity-policy');
  const grantsPath = flagString(args, 'grants');
  if ([keyPath, ...identityPaths, grantsPath].filter((p) => p === '-').length > 1) throw new UsageError("simulate: only one policy can be read from standard input ('-'), grants included");

  let keyPolicy;
  if (keyPath !== undefined) {
    const loaded = await loadPolicy(keyPath, args, io, 'simulate');
    requireReadable(loaded);
    keyPolicy = loaded.parsed.document;
  }
  // --policy picks the key policy out of its source; each identity source must hold one policy.
  const identityPolicies = await loadIdentityPolicies(identityPaths, args, io, 'simulate');
  const grants = await requireGrants(grantsPath, io);
  const trace = flagBoolean(args, 'trace');
  const result = authorize({
    action: action.id,
    principal: principalFlag,
    ...(resource !== undefined ? { resource } : {}),
    context,
    ...(keyPolicy ? { keyPolicy } : {}),
    identityPolicies,
    ...(grantsPath !== undefined ? { grants } : {}),
  }, { trace });
  // authorize returns the trace exactly when asked for it.
  const traced = trace ? (result as TracedAuthorizationResult) : undefined;
  if (flagBoolean(args, 'json')) {
    // SPEC 2.1: every matched entry has the same four keys (sid is null when the statement has none); a grant's also names it.
    const matched = result.matched.map((m) => ({ policy: m.policy, ...(m.grant !== undefined ? { grant: m.grant } : {}), statement: m.statement, sid: m.sid ?? null, effect: m.effect }));
    io.stdout.write(`${JSON.stringify({ decision: result.decision, via: result.via, matched, notes: result.notes, ...(traced ? { trace: traceJson(traced.trace) } : {}) }, null, 2)}\n`);
  } else {
    const shownResource = resource ?? defaultKeyArn(principal);
    io.stdout.write(formatSimulation(result, { action: action.id, principal: principalFlag, resource: action.onKey ? shownResource : '*' }, useColor(io)));
    if (traced) io.stdout.write(traceText(traced));
  }
  return EXIT.ok;
}
