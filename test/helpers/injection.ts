import { readFixture } from './fixtures.js';

/** One policy of the injection corpus (test/fixtures/injection/corpus.json). */
export interface InjectionCase {
  readonly name: string;
  readonly family: string;
  readonly element: 'Sid' | 'Principal' | 'Action' | 'Resource' | 'ConditionKey' | 'ConditionValue';
  /** Raw sequences that must never reach a terminal. */
  readonly forbidden: readonly string[];
  readonly policy: unknown;
}

export function injectionCorpus(): InjectionCase[] {
  return (JSON.parse(readFixture('injection', 'corpus.json')) as { cases: InjectionCase[] }).cases;
}

/**
 * Where text for people carries a character no person can see as written: the
 * first one found (code point and a little context), or null. Newline and tab are text.
 */
export function firstUnsafe(text: string): string | null {
  const m = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/.exec(text);
  if (!m) return null;
  return `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}`;
}

/** The forbidden sequences of a case found in raw bytes (as UTF-8, and the C1 controls also as single bytes). */
export function forbiddenIn(bytes: Buffer, c: InjectionCase): string[] {
  const found: string[] = [];
  for (const seq of c.forbidden) {
    if (bytes.includes(Buffer.from(seq, 'utf8'))) found.push(JSON.stringify(seq));
    if (/^[\u0080-\u00ff]+$/.test(seq) && bytes.includes(Buffer.from(seq, 'latin1'))) found.push(`${JSON.stringify(seq)} (8-bit)`);
  }
  return found;
}
