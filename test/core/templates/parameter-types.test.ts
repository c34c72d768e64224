import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/templates/parameter-types.json' with { type: 'json' };
import { allTemplates, EXPECTED_FORM, validateParameter } from '../../../source/core/templates/index.js';
import { PARAMETER_TYPES, type ParameterType } from '../../../source/core/templates/types.js';
import type { ScalarParameterType } from '../../../source/core/templates/parameters.js';

interface Row {
  readonly valid: readonly string[];
  readonly invalid: readonly (readonly [string, string])[];
  readonly reduces?: readonly (readonly [string, string])[];
}
const TYPES = fixture.types as unknown as Record<string, Row>;
const SCALARS = PARAMETER_TYPES.filter((t) => !t.endsWith('-list')) as ScalarParameterType[];

describe('every parameter type has a validator (fixture: test/fixtures/templates/parameter-types.json)', () => {
  it('the table covers every scalar type, each with valid and invalid values', () => {
    expect(Object.keys(TYPES).sort()).toEqual([...SCALARS].sort());
    for (const t of SCALARS) {
      expect(TYPES[t]!.valid.length, t).toBeGreaterThan(0);
      expect(TYPES[t]!.invalid.length, t).toBeGreaterThan(0);
    }
  });

  it('every expected form but free text gives an example', () => {
    for (const t of SCALARS) if (t !== 'string') expect(EXPECTED_FORM[t], t).toMatch(/e\.g\.|such as|HMAC_224|96 lowercase/);
  });

  for (const type of SCALARS) {
    const row = TYPES[type]!;
    it.each(row.valid)(`${type}: accepts %j`, (value) => {
      expect(validateParameter({ name: 'Field', type }, value)).toEqual({ ok: true, value: value.trim() });
    });
    it.each(row.invalid.map(([v, why]) => [v, why] as const))(`${type}: refuses %j (%s), naming the field and the expected form`, (value, why) => {
      const check = validateParameter({ name: 'Pending window', type }, value);
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(check.message).toContain(why);
      expect(check.message.startsWith('Pending window: ')).toBe(true);
      expect(check.message).toContain(`(expected ${EXPECTED_FORM[type]})`);
    });
    for (const [value, reduced] of row.reduces ?? []) {
      it(`${type}: reduces ${value} to ${reduced}`, () => {
        expect(validateParameter({ name: 'Key', type }, value)).toEqual({ ok: true, value: reduced });
      });
    }
  }
});

describe('list parameters', () => {
  it('refuse a value given twice, and reduce pasted key ARNs before comparing', () => {
    const arn = 'arn:aws:iam::111122223333:role/Admin';
    const twice = validateParameter({ name: 'admins', type: 'principal-arn-list' }, [arn, arn]);
    expect(twice).toMatchObject({ ok: false });
    if (!twice.ok) expect(twice.message).toContain('admins[1]: "arn:aws:iam::111122223333:role/Admin" is already in the list (entry 0)');
    const id = '1234abcd-12ab-34cd-56ef-1234567890ab';
    const keys = validateParameter({ name: 'keys', type: 'key-id-list' }, [`arn:aws:kms:us-west-2:111122223333:key/${id}`, id]);
    expect(keys.ok).toBe(false);
    expect(validateParameter({ name: 'keys', type: 'key-id-list' }, `arn:aws:kms:us-west-2:111122223333:key/${id}`)).toEqual({ ok: true, value: [id] });
  });
});

describe('templates use the precise types', () => {
  it('no free-text parameter is left where a type fits (only encryption context values stay free text)', () => {
    const free = allTemplates().flatMap((t) => t.parameters.filter((p) => p.type === 'string').map((p) => `${t.id}.${p.name}`));
    expect(free).toEqual(['encryption-context-condition.appName']);
  });

  it('each parameter type the templates use is in the table', () => {
    const used = new Set<ParameterType>(allTemplates().flatMap((t) => t.parameters.map((p) => p.type)));
    for (const t of used) expect(TYPES[t.replace(/-list$/, '')], t).toBeDefined();
  });
});
