/**
 * The grant model (SPEC 2.6), after the KMS developer guide's grants pages:
 * https://docs.aws.amazon.com/kms/latest/developerguide/grants.html (concepts, grant operations),
 * https://docs.aws.amazon.com/kms/latest/developerguide/create-grant-overview.html (constraints),
 * and the API reference of GrantConstraints and GrantListEntry
 * (https://docs.aws.amazon.com/kms/latest/APIReference/API_GrantConstraints.html).
 */

/** 1-based line and column in the grants file, for findings and the UI. */
export interface GrantPosition {
  readonly line: number;
  readonly column: number;
}

/** EncryptionContextEquals / EncryptionContextSubset: pairs the request's encryption context must match. */
export interface GrantConstraints {
  /** The request's encryption context must be exactly these pairs (keys case-insensitive, values case-sensitive). */
  readonly encryptionContextEquals?: Readonly<Record<string, string>>;
  /** The request's encryption context must include these pairs, and may hold more. */
  readonly encryptionContextSubset?: Readonly<Record<string, string>>;
}

/** One grant of one key, as list-grants or aws_kms_grant describes it. */
export interface Grant {
  /** GrantId; for Terraform, the resource address (`aws_kms_grant.ebs`) until AWS assigns one. */
  readonly id: string;
  /** KeyId: the key ARN (list-grants), or the key id / reference as written (Terraform). */
  readonly keyId: string;
  readonly grantee: string;
  readonly retiringPrincipal?: string;
  /** Operation names as KMS writes them ("Decrypt", "RetireGrant"), only those a grant can carry. */
  readonly operations: readonly string[];
  readonly constraints?: GrantConstraints;
  readonly name?: string;
  /** IssuingAccount: `arn:aws:iam::ACCT:root` as list-grants prints it. */
  readonly issuingAccount?: string;
  /** Where the grant is written. */
  readonly position: GrantPosition;
  /** JSON pointer of the grant in its list-grants page ("" for Terraform). */
  readonly path: string;
  /** The file it was read from. */
  readonly file: string;
}

/**
 * The operations a grant can allow (grants.html, "Grant operations"; CreateGrant's
 * Operations parameter: "This list must include only operations that are permitted
 * in a grant"). Everything else (PutKeyPolicy, ListGrants, RevokeGrant, ScheduleKeyDeletion ...)
 * can never be in a grant: such a grant is refused when read.
 */
export const GRANT_OPERATIONS: ReadonlySet<string> = new Set([
  'CreateGrant',
  'Decrypt',
  'DeriveSharedSecret',
  'DescribeKey',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateMac',
  'GetPublicKey',
  'ReEncryptFrom',
  'ReEncryptTo',
  'RetireGrant',
  'Sign',
  'Verify',
  'VerifyMac',
]);

/**
 * The grant operations that take an encryption context, the only ones its constraints
 * apply to (API_GrantConstraints.html: "Grant constraints are not applied to operations
 * that do not support an encryption context, such as cryptographic operations with
 * asymmetric KMS keys and management operations, such as DescribeKey or RetireGrant").
 * CreateGrant is left out: a constrained grant's CreateGrant only asks the new grant to
 * be as strict, which no request context decides here, so it is shown unconstrained
 * (the answer that shows the key's owner more access, never less).
 */
export const CONTEXT_OPERATIONS: ReadonlySet<string> = new Set([
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
]);

/** True when a grant has an encryption context constraint (an empty map counts as none). */
export function isConstrained(g: Grant): boolean {
  const c = g.constraints;
  return Object.keys(c?.encryptionContextEquals ?? {}).length > 0 || Object.keys(c?.encryptionContextSubset ?? {}).length > 0;
}
