// esbuild plugin of the product build (scripts/build.mjs) and the bench bundle: nothing in
// the bundle can open a socket, and no environment variable changes what the UI does.
//
// Ink connects to React DevTools (react-devtools-core, over the `ws` WebSocket library, to
// localhost:8097) when DEV=true, and its reconciler then reads ../package.json beside the
// chunk, which does not exist in dist/ (the UI died with ENOENT). DEV=true is common in
// developers' shells; a policy tool has no business opening a socket. So Ink's isDev() is
// always false here, and its devtools module and react-devtools-core are empty modules:
// neither the devtools chunk nor `ws` is bundled at all.

import { readFile } from 'node:fs/promises';

const EMPTY = 'kpt-no-devtools';

export function noDevtools() {
  return {
    name: 'no-devtools',
    setup(build) {
      build.onResolve({ filter: /^react-devtools-core$/ }, (args) => ({ path: args.path, namespace: EMPTY }));
      build.onResolve({ filter: /^\.\/devtools(-window-polyfill)?\.js$/ }, (args) =>
        /[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: args.path, namespace: EMPTY } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: EMPTY }, () => ({ contents: 'export default undefined;\n', loader: 'js' }));
      // The callers see a constant false, so the devtools import and the package.json read are dead code, dropped from the bundle.
      build.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/](reconciler|ink)\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('isDev()')) throw new Error(`no-devtools: ${args.path} no longer calls isDev(); check how this Ink version turns on devtools`);
        return { contents: source.replaceAll('isDev()', 'false'), loader: 'js' };
      });
      build.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]utils\.js$/ }, () => ({
        contents: '// DEV never turns on React DevTools in this build (scripts/esbuild-safety.mjs).\nexport const isDev = () => false;\n',
        loader: 'js',
      }));
    },
  };
}
