/**
 * AWS Region codes of the commercial partition (`aws`), the only partition the
 * templates' ARNs (`arn:aws:...`) can name. China and GovCloud Regions are known
 * too, so that a user who types one is told why it does not fit rather than
 * that it is unknown.
 * Source: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export const AWS_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;

/** Regions of other partitions (their ARNs begin arn:aws-cn: / arn:aws-us-gov:). */
export const OTHER_PARTITION_REGIONS: Readonly<Record<string, string>> = {
  'cn-north-1': 'aws-cn',
  'cn-northwest-1': 'aws-cn',
  'us-gov-east-1': 'aws-us-gov',
  'us-gov-west-1': 'aws-us-gov',
};

const REGION_SET: ReadonlySet<string> = new Set(AWS_REGIONS);

export function isAwsRegion(code: string): boolean {
  return REGION_SET.has(code);
}

/** Looks like a Region code (letters-letters-digit), known or not. */
export const REGION_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
