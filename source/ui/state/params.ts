import type { ParameterCheck, ParameterType, ParameterValue, ParameterValues, Template, TemplateParameter } from '../../core/templates/types.js';

/** One line of the parameters form: a scalar parameter, or one entry of a list parameter. */
export interface ParamRow {
  readonly param: TemplateParameter;
  /** Entry index for list parameters, null for scalars. */
  readonly entry: number | null;
  readonly value: string;
}

export function isListType(type: ParameterType): boolean {
  return type.endsWith('-list');
}

/** The parameter as it applies to one entry of a list ("principal-arn-list" → "principal-arn"). */
export function entryParameter(param: TemplateParameter): TemplateParameter {
  if (!isListType(param.type)) return param;
  const first = Array.isArray(param.default) ? (param.default[0] ?? '') : param.default;
  return { ...param, type: param.type.slice(0, -'-list'.length) as ParameterType, default: first };
}

export function valueOf(template: Template, values: ParameterValues, param: TemplateParameter): ParameterValue {
  return Object.hasOwn(values, param.name) ? values[param.name]! : param.default;
}

export function asList(v: ParameterValue): readonly string[] {
  return typeof v === 'string' ? [v] : v;
}

export function paramRows(template: Template, values: ParameterValues): ParamRow[] {
  const rows: ParamRow[] = [];
  for (const param of template.parameters) {
    const v = valueOf(template, values, param);
    if (isListType(param.type)) asList(v).forEach((value, entry) => rows.push({ param, entry, value }));
    else rows.push({ param, entry: null, value: typeof v === 'string' ? v : v.join(',') });
  }
  return rows;
}

/** Values with one field (or list entry) replaced. */
export function withValue(values: ParameterValues, template: Template, row: ParamRow, value: string): ParameterValues {
  if (row.entry === null) return { ...values, [row.param.name]: value };
  const list = [...asList(valueOf(template, values, row.param))];
  list[row.entry] = value;
  return { ...values, [row.param.name]: list };
}

export function withEntryAdded(values: ParameterValues, template: Template, param: TemplateParameter, value: string): ParameterValues {
  return { ...values, [param.name]: [...asList(valueOf(template, values, param)), value] };
}

export function withEntryRemoved(values: ParameterValues, template: Template, param: TemplateParameter, entry: number): ParameterValues {
  const list = asList(valueOf(template, values, param)).filter((_, i) => i !== entry);
  return { ...values, [param.name]: list };
}

/** Checks one field's text; list entries are checked as their element type. */
export type Validate = (param: TemplateParameter, raw: string) => ParameterCheck;

/**
 * Checks a field's text as its type wants (messages name the field by its label,
 * as the form shows it); a list entry must also differ from the list's other
 * entries (`others`), or Enter would only repeat a principal.
 */
export function checkRow(validate: Validate, row: ParamRow, raw: string, others: readonly string[] = []): { ok: true; value: string } | { ok: false; message: string } {
  const check = validate({ ...entryParameter(row.param), name: row.entry === null ? row.param.label : `${row.param.label} ${row.entry + 1}` }, raw);
  if (!check.ok) return check;
  const value = typeof check.value === 'string' ? check.value : (check.value[0] ?? raw);
  const twin = others.indexOf(value);
  if (row.entry !== null && twin >= 0) return { ok: false, message: `${row.param.label} ${row.entry + 1}: ${JSON.stringify(value)} is already entry ${twin + (twin >= row.entry ? 2 : 1)} of the list; each entry must differ` };
  return { ok: true, value };
}

/** The other entries of a list row's list (empty for a scalar). */
export function otherEntries(rows: readonly ParamRow[], row: ParamRow): string[] {
  if (row.entry === null) return [];
  return rows.filter((r) => r.param.name === row.param.name && r.entry !== row.entry).map((r) => r.value);
}
