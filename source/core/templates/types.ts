import type { PolicyKind } from '../policy/model.js';

/** Parameter types (SPEC 5). A "-list" type holds several values and expands into arrays. */
export const PARAMETER_TYPES = [
  'account-id',
  'region',
  'key-id',
  'key-arn',
  'principal-arn',
  'service-principal',
  'org-id',
  'alias-name',
  'alias-pattern',
  'tag-value',
  'service-prefix',
  'trail-name',
  'log-group-pattern',
  'hmac-key-spec',
  'pending-window-days',
  'rotation-period-days',
  'mfa-age-seconds',
  'sha384-hex',
  's3-bucket-arn',
  'vpc-endpoint-id',
  'string',
  'account-id-list',
  'key-id-list',
  'key-arn-list',
  'principal-arn-list',
  'service-principal-list',
] as const;

export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface TemplateParameter {
  readonly name: string;
  readonly label: string;
  readonly type: ParameterType;
  /** The AWS documentation's example value(s). */
  readonly default: string | readonly string[];
  readonly help: string;
}

export interface TemplateSource {
  readonly title: string;
  readonly url: string;
}

/** A documented policy with placeholders (`{{name}}`) and teaching notes. One file per template in templates/. */
export interface Template {
  readonly id: string;
  readonly title: string;
  readonly kind: PolicyKind;
  readonly category: string;
  readonly description: string;
  readonly source: TemplateSource;
  readonly parameters: readonly TemplateParameter[];
  readonly policy: unknown;
  /** One teaching note per statement, in statement order: why it is there, what breaks without it, what to change for production. */
  readonly statementNotes: readonly string[];
  /** Notes about the whole template (e.g. how it differs from the seed page). */
  readonly notes?: string;
}

export type ParameterValue = string | readonly string[];
export type ParameterValues = Readonly<Record<string, ParameterValue>>;

export type ParameterCheck = { readonly ok: true; readonly value: ParameterValue } | { readonly ok: false; readonly message: string };
