export * from './kms.js';
export * from './services.js';
export type * from './raw-types.js';
export { IAM_DATA_VERSION } from './generated/iam-data.js';
