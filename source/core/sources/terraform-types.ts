/** The Terraform resource types whose `policy` attribute is a KMS key policy or an IAM policy (SPEC 2.5). */
export const TERRAFORM_POLICY_RESOURCES = {
  aws_kms_key: 'key',
  aws_kms_key_policy: 'key',
  aws_kms_replica_key: 'key',
  aws_kms_replica_external_key: 'key',
  aws_kms_external_key: 'key',
  aws_iam_policy: 'identity',
  aws_iam_role_policy: 'identity',
  aws_iam_user_policy: 'identity',
  aws_iam_group_policy: 'identity',
} as const;
