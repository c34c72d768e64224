import { buildDocument, detectKind, isRecord } from '../policy/model.js';
import { validateParameter, isListType } from './parameters.js';
import { collectPlaceholders, renderTemplate } from './render.js';
import { PARAMETER_TYPES, type Template, type TemplateParameter } from './types.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const KNOWN_FIELDS = new Set(['id', 'title', 'kind', 'category', 'description', 'source', 'parameters', 'policy', 'statementNotes', 'notes']);

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function checkParameter(p: unknown, i: number, problems: string[]): p is TemplateParameter {
  const at = `parameters[${i}]`;
  if (!isRecord(p)) {
    problems.push(`${at}: must be an object`);
    return false;
  }
  const before = problems.length;
  if (typeof p.name !== 'string' || !PARAM_NAME.test(p.name)) problems.push(`${at}: name must be letters, digits or _ (starting with a letter)`);
  if (!nonEmpty(p.label)) problems.push(`${at}: label is missing`);
  if (!nonEmpty(p.help)) problems.push(`${at}: help is missing`);
  if (!(PARAMETER_TYPES as readonly unknown[]).includes(p.type)) problems.push(`${at}: type must be one of ${PARAMETER_TYPES.join(', ')}`);
  if (problems.length > before) return false;
  const param = p as unknown as TemplateParameter;
  const list = isListType(param.type);
  const d: unknown = p.default;
  if (list ? !(Array.isArray(d) && d.every((x) => typeof x === 'string')) : typeof d !== 'string') {
    problems.push(`${at} (${param.name}): default must be ${list ? 'an array of strings' : 'a string'}`);
    return false;
  }
  const check = validateParameter(param, d as string | string[]);
  if (!check.ok) problems.push(`${at}: invalid default: ${check.message}`);
  return true;
}

function statementCount(policy: Record<string, unknown>): number | null {
  const st = policy.Statement;
  if (Array.isArray(st)) return st.length;
  if (isRecord(st)) return 1;
  return null;
}

/**
 * Everything wrong with a template file's content (empty when valid): fields,
 * parameter types and defaults, unknown or unused placeholders, one teaching
 * note per statement, and the declared kind against the rendered policy.
 */
export function validateTemplate(t: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(t)) return ['a template must be a JSON object'];
  for (const k of Object.keys(t)) if (!KNOWN_FIELDS.has(k)) problems.push(`unknown field '${k}'`);
  if (typeof t.id !== 'string' || !KEBAB.test(t.id)) problems.push('id must be kebab-case (lowercase letters, digits, single hyphens)');
  for (const f of ['title', 'category', 'description'] as const) if (!nonEmpty(t[f])) problems.push(`${f} is missing`);
  if (t.kind !== 'key' && t.kind !== 'identity') problems.push("kind must be 'key' or 'identity'");
  const src = t.source;
  if (!isRecord(src) || !nonEmpty(src.title) || typeof src.url !== 'string' || !src.url.startsWith('https://docs.aws.amazon.com/')) {
    problems.push('source needs a title and a url on https://docs.aws.amazon.com/');
  }
  if (t.notes !== undefined && !nonEmpty(t.notes)) problems.push('notes, when present, must be a non-empty string');

  const params: TemplateParameter[] = [];
  if (!Array.isArray(t.parameters)) problems.push('parameters must be an array');
  else {
    t.parameters.forEach((p, i) => {
      if (checkParameter(p, i, problems)) params.push(p);
    });
    const names = params.map((p) => p.name);
    for (const [i, n] of names.entries()) if (names.indexOf(n) !== i) problems.push(`parameter '${n}' is declared twice`);
  }

  if (!isRecord(t.policy)) {
    problems.push('policy must be a JSON object');
    return problems;
  }
  const used = collectPlaceholders(t.policy);
  const declared = new Set(params.map((p) => p.name));
  for (const name of used) if (!declared.has(name)) problems.push(`policy uses {{${name}}}, which is not a parameter`);
  for (const name of declared) if (!used.has(name)) problems.push(`parameter '${name}' is never used in the policy`);

  const count = statementCount(t.policy);
  if (count === null || count === 0) problems.push('policy needs a Statement (an object or a non-empty array)');
  const notes = t.statementNotes;
  if (!Array.isArray(notes) || !notes.every(nonEmpty)) problems.push('statementNotes must be an array of non-empty strings');
  else if (count !== null && notes.length !== count) problems.push(`statementNotes has ${notes.length} notes for ${count} statements (one per statement)`);

  if (problems.length === 0) {
    const rendered = renderTemplate({ parameters: params, policy: t.policy });
    const kind = detectKind(buildDocument(rendered));
    if (kind !== t.kind) problems.push(`kind is '${String(t.kind)}' but the rendered policy is a${kind === 'identity' ? 'n identity' : ' key'} policy`);
  }
  return problems;
}

/** Narrowing helper for loaders: a value that passed validateTemplate. */
export function isTemplate(t: unknown): t is Template {
  return validateTemplate(t).length === 0;
}
