/**
 * A JSON parser that keeps a source position for every value and reports
 * duplicate keys (plain `JSON.parse` silently keeps the last one). It never
 * throws: problems come back as data, and as much of the tree as could be read.
 */

import { childPointer } from './json-pointer.js';

/** 1-based line and column (column counts UTF-16 code units), 0-based offset. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

interface NodeBase {
  /** JSON pointer (RFC 6901) of this value, "" for the root. */
  readonly pointer: string;
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

export interface JsonMember {
  readonly key: string;
  readonly keyStart: SourcePosition;
  readonly value: JsonNode;
}

export interface JsonObjectNode extends NodeBase {
  readonly type: 'object';
  readonly members: readonly JsonMember[];
}

export interface JsonArrayNode extends NodeBase {
  readonly type: 'array';
  readonly items: readonly JsonNode[];
}

export interface JsonScalarNode extends NodeBase {
  readonly type: 'string' | 'number' | 'boolean' | 'null';
  readonly value: string | number | boolean | null;
}

export type JsonNode = JsonObjectNode | JsonArrayNode | JsonScalarNode;

export type JsonProblemKind = 'syntax' | 'duplicate-key';

export interface JsonProblem {
  readonly kind: JsonProblemKind;
  readonly message: string;
  readonly pointer: string;
  readonly line: number;
  readonly column: number;
}

export interface ParsedJson {
  /** The tree, or null when the text is not JSON at all. */
  readonly root: JsonNode | null;
  /** The plain value, as JSON.parse would give it (last duplicate wins); undefined on a syntax error. */
  readonly value: unknown;
  readonly problems: readonly JsonProblem[];
}

/** Deeper nesting than this is reported instead of risking the call stack. */
const MAX_DEPTH = 256;

class SyntaxStop extends Error {}

/** Describes the character at a position for messages: `'x'`, `end of input`, `a line break`. */
function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the input';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t') return 'a tab';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  if (ch === '\uFFFD') return 'an unreadable character (U+FFFD)';
  return `'${ch}'`;
}

export function parseJson(text: string): ParsedJson {
  const problems: JsonProblem[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  // A byte order mark is not JSON, but editors write it; skip it silently.
  if (text.charCodeAt(0) === 0xfeff) {
    pos = 1;
    lineStart = 1;
  }

  const here = (): SourcePosition => ({ line, column: pos - lineStart + 1, offset: pos });

  const fail = (message: string, pointer: string, at: SourcePosition = here()): never => {
    problems.push({ kind: 'syntax', message, pointer, line: at.line, column: at.column });
    throw new SyntaxStop();
  };

  const skipWhitespace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) pos++;
      else if (c === 0x0a) {
        pos++;
        line++;
        lineStart = pos;
      } else if (c === 0x2f && (text[pos + 1] === '/' || text[pos + 1] === '*')) {
        fail('Comments are not allowed in JSON policy documents', '');
      } else return;
    }
  };

  const parseString = (pointer: string): string => {
    const start = here();
    pos++; // opening quote
    let out = '';
    let chunkStart = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (Number.isNaN(c)) fail('Unterminated string: expected a closing \'"\'', pointer, start);
      if (c === 0x22) {
        out += text.slice(chunkStart, pos);
        pos++;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(chunkStart, pos);
        const esc = text[pos + 1];
        switch (esc) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(pos + 2, pos + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              fail('Invalid unicode escape: expected \\u followed by 4 hex digits', pointer);
            }
            out += String.fromCharCode(parseInt(hex, 16));
            pos += 4;
            break;
          }
          default:
            fail(`Invalid escape sequence \\${esc ?? ''} in string`, pointer);
        }
        pos += 2;
        chunkStart = pos;
        continue;
      }
      if (c < 0x20) {
        if (c === 0x0a) fail('Unterminated string: a line break inside a string must be written as \\n', pointer);
        fail(`Invalid ${describeChar(text[pos])} inside a string`, pointer);
      }
      pos++;
    }
  };

  const parseNumber = (pointer: string): JsonScalarNode => {
    const start = here();
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!m) fail(`Unexpected ${describeChar(text[pos])}: expected a value`, pointer);
    pos += m![0].length;
    const next = text[pos];
    if (next !== undefined && /[0-9A-Za-z.+-]/.test(next)) {
      fail(`Invalid number: unexpected ${describeChar(next)}`, pointer);
    }
    return { type: 'number', value: Number(m![0]), pointer, start, end: here() };
  };

  const parseLiteral = (pointer: string): JsonScalarNode => {
    const start = here();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        const next = text[pos];
        if (next !== undefined && /[A-Za-z0-9_]/.test(next)) break;
        return { type: value === null ? 'null' : 'boolean', value, pointer, start, end: here() };
      }
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos, pos + 40))?.[0];
    if (word) {
      pos = start.offset;
      fail(`Unexpected word '${word}': expected a value (strings need double quotes)`, pointer, start);
    }
    if (text[pos] === "'") fail("Strings must use double quotes (\"), not single quotes (')", pointer);
    return fail(`Unexpected ${describeChar(text[pos])}: expected a value`, pointer);
  };

  const parseValue = (pointer: string, depth: number): [JsonNode, unknown] => {
    skipWhitespace();
    if (depth > MAX_DEPTH) fail(`Nesting deeper than ${MAX_DEPTH} levels`, pointer);
    const ch = text[pos];
    if (ch === '{') return parseObject(pointer, depth);
    if (ch === '[') return parseArray(pointer, depth);
    if (ch === '"') {
      const start = here();
      const value = parseString(pointer);
      return [{ type: 'string', value, pointer, start, end: here() }, value];
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      const node = parseNumber(pointer);
      return [node, node.value];
    }
    const node = parseLiteral(pointer);
    return [node, node.value];
  };

  const parseObject = (pointer: string, depth: number): [JsonNode, unknown] => {
    const start = here();
    pos++;
    const members: JsonMember[] = [];
    const value: Record<string, unknown> = {};
    const seen = new Map<string, SourcePosition>();
    skipWhitespace();
    if (text[pos] === '}') {
      pos++;
      return [{ type: 'object', members, pointer, start, end: here() }, value];
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] !== '"') {
        if (text[pos] === '}') fail("Trailing comma before '}' is not allowed in JSON", pointer);
        fail(`Expected a property name in double quotes, found ${describeChar(text[pos])}`, pointer);
      }
      const keyStart = here();
      const key = parseString(pointer);
      const memberPointer = childPointer(pointer, key);
      skipWhitespace();
      if (text[pos] !== ':') {
        if (text[pos] === '}' || text[pos] === ',') {
          // A list written with braces, e.g. "Action": { "kms:TagResource" }.
          fail(
            `"${key}" has no value: an object holds "name": value pairs. For a list of values, use [ ] instead of the { at line ${start.line}, column ${start.column}`,
            memberPointer,
            keyStart,
          );
        }
        fail(`Expected ':' after property name "${key}", found ${describeChar(text[pos])}`, memberPointer);
      }
      pos++;
      const [node, v] = parseValue(memberPointer, depth + 1);
      const first = seen.get(key);
      if (first) {
        problems.push({
          kind: 'duplicate-key',
          message: `Duplicate key "${key}" (first at line ${first.line}, column ${first.column}); only the last value is kept`,
          pointer: memberPointer,
          line: keyStart.line,
          column: keyStart.column,
        });
      } else seen.set(key, keyStart);
      members.push({ key, keyStart, value: node });
      // A key named "__proto__" must stay data, not change the prototype (defineProperty); every
      // other key is a plain assignment, which is several times faster on large policies.
      if (key === '__proto__') Object.defineProperty(value, key, { value: v, enumerable: true, writable: true, configurable: true });
      else value[key] = v;
      skipWhitespace();
      const sep = text[pos];
      if (sep === ',') {
        pos++;
        continue;
      }
      if (sep === '}') {
        pos++;
        return [{ type: 'object', members, pointer, start, end: here() }, value];
      }
      if (sep === '"') fail(`Expected ',' or '}' after the value of "${key}", found '"' (missing comma?)`, memberPointer);
      fail(`Expected ',' or '}' after the value of "${key}", found ${describeChar(sep)}`, memberPointer);
    }
  };

  const parseArray = (pointer: string, depth: number): [JsonNode, unknown] => {
    const start = here();
    pos++;
    const items: JsonNode[] = [];
    const value: unknown[] = [];
    skipWhitespace();
    if (text[pos] === ']') {
      pos++;
      return [{ type: 'array', items, pointer, start, end: here() }, value];
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] === ']') fail("Trailing comma before ']' is not allowed in JSON", pointer);
      const [node, v] = parseValue(childPointer(pointer, items.length), depth + 1);
      items.push(node);
      value.push(v);
      skipWhitespace();
      const sep = text[pos];
      if (sep === ',') {
        pos++;
        continue;
      }
      if (sep === ']') {
        pos++;
        return [{ type: 'array', items, pointer, start, end: here() }, value];
      }
      fail(`Expected ',' or ']' after an array element, found ${describeChar(sep)}`, pointer);
    }
  };

  try {
    skipWhitespace();
    if (pos >= text.length) fail('The input is empty: expected a JSON policy document', '');
    const [root, value] = parseValue('', 0);
    skipWhitespace();
    if (pos < text.length) fail(`Unexpected ${describeChar(text[pos])} after the end of the JSON document`, '');
    return { root, value, problems };
  } catch (e) {
    if (e instanceof SyntaxStop) return { root: null, value: undefined, problems };
    /* c8 ignore next */
    throw e;
  }
}
