import { isRecord } from '../policy/model.js';
import { allTemplates, isListType, type Template } from '../templates/index.js';
import { PLACEHOLDER } from '../templates/render.js';

/**
 * Which template a policy is a render of, so `explain` can show that template's
 * teaching notes. A policy matches when it has the template's exact shape and
 * every literal, and each placeholder holds some value (the same value wherever
 * a scalar placeholder recurs). A list placeholder may hold one or more values,
 * written as a string or a list. Edited or imported policies that differ in any
 * literal (a Sid, an action, a condition) do not match: their notes could mislead.
 */
export function matchTemplate(value: unknown, templates: readonly Template[] = allTemplates()): Template | null {
  for (const t of templates) {
    const lists = new Set(t.parameters.filter((p) => isListType(p.type)).map((p) => p.name));
    if (matches(t.policy, value, lists, new Map())) return t;
  }
  return null;
}

type Bindings = Map<string, string>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches one string against a template string; binds scalar placeholders. */
function matchString(template: string, value: string, lists: ReadonlySet<string>, bindings: Bindings): boolean {
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    pattern += `${escapeRegExp(template.slice(last, m.index))}(.+?)`;
    names.push(m[1]!);
    last = m.index + m[0].length;
  }
  if (names.length === 0) return template === value;
  const found = new RegExp(`^${pattern}${escapeRegExp(template.slice(last))}$`, 's').exec(value);
  if (!found) return false;
  for (const [i, name] of names.entries()) {
    if (lists.has(name)) continue;
    const bound = bindings.get(name);
    if (bound !== undefined && bound !== found[i + 1]) return false;
    bindings.set(name, found[i + 1]!);
  }
  return true;
}

function hasListPlaceholder(text: string, lists: ReadonlySet<string>): boolean {
  return [...text.matchAll(PLACEHOLDER)].some((m) => lists.has(m[1]!));
}

/** Array items: a template item holding a list placeholder stands for one or more items. */
function matchItems(template: readonly unknown[], value: readonly unknown[], ti: number, vi: number, lists: ReadonlySet<string>, bindings: Bindings): boolean {
  if (ti === template.length) return vi === value.length;
  const t = template[ti];
  if (typeof t === 'string' && hasListPlaceholder(t, lists)) {
    for (let end = vi + 1; end <= value.length; end++) {
      const item = value[end - 1];
      if (typeof item !== 'string' || !matchString(t, item, lists, bindings)) return false;
      const trial = new Map(bindings);
      if (matchItems(template, value, ti + 1, end, lists, trial)) {
        for (const [k, v] of trial) bindings.set(k, v);
        return true;
      }
    }
    return false;
  }
  if (vi >= value.length || !matches(t, value[vi], lists, bindings)) return false;
  return matchItems(template, value, ti + 1, vi + 1, lists, bindings);
}

function matches(template: unknown, value: unknown, lists: ReadonlySet<string>, bindings: Bindings): boolean {
  if (typeof template === 'string') {
    if (hasListPlaceholder(template, lists) && Array.isArray(value)) {
      return value.length > 0 && value.every((v) => typeof v === 'string' && matchString(template, v, lists, bindings));
    }
    return typeof value === 'string' && matchString(template, value, lists, bindings);
  }
  if (Array.isArray(template)) return Array.isArray(value) && matchItems(template, value, 0, 0, lists, bindings);
  if (isRecord(template)) {
    if (!isRecord(value)) return false;
    const keys = Object.keys(template);
    if (keys.length !== Object.keys(value).length) return false;
    return keys.every((k) => Object.hasOwn(value, k) && matches(template[k], value[k], lists, bindings));
  }
  return template === value;
}
