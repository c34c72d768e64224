// esbuild plugins shared by the product build (scripts/build.mjs) and the bench bundle
// (bench/lib/bundle.mjs). They change no output, only how much work Ink does per frame
// (issue 7: a key must reach the screen within a frame, and the first frame must come fast).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Ink's `string-width` import goes to source/ui/perf/string-width.ts: the same widths, but no
 * segmenter or emoji regular expression for one-column text, and remembered across frames.
 * wrap-ansi keeps its own string-width version (7) behind the same kind of wrapper, with the
 * one-column set of that version; the wrappers themselves import the real packages.
 */
function fastStringWidth(root) {
  const wrapper = join(root, 'source/ui/perf/string-width.ts');
  return {
    name: 'fast-string-width',
    setup(build) {
      build.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (args.importer === wrapper || args.pluginData?.kptReal) return undefined;
        if (/[\\/]node_modules[\\/]wrap-ansi[\\/]/.test(args.importer)) {
          const real = await build.resolve('string-width', { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { kptReal: true } });
          if (real.errors.length > 0) return undefined;
          return { path: real.path, namespace: 'kpt-string-width-7' };
        }
        return { path: wrapper };
      });
      build.onLoad({ filter: /.*/, namespace: 'kpt-string-width-7' }, (args) => ({
        contents: `import measure from ${JSON.stringify(args.path)};\nimport { rememberWidths, ONE_COLUMN_V7 } from ${JSON.stringify(wrapper)};\nexport default rememberWidths(measure, ONE_COLUMN_V7);\n`,
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

// Ink builds each frame from scratch: every line is tokenised into styled characters and
// clipped again, although from one key to the next most lines are the same. These edits keep
// Ink's own per-frame caches (keyed by the line's text) from one frame to the next, bounded,
// and remember clipped lines the same way; a row equal, cell by cell, to the same row of the
// previous frame reuses its text. When a row is turned back into text, a character
// styled like the one before it needs no escape codes: the edit to ansi-tokenize skips the
// style diff (several Sets per character) in that case; the diff of equal lists is empty.
const EDITS = [
  {
    file: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/,
    replace: [
      ['caches = new OutputCaches();', 'caches = __kptSharedCaches();'],
      ['return sliceAnsi(line, from, to);', 'return __kptSlice(this.caches, line, from, to);'],
      // Every blank cell of the frame is one shared, frozen object (cells are replaced, never changed).
      [
        "row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
        'row.push(__kptBlank);',
      ],
      // A row whose cells equal the same row of the previous frame gives the same text.
      ['const generatedOutput = output\n            .map(line => {', 'const generatedOutput = output\n            .map((line, __kptY) => {'],
      ['return styledCharsToString(lineWithoutEmptyItems).trimEnd();', 'return __kptRow(this.caches, __kptY, lineWithoutEmptyItems);'],
    ],
    append: `
const __kptBlank = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
let __kptCaches;
function __kptSharedCaches() {
  if (!__kptCaches || __kptCaches.styledChars.size > 2000 || __kptCaches.widths.size > 8000 || __kptCaches.slices.size > 2000) {
    __kptCaches = new OutputCaches();
    __kptCaches.slices = new Map();
  }
  return __kptCaches;
}
function __kptSameCell(a, b) {
  if (a === b) return true;
  if (a.value !== b.value || a.fullWidth !== b.fullWidth || a.styles.length !== b.styles.length) return false;
  for (let k = 0; k < a.styles.length; k++) if (a.styles[k].code !== b.styles[k].code || a.styles[k].endCode !== b.styles[k].endCode) return false;
  return true;
}
function __kptRow(caches, y, chars) {
  const rows = (caches.rows ??= []);
  const previous = rows[y];
  if (previous && previous.chars.length === chars.length) {
    let same = true;
    for (let x = 0; x < chars.length && same; x++) same = __kptSameCell(chars[x], previous.chars[x]);
    if (same) return previous.text;
  }
  const text = styledCharsToString(chars).trimEnd();
  rows[y] = { chars, text };
  return text;
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
`,
  },
  {
    file: /[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    replace: [
      [
        'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        'if (!__kptSameCodes(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
      ],
    ],
    append: `
function __kptSameCodes(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k].code !== b[k].code || a[k].endCode !== b[k].endCode) return false;
  return true;
}
`,
  },
  {
    // string-width 8 (Ink's; not the older copy inside wrap-ansi): build the emoji regular
    // expression (~15 ms: every RGI emoji sequence) and the segmenter when first needed, not
    // when the module loads. One-column text never needs them (source/ui/perf/string-width.ts).
    file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    skip: /[\\/]wrap-ansi[\\/]/,
    replace: [
      ['const segmenter = new Intl.Segmenter();', 'let __kptSegmenter;\nconst segmenter = { segment: (text) => (__kptSegmenter ??= new Intl.Segmenter()).segment(text) };'],
      [String.raw`const rgiEmojiRegex = /^\p{RGI_Emoji}$/v;`, String.raw`let __kptRgi;
const rgiEmojiRegex = { test: (text) => (__kptRgi ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(text) };`],
    ],
    append: '',
  },
  {
    // Yoga (Ink's layout, WebAssembly inlined as a data: URI) asks `typeof fetch` before it
    // reads its own inlined bytes; in Node that first look at the global loads undici (~30 ms
    // of start-up) only to take the branch that does not fetch. The binary is inlined, so the
    // no-fetch branch is the one always taken: same bytes, same module, no undici.
    file: /[\\/]node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    replace: [['"function"!=typeof fetch?Promise.resolve().then(function(){return wa()})', '!0?Promise.resolve().then(function(){return wa()})']],
    append: '',
  },
];

function inkFrameWork() {
  return {
    name: 'ink-frame-work',
    setup(build) {
      for (const edit of EDITS) {
        build.onLoad({ filter: edit.file }, async (args) => {
          if (edit.skip?.test(args.path)) return undefined;
          const original = await readFile(args.path, 'utf8');
          let text = original;
          for (const [from, to] of edit.replace) {
            // Another version of the file: build it unchanged (correct, only slower) and say so.
            if (!text.includes(from)) return { contents: original, loader: 'js', warnings: [{ text: `${args.path} changed; frame work not reduced (missing: ${from})` }] };
            text = text.replace(from, () => to); // a function: no $ patterns in `to`
          }
          return { contents: `${text}\n${edit.append}`, loader: 'js' };
        });
      }
    },
  };
}

export function perfPlugins(root) {
  return [fastStringWidth(root), inkFrameWork()];
}
