import type { Template } from '../../core/templates/types.js';

/** The browser's list: key policies first, then identity policies; within each, by category, then in library order. */
export const KIND_ORDER = ['key', 'identity'] as const;
export const KIND_HEADINGS = { key: 'Key policies', identity: 'IAM identity policies' } as const;

function actionsOf(policy: unknown, out: string[] = []): string[] {
  if (Array.isArray(policy)) for (const p of policy) actionsOf(p, out);
  else if (typeof policy === 'object' && policy !== null) {
    for (const [k, v] of Object.entries(policy)) {
      if ((k === 'Action' || k === 'NotAction') && (typeof v === 'string' || Array.isArray(v))) out.push(...[v].flat().map(String));
      else actionsOf(v, out);
    }
  }
  return out;
}

const haystacks = new WeakMap<Template, string>();

/** Lower-case text of everything a filter word may match: title, id, category and actions. */
function haystack(t: Template): string {
  let h = haystacks.get(t);
  if (h === undefined) {
    h = [t.title, t.id, t.category, ...actionsOf(t.policy)].join(' ').toLowerCase();
    haystacks.set(t, h);
  }
  return h;
}

/** Templates matching every word of the filter, grouped by kind and category (in the order the browser shows them). */
export function browseList(templates: readonly Template[], filter: string): Template[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = templates.filter((t) => words.every((w) => haystack(t).includes(w)));
  // Array.prototype.sort is stable: library order stays within a category.
  return KIND_ORDER.flatMap((kind) => matching.filter((t) => t.kind === kind).sort((a, b) => a.category.localeCompare(b.category, 'en')));
}
