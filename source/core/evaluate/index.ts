export * from './types.js';
export { authorize, requestContext, defaultKeyArn, EXAMPLE_ACCOUNT, EXAMPLE_KEY_ID, NOTE_IAM_DELEGATION, NOTE_KEY_POLICY_UNKNOWN, NOTE_SERVICE_NO_IDENTITY } from './authorize.js';
export { compileDocument, compileStatement, type CompiledStatement } from './compile.js';
export { clauseHolds, conditionsHold, normalizeContext, type NormalizedContext } from './conditions.js';
export { parseRequestPrincipal, statementPrincipal, matchPrincipalElement, type RequestPrincipal } from './principal.js';
export { resourceMatches, splitArn, arnAccount } from './resource.js';
export { wildcardMatch } from './wildcard.js';
export { becauseText, ELEMENT_TEXT, RULE_TEXT } from './trace-text.js';
