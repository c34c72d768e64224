export * from './types.js';
export { buildMatrix } from './build.js';
export { combineCell, type CellEntry } from './cell.js';
export { ANY_OTHER_PRINCIPAL, OTHER_ACCOUNT_KEYS, instantiatePattern, keyPolicyAccount, keyPolicyRows, identityRows, type RowSubject } from './subjects.js';
export { groupDecision, GROUP_SYMBOLS, type GroupDecision } from './groups.js';
