import { build } from 'esbuild';
import { perfPlugins } from '../../scripts/esbuild-perf.mjs';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = join(BENCH, '..');
/** Scratch space of the bench (git-ignored). */
export const WORK = join(BENCH, '.work');

/** Where bundleEntry() writes the bundle. */
export const ENTRY_BUNDLE = join(WORK, 'entry', 'entry.js');

/**
 * Bundles bench/entry.tsx (the real App and engine from source/) into bench/.work/entry/
 * as the product build does (ESM, production React, code-split so Ink's devtools stay out,
 * the same Ink plugins). Nothing of this goes into dist/.
 */
export async function bundleEntry() {
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
  return ENTRY_BUNDLE;
}

/** Imports the bundle made by bundleEntry(). */
export function importEntry() {
  return import(pathToFileURL(ENTRY_BUNDLE).href);
}

/** Bundles and imports (for scripts that need the entry once). */
export async function loadEntry() {
  await bundleEntry();
  return importEntry();
}
