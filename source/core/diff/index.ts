export * from './types.js';
export { diffMatrices, diffPolicies, diffRows, normalizeSubject, statementNamer } from './diff.js';
export { accessOf, allowsAtLeast, implies, type Access } from './access.js';
export type { StatementName } from './why.js';
export { diffJson } from './json.js';
export { formatDiffText, lostPutKeyPolicy } from './text.js';
export { widenedFindings } from './findings.js';
