import { isRecord } from '../policy/model.js';
import { isListType } from './parameters.js';
import type { ParameterValue, ParameterValues, Template, TemplateParameter } from './types.js';

/** `{{name}}`: names are letters, digits and underscores, starting with a letter. */
export const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9_]*)\}\}/g;

/** Placeholder names used in a string, in order of appearance (duplicates kept). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Every placeholder name used anywhere in a value (string values only; keys are never substituted). */
export function collectPlaceholders(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') for (const name of placeholdersIn(value)) into.add(name);
  else if (Array.isArray(value)) for (const v of value) collectPlaceholders(v, into);
  else if (isRecord(value)) for (const v of Object.values(value)) collectPlaceholders(v, into);
  return into;
}

type Resolved = ReadonlyMap<string, { readonly list: boolean; readonly values: readonly string[] }>;

/**
 * Expands one string: scalars are replaced in place; each list placeholder
 * multiplies the result by its values (in order), so a string holding one list
 * placeholder yields one string per list value.
 */
function expandString(text: string, resolved: Resolved): { readonly list: boolean; readonly values: string[] } {
  let results = [''];
  let list = false;
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const literal = text.slice(last, m.index);
    last = m.index + m[0].length;
    const param = resolved.get(m[1]!);
    // Unknown names stay as written; validateTemplate reports them.
    const options = param ? param.values : [m[0]];
    if (param?.list) list = true;
    results = results.flatMap((prefix) => options.map((o) => prefix + literal + o));
  }
  const tail = text.slice(last);
  return { list, values: results.map((r) => r + tail) };
}

function substitute(value: unknown, resolved: Resolved): unknown {
  if (typeof value === 'string') {
    const { list, values } = expandString(value, resolved);
    return list ? values : values[0];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item === 'string') {
        const { list, values } = expandString(item, resolved);
        return list ? values : [values[0]];
      }
      return [substitute(item, resolved)];
    });
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, { value: substitute(v, resolved), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function asList(value: ParameterValue): readonly string[] {
  if (typeof value !== 'string') return value;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function resolve(parameters: readonly TemplateParameter[], values: ParameterValues): Resolved {
  const resolved = new Map<string, { list: boolean; values: readonly string[] }>();
  for (const p of parameters) {
    const given = Object.hasOwn(values, p.name) ? values[p.name] : undefined;
    const value = given ?? p.default;
    const list = isListType(p.type);
    resolved.set(p.name, list ? { list, values: asList(value) } : { list, values: [typeof value === 'string' ? value : value.join(',')] });
  }
  return resolved;
}

/**
 * The template's policy with every placeholder replaced. Missing values take
 * the parameter's default. Values are used as given: check them first with
 * validateParameter (the CLI and the form do).
 */
export function renderTemplate(template: Pick<Template, 'parameters' | 'policy'>, values: ParameterValues = {}): unknown {
  return substitute(template.policy, resolve(template.parameters, values));
}
