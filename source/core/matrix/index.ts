export * from './types.js';
export { buildMatrix, matrixKeyArn, type MatrixOptions } from './build.js';
export { cellConditionKeys, cellFromPaths, NONE_CELL } from './cell.js';
export { ANY_OTHER_PRINCIPAL, OTHER_ACCOUNT_KEYS, accountStatementAccount, instantiatePattern, keyPolicyAccount, keyPolicyRows, identityRows, type RowSubject } from './subjects.js';
export {
  actionsDisplay,
  cellDisplay,
  DISPLAY_LEGEND,
  DISPLAY_MEANINGS,
  DISPLAY_SYMBOLS,
  DISPLAY_WORDS,
  groupDecision,
  groupDisplay,
  type CellDisplay,
  type GroupDecision,
  type GroupDisplay,
} from './groups.js';
export { describeCondition, describePath } from './describe.js';
