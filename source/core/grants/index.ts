export * from './model.js';
export { readListGrants, readGrantEntry, type GrantsRead } from './read.js';
export { readTerraformGrants } from './terraform.js';
export { grantClauses, grantContext, grantCoversKey, grantKeyId, grantMiss, grantPrincipalCovers, grantReach, type GrantMiss, type GrantReach } from './evaluate.js';
export { describeConstraints, describeGrant, grantLines } from './describe.js';
export { lintGrants, type GrantLintOptions } from './lint.js';
