import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectKind, parsePolicy, serializePolicy } from '../../../source/core/policy/index.js';
import { allTemplates, closeTemplateIds, defaultValues, findTemplate, renderTemplate, validateTemplate, type Template } from '../../../source/core/templates/index.js';
import { ROOT } from '../../helpers/cli.js';
import { readFixture, seedManifest } from '../../helpers/fixtures.js';

const TEMPLATE_DIR = join(ROOT, 'templates');
const files = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.json')).sort();
const fromDisk = files.map((f) => ({ file: f, data: JSON.parse(readFileSync(join(TEMPLATE_DIR, f), 'utf8')) as Template }));

interface SeedMapping {
  readonly template: string;
  readonly params: Record<string, string>;
  readonly match: 'exact' | 'older-wording' | 'account-ids';
  readonly accountIds?: Record<string, string>;
}
const mapping = (JSON.parse(readFixture('seeds', 'templates.json')) as { fixtures: Record<string, SeedMapping> }).fixtures;

describe('every template file', () => {
  it('there are at least 30 templates (SPEC 5)', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fromDisk)('$file is valid, renders at its defaults, parses back and has its declared kind', ({ file, data }) => {
    expect(validateTemplate(data)).toEqual([]);
    expect(`${data.id}.json`).toBe(file);
    const rendered = renderTemplate(data);
    expect(JSON.stringify(rendered)).not.toMatch(/\{\{/);
    const parsed = parsePolicy(serializePolicy(rendered));
    expect(parsed.findings).toEqual([]);
    expect(parsed.document?.raw).toEqual(rendered);
    expect(detectKind(parsed.document!)).toBe(data.kind);
  });

  it('are all bundled: allTemplates() holds exactly the files (run scripts/generate-templates.mjs if this fails)', () => {
    expect(allTemplates().map((t) => t.id).sort()).toEqual(fromDisk.map((t) => t.data.id).sort());
  });
});

describe('seed policies (SPEC 5)', () => {
  const manifest = seedManifest();

  it('every seed fixture is mapped to a template', () => {
    expect(Object.keys(mapping).sort()).toEqual(manifest.map((m) => m.file).sort());
  });

  it.each(manifest.filter((m) => m.valid))('$file is reproduced by its template', (m) => {
    const map = mapping[m.file]!;
    const template = findTemplate(map.template);
    expect(template, map.template).toBeDefined();
    const rendered = renderTemplate(template!, map.params);
    let text = readFixture('seeds', m.file);
    if (map.match === 'older-wording') {
      // The CMK-era example: the template carries the current wording and says how the old one differs.
      expect(template!.notes).toMatch(/older|CMK-era/i);
      expect(m.file.startsWith('cmk-')).toBe(true);
      const old = JSON.parse(text) as { Statement: unknown[] };
      const current = rendered as { Statement: unknown[] };
      expect(current.Statement).toHaveLength(old.Statement.length);
      return;
    }
    if (map.match === 'account-ids') {
      expect(template!.notes).toMatch(/12 digits/);
      expect(template!.notes).toMatch(/INVALID_ACCOUNT_ID/);
      for (const [bad, good] of Object.entries(map.accountIds ?? {})) text = text.split(`::${bad}:`).join(`::${good}:`);
    }
    expect(rendered).toEqual(JSON.parse(text));
  });

  it('the invalid CMK-era fixture maps to a template whose notes name the invalid Action block', () => {
    const t = findTemplate(mapping['cmk-create-key-related-invalid.json']!.template)!;
    expect(t.notes).toMatch(/"Action": \{/);
  });

  it('the generator seed has its own template with the page example values as defaults', () => {
    const t = findTemplate(mapping['generator-encrypt-decrypt-one-key.json']!.template)!;
    expect(Object.fromEntries(t.parameters.map((p) => [p.name, p.default]))).toEqual({
      region: 'us-east-1',
      account: '123456789012',
      key_id: '12345678-1234-1234-1234-123456789012',
    });
  });
});

describe('lookup', () => {
  it('finds templates by id and suggests close ids for typos', () => {
    expect(findTemplate('create-key')?.title).toMatch(/Create KMS keys/);
    expect(findTemplate('nope')).toBeUndefined();
    expect(closeTemplateIds('create-kye')[0]).toBe('create-key');
    expect(closeTemplateIds('zzzzzzzzzzzzzzzzzz')).toEqual([]);
  });

  it('rendering with the defaults given explicitly equals rendering with none', () => {
    for (const t of allTemplates()) expect(renderTemplate(t, defaultValues(t))).toEqual(renderTemplate(t));
  });
});
