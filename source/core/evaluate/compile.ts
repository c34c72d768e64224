/**
 * Statements compiled once for repeated evaluation (simulate, matrix): action
 * and resource patterns become matchers, Effect becomes a flag.
 */
import type { ConditionClause, PolicyDocument, PrincipalElement, Statement } from '../policy/model.js';
import { compileActions, type ActionMatcher } from './action.js';
import { compileResources, type ResourceMatcher } from './resource.js';

export interface CompiledStatement {
  readonly index: number;
  readonly sid: string | undefined;
  /** 'Allow' or 'Deny'; any other Effect makes the statement inert. */
  readonly effect: 'Allow' | 'Deny' | null;
  /** Matches the action (Action, or everything but NotAction); false when neither is given. */
  readonly action: ActionMatcher;
  /** Matches the resource (Resource, or everything but NotResource); false when neither is given. */
  readonly resource: ResourceMatcher;
  /** The element a failed action or resource match is reported against (trace). */
  readonly actionElement: 'Action' | 'NotAction';
  readonly resourceElement: 'Resource' | 'NotResource';
  /** The Resource patterns as written (undefined with NotResource or no Resource), for indexes. */
  readonly resourcePatterns: readonly string[] | undefined;
  readonly principal: PrincipalElement | undefined;
  readonly notPrincipal: PrincipalElement | undefined;
  readonly conditions: readonly ConditionClause[];
}

const never = () => false;

export function compileStatement(s: Statement): CompiledStatement {
  const actionMatch = s.action ? compileActions(s.action) : undefined;
  const notActionMatch = s.notAction ? compileActions(s.notAction) : undefined;
  const resourceMatch = s.resource ? compileResources(s.resource) : undefined;
  const notResourceMatch = s.notResource ? compileResources(s.notResource) : undefined;
  return {
    index: s.index,
    sid: s.sid,
    effect: s.effect === 'Allow' || s.effect === 'Deny' ? s.effect : null,
    action: actionMatch ?? (notActionMatch ? (a: string) => !notActionMatch(a) : never),
    resource: resourceMatch ?? (notResourceMatch ? (r, ctx) => !notResourceMatch(r, ctx) : never),
    actionElement: !s.action && s.notAction ? 'NotAction' : 'Action',
    resourceElement: !s.resource && s.notResource ? 'NotResource' : 'Resource',
    resourcePatterns: s.resource && !s.notResource ? s.resource : undefined,
    principal: s.principal,
    notPrincipal: s.notPrincipal,
    conditions: s.conditions,
  };
}

// A few recent documents, held strongly: a WeakMap keyed by short-lived documents (one per
// simulate request) keeps their compiled statements alive through young-generation GCs
// and makes garbage collection dominate. The matrix and repeated requests on one policy still hit.
const RECENT = 8;
const recent: Array<{ readonly doc: PolicyDocument; readonly list: readonly CompiledStatement[] }> = [];

/** The compiled statements of a document, cached for the last few document objects. */
export function compileDocument(doc: PolicyDocument): readonly CompiledStatement[] {
  const hit = recent.find((e) => e.doc === doc);
  if (hit) return hit.list;
  const list = doc.statements.map(compileStatement);
  if (recent.unshift({ doc, list }) > RECENT) recent.pop();
  return list;
}
