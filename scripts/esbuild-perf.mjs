// esbuild plugins shared by the product build (scripts/build.mjs) and the bench bundle
// (bench/lib/bundle.mjs). They change no output, only how much work Ink does per frame
// (issue 7: a key must reach the screen within a frame, and the first frame must come fast).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Ink's `string-width` import goes to source/ui/perf/string-width.ts: the same widths, but no
 * segmenter or emoji regular expression for one-column text, and remembered across frames.
 * wrap-ansi keeps its own string-width version, and the wrapper imports the real package.
 */
function fastStringWidth(root) {
  const wrapper = join(root, 'source/ui/perf/string-width.ts');
  return {
    name: 'fast-string-width',
    setup(build) {
      build.onResolve({ filter: /^string-width$/ }, (args) => {
        if (args.importer === wrapper || /[\\/]node_modules[\\/]wrap-ansi[\\/]/.test(args.importer)) return undefined;
        return { path: wrapper };
      });
    },
  };
}

// Ink builds each frame from scratch: every line is tokenised into styled characters and
// clipped again, although from one key to the next most lines are the same. These edits keep
// Ink's own per-frame caches (keyed by the line's text) from one frame to the next, bounded,
// and remember clipped lines the same way.
const OUTPUT_EDITS = [
  ['caches = new OutputCaches();', 'caches = __kptSharedCaches();'],
  ['return sliceAnsi(line, from, to);', 'return __kptSlice(this.caches, line, from, to);'],
];
const OUTPUT_HELPERS = `
let __kptCaches;
function __kptSharedCaches() {
  if (!__kptCaches || __kptCaches.styledChars.size > 2000 || __kptCaches.widths.size > 8000 || __kptCaches.slices.size > 2000) {
    __kptCaches = new OutputCaches();
    __kptCaches.slices = new Map();
  }
  return __kptCaches;
}
function __kptSlice(caches, line, from, to) {
  const key = from + ':' + to + ':' + line;
  let s = caches.slices.get(key);
  if (s === undefined) {
    s = sliceAnsi(line, from, to);
    caches.slices.set(key, s);
  }
  return s;
}
`;

function sharedOutputCaches() {
  return {
    name: 'ink-shared-output-caches',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
        let text = await readFile(args.path, 'utf8');
        for (const [from, to] of OUTPUT_EDITS) {
          if (!text.includes(from)) {
            // Another Ink version: build it unchanged (correct, only slower) and say so.
            return { contents: await readFile(args.path, 'utf8'), loader: 'js', warnings: [{ text: `ink/build/output.js changed; frame caches not shared (missing: ${from})` }] };
          }
          text = text.replace(from, to);
        }
        return { contents: `${text}\n${OUTPUT_HELPERS}`, loader: 'js' };
      });
    },
  };
}

export function perfPlugins(root) {
  return [fastStringWidth(root), sharedOutputCaches()];
}
