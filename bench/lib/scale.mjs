/**
 * Large policies for the SPEC 7 scale rows: a key policy of N statements naming N/2
 * principals, and an identity policy of N statements each on its own key (plus some
 * account-wide wildcards), as a repository of generated policies would hold. The
 * matrix lists every statement that reaches each key, so its output (and cost) grows with
 * rows x wildcard statements: a few wildcards keep the output, and the row, linear.
 */
import { ACCOUNT, CRYPTO_ACTIONS, OTHER_ACCOUNTS, generateKeyPolicy, rng } from './policies.mjs';

export const scaleKeyPolicy = (statements) => generateKeyPolicy({ statements, principals: Math.floor(statements / 2), seed: statements });

export function scaleIdentityPolicy(statements) {
  const r = rng(statements + 1);
  const Statement = [];
  for (let i = 0; i < statements; i++) {
    const account = r.next() < 0.8 ? ACCOUNT : r.pick(OTHER_ACCOUNTS);
    const key = `${String(i).padStart(8, '0')}-12ab-34cd-56ef-1234567890ab`;
    const Resource = i % 1000 === 7 ? `arn:aws:kms:*:${account}:key/*` : `arn:aws:kms:us-west-2:${account}:key/${key}`;
    Statement.push({ Sid: `S${i}`, Effect: r.next() < 0.1 ? 'Deny' : 'Allow', Action: r.some(CRYPTO_ACTIONS, 1, 4), Resource });
  }
  return { Version: '2012-10-17', Statement };
}

/** Median wall time (ms) of `fn` over `runs` runs after one warm-up. */
export function timeRuns(fn, runs = 5) {
  fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(t.length / 2)];
}
