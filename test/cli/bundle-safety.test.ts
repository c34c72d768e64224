import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * Nothing in the published bundle can open a socket (issue 13): Ink's devtools chunk
 * carried the `ws` library and an import of react-devtools-core that connects to
 * localhost:8097 when DEV=true. The built files (dist/, made by `npm run build`) are
 * searched for every way a bundle reaches the network modules.
 */
const DIST = join(ROOT, 'dist');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));

const NET = '(?:node:)?(?:net|tls|http|https|http2|dgram)';
const FORBIDDEN: [string, RegExp][] = [
  ['an import of a network module', new RegExp(`\\bfrom\\s*["']${NET}["']`)],
  ['a dynamic import of a network module', new RegExp(`\\bimport\\(\\s*["']${NET}["']\\s*\\)`)],
  // esbuild turns require("net") of bundled CommonJS into a call of its own minified require: any one-name call.
  ['a require of a network module', new RegExp(`[\\w$]\\(\\s*["']${NET}["']\\s*\\)`)],
  ['new WebSocket', /new\s+WebSocket\b/],
  ['react-devtools-core', /react-devtools-core/],
  ['connectToDevTools', /connectToDevTools/],
  ['the ws library', /[\w$]\(\s*["']ws["']\s*\)|from\s*["']ws["']|Sec-WebSocket-Key/],
  ["Ink's package.json read (DEV=true)", /\.\.\/package\.json/],
];

describe('the built bundle opens no socket', () => {
  const built = files(DIST);
  it('has the bundle to search (npm run build)', () => {
    expect(built.length).toBeGreaterThan(1);
    expect(built.some((f) => f.endsWith(join('dist', 'cli.js')))).toBe(true);
  });

  it('has no devtools chunk', () => {
    expect(built.filter((f) => /devtools/i.test(f))).toEqual([]);
  });

  it.each(FORBIDDEN)('carries no %s', (_what, pattern) => {
    const hits = built.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => f.slice(DIST.length + 1));
    expect(hits).toEqual([]);
  });

  it('the patterns find what they look for (they can fail)', () => {
    expect(FORBIDDEN.find(([w]) => w === 'a require of a network module')![1].test('var a=m("http")')).toBe(true);
    expect(FORBIDDEN.find(([w]) => w === 'an import of a network module')![1].test('import{x}from"node:net"')).toBe(true);
    expect(FORBIDDEN.find(([w]) => w === 'the ws library')![1].test('let t=m("ws")')).toBe(true);
  });
});
