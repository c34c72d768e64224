// Bundles the CLI into dist/ (ESM, code-split so that subcommands never load Ink or React).
// --if-needed: skip when dist/ is newer than every source, template and package file.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, rmSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { perfPlugins } from './esbuild-perf.mjs';
import { noDevtools } from './esbuild-safety.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/cli.js');

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) if (name !== 'generated') max = Math.max(max, newest(join(path, name)));
  return max;
}

if (process.argv.includes('--if-needed') && existsSync(entry)) {
  const inputs = Math.max(
    newest(join(root, 'source')),
    newest(join(root, 'templates')),
    newest(join(root, 'scripts')),
    newest(join(root, 'package.json')),
    newest(join(root, 'package-lock.json')),
  );
  if (statSync(entry).mtimeMs >= inputs) process.exit(0);
}

execFileSync(process.execPath, [join(root, 'scripts/generate-catalog.mjs')], { stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'scripts/generate-templates.mjs')], { stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'source/cli.tsx')],
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // clipboardy stays a dependency (it spawns platform tools). Ink's devtools are not bundled at all (esbuild-safety.mjs).
  // @cdktf/hcl2json stays a dependency: it reads its WebAssembly file (main.wasm.gz) from its own
  // folder at run time, so npm ships the wasm with it; the CLI imports it only when a .tf file is read.
  external: ['clipboardy', '@cdktf/hcl2json'],
  define: { 'process.env.NODE_ENV': '"production"' },
  jsx: 'automatic',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __kptCreateRequire } from 'node:module'; const require = __kptCreateRequire(import.meta.url);",
  },
  // Less work per frame for Ink, same output (issue 7).
  // Nothing that can open a socket, and DEV changes nothing (issue 13).
  plugins: [...perfPlugins(root), noDevtools()],
  logLevel: 'warning',
});
chmodSync(entry, 0o755);
