/**
 * Comparison of one request value with one policy value, per operator family of
 * the IAM reference (reference_policies_elements_condition_operators.html).
 * Each comparator answers the positive question ("equals", "like", "in range");
 * negated operators are the NOR of it, applied in conditions.ts.
 */
import { escapedWildcardMatch, wildcardMatch } from './wildcard.js';

export type Comparator = (requestValue: string, policyValue: string) => boolean;

/** Numeric operators compare integers or decimals; "1e2", "0x10" or "" are not numbers there. */
function num(s: string): number | undefined {
  const t = s.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : undefined;
}

/** ISO 8601 dates, or epoch seconds (both accepted by the Date operators). */
function date(s: string): number | undefined {
  if (/^\d+$/.test(s.trim())) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

function compareWith(parse: (s: string) => number | undefined, test: (a: number, b: number) => boolean): Comparator {
  return (r, p) => {
    const a = parse(r);
    const b = parse(p);
    return a !== undefined && b !== undefined && test(a, b);
  };
}

function ipv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(part));
  }
  return v;
}

function ipv6(s: string): bigint | undefined {
  let text = s;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4(v4[1]!);
    if (n === undefined) return undefined;
    text = `${text.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  return v;
}

interface Cidr {
  readonly v6: boolean;
  readonly base: bigint;
  readonly bits: number;
}

function parseIp(s: string): Cidr | undefined {
  const [addr = '', prefix] = s.trim().split('/');
  const v6 = addr.includes(':');
  const base = v6 ? ipv6(addr) : ipv4(addr);
  const width = v6 ? 128 : 32;
  const bits = prefix === undefined ? width : /^\d+$/.test(prefix) ? Number(prefix) : -1;
  if (base === undefined || bits < 0 || bits > width) return undefined;
  return { v6, base, bits };
}

/** True when the request IP lies in the policy CIDR (same address family). */
export function ipInCidr(requestIp: string, cidr: string): boolean {
  const ip = parseIp(requestIp);
  const net = parseIp(cidr);
  if (!ip || !net || ip.v6 !== net.v6) return false;
  const width = net.v6 ? 128 : 32;
  const shift = BigInt(width - net.bits);
  return ip.base >> shift === net.base >> shift;
}

function arnLikeWith(match: (pattern: string, value: string) => boolean): Comparator {
  return (r, p) => {
    const rp = r.split(':');
    const pp = p.split(':');
    if (rp.length < 6 || pp.length < 6) return match(p, r);
    const rs = [...rp.slice(0, 5), rp.slice(5).join(':')];
    const ps = [...pp.slice(0, 5), pp.slice(5).join(':')];
    return ps.every((seg, i) => match(seg, rs[i]!));
  };
}
const arnLike = arnLikeWith((p, v) => wildcardMatch(p, v));
const arnLikeEscaped = arnLikeWith(escapedWildcardMatch);

/** Operators whose policy values are wildcard patterns (their substituted variables are literal text). */
export const WILDCARD_OPERATORS: ReadonlySet<string> = new Set(['StringLike', 'StringNotLike', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']);

/** The positive comparison of a wildcard operator, for an escaped pattern (see variables.ts). */
export function likeEscaped(baseOperator: string, r: string, p: string): boolean {
  return baseOperator.startsWith('Arn') ? arnLikeEscaped(r, p) : escapedWildcardMatch(p, r);
}

function base64(s: string): string {
  return s.replace(/\s+/g, '').replace(/=+$/, '');
}

/** Base operator → [positive comparator, negated?]. Null is handled apart. */
export const OPERATORS: Readonly<Record<string, readonly [Comparator, boolean]>> = {
  StringEquals: [(r, p) => r === p, false],
  StringNotEquals: [(r, p) => r === p, true],
  StringEqualsIgnoreCase: [(r, p) => r.toLowerCase() === p.toLowerCase(), false],
  StringNotEqualsIgnoreCase: [(r, p) => r.toLowerCase() === p.toLowerCase(), true],
  StringLike: [(r, p) => wildcardMatch(p, r), false],
  StringNotLike: [(r, p) => wildcardMatch(p, r), true],
  NumericEquals: [compareWith(num, (a, b) => a === b), false],
  NumericNotEquals: [compareWith(num, (a, b) => a === b), true],
  NumericLessThan: [compareWith(num, (a, b) => a < b), false],
  NumericLessThanEquals: [compareWith(num, (a, b) => a <= b), false],
  NumericGreaterThan: [compareWith(num, (a, b) => a > b), false],
  NumericGreaterThanEquals: [compareWith(num, (a, b) => a >= b), false],
  DateEquals: [compareWith(date, (a, b) => a === b), false],
  DateNotEquals: [compareWith(date, (a, b) => a === b), true],
  DateLessThan: [compareWith(date, (a, b) => a < b), false],
  DateLessThanEquals: [compareWith(date, (a, b) => a <= b), false],
  DateGreaterThan: [compareWith(date, (a, b) => a > b), false],
  DateGreaterThanEquals: [compareWith(date, (a, b) => a >= b), false],
  Bool: [(r, p) => r.toLowerCase() === p.toLowerCase(), false],
  BinaryEquals: [(r, p) => base64(r) === base64(p), false],
  IpAddress: [ipInCidr, false],
  NotIpAddress: [ipInCidr, true],
  ArnEquals: [arnLike, false],
  ArnLike: [arnLike, false],
  ArnNotEquals: [arnLike, true],
  ArnNotLike: [arnLike, true],
};
