/**
 * Engine figures (SPEC 7): the full matrix of a generated 500-statement, 100-principal key
 * policy, and `simulate` per request against @cloud-copilot/iam-simulate on the same requests.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { ACCOUNT, ALL_NAMED_ACTIONS, KEY_ARN, OTHER_ACCOUNTS, generateIdentityPolicy, generateKeyPolicy, randomContext, rng } from './lib/policies.mjs';
import { median, spread } from './lib/stats.mjs';
import { scaleIdentityPolicy, scaleKeyPolicy, timeRuns } from './lib/scale.mjs';

const IDENTITY_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' },
    { Effect: 'Deny', Action: 'kms:ScheduleKeyDeletion', Resource: '*' },
  ],
};

function principalsOf(policy) {
  const out = new Set();
  for (const s of policy.Statement) {
    const p = s.Principal;
    if (!p || typeof p !== 'object') continue;
    for (const v of [p.AWS, p.Service].flat()) if (typeof v === 'string' && v !== '*') out.add(v);
  }
  return [...out];
}

/** The same requests for both engines: key policies as JSON values, principal, action, key ARN, context, identity policies. */
export function simulateRequests(mod, count = 300) {
  const r = rng(7);
  const policies = [
    ...mod
      .allTemplates()
      .filter((t) => t.kind === 'key')
      .map((t) => mod.renderTemplate(t, {})),
    generateKeyPolicy({ statements: 30, principals: 12, seed: 11 }),
    generateKeyPolicy({ statements: 60, principals: 25, seed: 12 }),
  ];
  const requests = [];
  for (let i = 0; i < count; i++) {
    const keyPolicy = policies[i % policies.length];
    const named = principalsOf(keyPolicy);
    const principal =
      named.length > 0 && r.next() < 0.7 ? r.pick(named).replace(/:root$/, ':role/SomeRole') : r.pick([`arn:aws:iam::${ACCOUNT}:role/Other`, `arn:aws:iam::${r.pick(OTHER_ACCOUNTS)}:role/Partner`]);
    requests.push({
      keyPolicy,
      principal,
      action: r.pick(ALL_NAMED_ACTIONS),
      context: randomContext(r),
      identityPolicies: principal.startsWith('arn:') && r.next() < 0.5 ? [{ name: 'app', policy: IDENTITY_POLICY }] : [],
    });
  }
  return requests;
}

/** Ours as `simulate` does it: check the action, build the documents from the JSON values, authorize. */
function ours(mod, q) {
  const action = mod.kmsAction(q.action);
  if (!action) throw new Error(`unknown action ${q.action}`);
  return mod.authorize({
    action: action.id,
    principal: q.principal,
    resource: KEY_ARN,
    context: q.context,
    keyPolicy: mod.buildDocument(q.keyPolicy),
    identityPolicies: q.identityPolicies.map((p) => ({ name: p.name, document: mod.buildDocument(p.policy) })),
  });
}

/** iam-simulate's public entry (validated), with the key policy as the resource policy. */
function theirs(q) {
  return runSimulation(
    {
      request: { principal: q.principal, action: q.action, resource: { resource: KEY_ARN, accountId: ACCOUNT }, contextVariables: q.context },
      identityPolicies: q.identityPolicies,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: q.keyPolicy,
    },
    {},
  );
}

/** Per-request microseconds of `rounds` passes over the requests. */
async function perRequest(requests, rounds, run) {
  const us = [];
  for (let k = 0; k < rounds; k++) {
    const t0 = performance.now();
    for (const q of requests) await run(q);
    us.push(((performance.now() - t0) * 1000) / requests.length);
  }
  return us;
}

/** The largest generated key policy under 32 KB (the KMS limit) as 2-space JSON, and a changed version of it of at most 32 KB. */
export function diffPair() {
  let n = 20;
  const text = (p) => JSON.stringify(p, null, 2);
  while (text(generateKeyPolicy({ statements: n + 5, principals: Math.ceil((n + 5) / 3), seed: 32 })).length <= 31 * 1024) n += 5;
  const old = generateKeyPolicy({ statements: n, principals: Math.ceil(n / 3), seed: 32 });
  const statements = [...old.Statement].reverse().map((s) => ({ ...s }));
  const conditional = statements.find((s) => s.Condition && s.Effect === 'Allow');
  if (conditional) delete conditional.Condition;
  statements.push({ Sid: 'Partner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNTS[0]}:root` }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' });
  return [text(old), text({ ...old, Statement: statements })];
}

export async function engineBench(mod, log) {
  const rows = [];

  // Matrix: parse the JSON value into the model and build every cell, as the UI does on open.
  const big = generateKeyPolicy({ statements: 500, principals: 100, seed: 500 });
  const t = [];
  const cpu = [];
  for (let i = 0; i < 12; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const m = mod.buildMatrix(mod.buildDocument(big), 'key');
    t.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (i === 0) log(`  matrix: ${m.rows.length} rows x ${m.actions.length} actions`);
  }
  const cold = t.shift();
  cpu.shift();
  const mMed = median(t);
  const [m25, m75] = spread(t);
  rows.push({
    figure: 'Full matrix, 500 statements / 100 principals (ms)',
    target: '<= 50',
    median: mMed,
    spread: `IQR ${m25.toFixed(1)}–${m75.toFixed(1)}; first run ${cold.toFixed(0)}`,
    extra: `CPU median ${median(cpu).toFixed(1)}`,
    ok: mMed <= 50,
  });

  // lint of 5,000-statement policies (SPEC 7: cost grows linearly), from the text as the CLI reads it.
  for (const [label, policy] of [
    ['key', generateKeyPolicy({ statements: 5000, principals: 200, seed: 5000 })],
    ['identity', generateIdentityPolicy({ statements: 5000, seed: 5000 })],
  ]) {
    const text = JSON.stringify(policy, null, 2);
    const lt = [];
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      const r = mod.lintPolicy(text, { kind: label });
      lt.push(performance.now() - t0);
      if (i === 0) log(`  lint ${label}: ${r.findings.length} findings`);
    }
    const first = lt.shift();
    const med = median(lt);
    rows.push({ figure: `lint, 5,000-statement ${label} policy (ms)`, target: '<= 1000', median: med, spread: `first run ${first.toFixed(0)}`, extra: '', ok: med <= 1000 });
  }

  // diff of two 32 KB key policies (SPEC 7: <= 100 ms in process), from the text as the CLI reads it:
  // the new version reorders the statements, drops a condition and adds a cross-account principal.
  {
    const [oldText, newText] = diffPair();
    log(`  diff: ${oldText.length} and ${newText.length} bytes`);
    const dt = [];
    const dcpu = [];
    for (let i = 0; i < 12; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const d = mod.diffPolicies(mod.parsePolicy(oldText).document, mod.parsePolicy(newText).document, 'key');
      dt.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      dcpu.push((c.user + c.system) / 1000);
      if (i === 0) log(`  diff: ${d.summary.widened} widened, ${d.summary.narrowed} narrowed, ${d.summary.changed} changed`);
    }
    const first = dt.shift();
    dcpu.shift();
    const med = median(dt);
    const [d25, d75] = spread(dt);
    rows.push({ figure: 'diff of two 32 KB key policies (ms)', target: '<= 100', median: med, spread: `IQR ${d25.toFixed(1)}–${d75.toFixed(1)}; first run ${first.toFixed(0)}`, extra: `CPU median ${median(dcpu).toFixed(1)}`, ok: med <= 100 });
  }

  // SPEC 7 scale rows: cost grows linearly, so 5,000 statements stay within a second.
  for (const [kind, make] of [['key', scaleKeyPolicy], ['identity', scaleIdentityPolicy]]) {
    const raw = make(5000);
    const ms = timeRuns(() => mod.buildMatrix(mod.buildDocument(raw), kind), 3);
    rows.push({ figure: `Matrix of a 5,000-statement ${kind} policy (ms)`, target: '<= 1000', median: ms, spread: '', extra: '', ok: ms <= 1000 });
  }

  // simulate vs iam-simulate, same requests, alternating rounds.
  const requests = simulateRequests(mod);
  // Warm-up: the same number of requests for each engine (JIT tiers, iam-simulate loads iam-data).
  await perRequest(requests, 5, (q) => ours(mod, q));
  await perRequest(requests, 5, theirs);
  const a = [];
  const b = [];
  for (let k = 0; k < 12; k++) {
    a.push(...(await perRequest(requests, 3, (q) => ours(mod, q))));
    b.push(...(await perRequest(requests, 1, theirs)));
  }
  const oMed = median(a);
  const tMed = median(b);
  const ratio = tMed / oMed;
  const [o25, o75] = spread(a);
  const [t25, t75] = spread(b);
  rows.push({
    figure: `simulate per request, ${requests.length} requests (µs)`,
    target: '>= 50x faster',
    median: oMed,
    spread: `IQR ${o25.toFixed(1)}–${o75.toFixed(1)}`,
    extra: `${ratio.toFixed(1)}x`,
    ok: ratio >= 50,
  });
  rows.push({
    figure: '  iam-simulate runSimulation, same requests (µs)',
    target: '',
    median: tMed,
    spread: `IQR ${t25.toFixed(0)}–${t75.toFixed(0)}`,
    extra: '',
    ok: null,
  });
  return rows;
}
