import { build } from 'esbuild';
import { perfPlugins } from '../../scripts/esbuild-perf.mjs';
import { noDevtools } from '../../scripts/esbuild-safety.mjs';
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
 * Bundles bench/entry.tsx (the real App and engine from source/) as the product build does
 * (ESM, production React, code-split so Ink's devtools stay out, the same Ink plugins unless
 * told otherwise) into `outdir` (default bench/.work/entry/). Nothing of this goes into dist/.
 * Returns the path of the bundle's entry file.
 */
export async function bundleEntry({ outdir = join(WORK, 'entry'), plugins = perfPlugins(ROOT) } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [join(BENCH, 'entry.tsx')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['clipboardy'],
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    banner: { js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);" },
    plugins: [...plugins, noDevtools()],
    logLevel: 'warning',
  });
  return join(outdir, 'entry.js');
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
