import { build } from 'esbuild';
import { perfPlugins } from '../../scripts/esbuild-perf.mjs';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = join(BENCH, '..');
/** Scratch space of the bench (git-ignored). */
export const WORK = join(BENCH, '.work');

/**
 * Bundles bench/entry.tsx (the real App and engine from source/) into bench/.work/entry/
 * as the product build does (ESM, production React, code-split so Ink's devtools stay out),
 * and imports it. Nothing of this goes into dist/.
 */
export async function loadEntry() {
  const outdir = join(WORK, 'entry');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(BENCH, 'entry.tsx')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['clipboardy', 'react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
    plugins: perfPlugins(ROOT),
    logLevel: 'warning',
  });
  return import(pathToFileURL(join(outdir, 'entry.js')).href);
}
