/**
 * SPEC 2.2's promise (promise.ts) on every template at its defaults, every readable seed
 * policy and every key policy of the evaluation fixtures: the documents people open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { allTemplates, renderTemplate } from '../../../source/core/templates/index.js';
import { FIXTURES } from '../../helpers/cli.js';
import { SEED_DIR, seedManifest } from '../../helpers/fixtures.js';
import { checkAgreement } from './promise.js';
import { readListGrants } from '../../../source/core/grants/index.js';

const kindOf = (raw: { Statement?: unknown }) =>
  (Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement]).some((s) => s && typeof s === 'object' && ('Principal' in s || 'NotPrincipal' in s)) ? 'key' : 'identity';

describe('every template at its defaults keeps the cell promise', () => {
  it.each(allTemplates().map((t) => [t.id, t] as const))('%s', (_id, t) => {
    checkAgreement(renderTemplate(t), t.kind, 7);
  });
});

describe('every readable seed keeps the cell promise', () => {
  const seeds = [...new Set(seedManifest().filter((s) => s.valid).map((s) => s.file))];
  it.each(seeds)('%s', (file) => {
    const raw = JSON.parse(readFileSync(join(SEED_DIR, file), 'utf8')) as { Statement?: unknown };
    checkAgreement(raw, kindOf(raw), 11);
  });
});

describe('every key policy of the evaluation fixtures keeps the cell promise', () => {
  const dir = join(FIXTURES, 'evaluate');
  const files = readdirSync(dir).filter((f) => f.endsWith('.cases.json'));
  const docs = files.flatMap((f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { keyPolicy?: unknown };
    if (!data.keyPolicy) return [];
    const raw = typeof data.keyPolicy === 'string' ? JSON.parse(readFileSync(join(dir, data.keyPolicy), 'utf8')) : data.keyPolicy;
    return [[f, raw] as const];
  });
  it.each(docs)('%s', (_f, raw) => checkAgreement(raw, 'key', 13));
});

describe('every key policy of the grants fixtures keeps the cell promise with its grants', () => {
  const dir = join(FIXTURES, 'grants');
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.cases.json'))
    .flatMap((f) => {
      const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { keyPolicy?: unknown; grants: unknown };
      const json = (ref: unknown) => (typeof ref === 'string' ? JSON.parse(readFileSync(join(dir, ref), 'utf8')) : ref);
      return data.keyPolicy === undefined ? [] : [[f, json(data.keyPolicy), readListGrants(f, JSON.stringify(json(data.grants))).grants] as const];
    });
  it.each(docs)('%s', (_f, raw, grants) => checkAgreement(raw, 'key', 17, grants));
});
