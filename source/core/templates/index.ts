import { TEMPLATE_DATA } from './generated/index.js';
import type { ParameterValue, Template } from './types.js';

export * from './types.js';
export { validateParameter, expectedForm, isListType, scalarTypeOf, EXPECTED_FORM } from './parameters.js';
export { renderTemplate, placeholdersIn, collectPlaceholders } from './render.js';
export { validateTemplate } from './validate.js';
export { AWS_REGIONS, isAwsRegion } from './regions.js';

/** Every bundled template, in id order. Cheap: the data is already in memory. */
export function allTemplates(): readonly Template[] {
  return TEMPLATE_DATA as readonly Template[];
}

/** Every parameter's default (the AWS documentation's example values), by name. */
export function defaultValues(template: Pick<Template, 'parameters'>): Record<string, ParameterValue> {
  return Object.fromEntries(template.parameters.map((p) => [p.name, p.default]));
}

export function findTemplate(id: string): Template | undefined {
  return allTemplates().find((t) => t.id === id);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Template ids close to a mistyped one: containing it, or within a few edits. Best first, at most `limit`. */
export function closeTemplateIds(id: string, limit = 3): string[] {
  const wanted = id.toLowerCase();
  const words = wanted.split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  return allTemplates()
    .map((t) => {
      const d = editDistance(wanted, t.id);
      const contains = t.id.includes(wanted) || wanted.includes(t.id);
      const shared = words.filter((w) => t.id.includes(w)).length;
      const score = contains ? 0 : d <= Math.max(2, Math.floor(t.id.length / 4)) ? d : shared > 0 ? 100 - shared : Infinity;
      return { id: t.id, score, d };
    })
    .filter((x) => x.score !== Infinity)
    .sort((x, y) => x.score - y.score || x.d - y.d)
    .slice(0, limit)
    .map((x) => x.id);
}
