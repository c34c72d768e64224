import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const IMPORT = /(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

describe('architecture', () => {
  it('keeps source/core free of terminal, UI, process and I/O modules (STYLE 1)', () => {
    const forbidden = /^(ink|ink-.*|react|react\/.*|clipboardy|node:.*|fs|fs\/promises|child_process|process|os|path|tty)$/;
    const offenders: string[] = [];
    for (const f of files(join(ROOT, 'source/core'))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(IMPORT)) if (forbidden.test(m[1]!)) offenders.push(`${relative(ROOT, f)}: ${m[1]}`);
      if (/\bprocess\.(env|stdout|stdin|exit|argv|cwd)/.test(text)) offenders.push(`${relative(ROOT, f)}: uses process`);
    }
    expect(offenders).toEqual([]);
  });

  it('never imports the AGPL test oracle from source/', () => {
    const offenders = files(join(ROOT, 'source')).filter((f) => readFileSync(f, 'utf8').includes('iam-simulate'));
    expect(offenders).toEqual([]);
  });
});
