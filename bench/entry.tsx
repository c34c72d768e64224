/**
 * What the in-process benchmarks need from the sources. bench/run.mjs bundles this file
 * with esbuild into bench/.work/ at bench time (never into dist/), so that plain .mjs
 * bench code can drive the real App and the real engine.
 */
import { render } from 'ink';
import { createElement } from 'react';
import { kmsAction, kmsActionIds } from '../source/core/catalog/kms.js';
import { authorize } from '../source/core/evaluate/index.js';
import { lintPolicy } from '../source/core/lint/index.js';
import { diffPolicies } from '../source/core/diff/index.js';
import { buildMatrix } from '../source/core/matrix/index.js';
import { buildDocument, parsePolicy } from '../source/core/policy/index.js';
import { allTemplates, findTemplate, renderTemplate, validateParameter } from '../source/core/templates/index.js';
import { App, type UiServices } from '../source/ui/app.js';
import { keepYoungGenerationSmall } from '../source/ui/perf/heap.js';
import { initialState } from '../source/ui/state/reducer.js';
import type { WorkspaceSource } from '../source/ui/state/types.js';

export { diffPolicies, keepYoungGenerationSmall, lintPolicy, authorize, buildDocument, buildMatrix, kmsAction, kmsActionIds, parsePolicy, allTemplates, findTemplate, renderTemplate };

const library = { find: findTemplate, validate: validateParameter };

/** Services that touch nothing outside the process (copy and write succeed in memory). */
const services: UiServices = {
  templates: allTemplates(),
  library,
  copy: async () => ({ method: 'osc52', message: 'Copied (bench)' }),
  write: async (path) => ({ ok: true, path, overwritten: false }),
  check: async () => ({ exists: false, refusal: null }),
};

export interface FakeTerminal {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
}

/**
 * Renders the App as run.tsx does (Ink's render, default frame throttling, no debug mode)
 * into the given fake terminal. `source` undefined opens the template browser.
 */
export function renderApp(terminal: FakeTerminal, source?: { kind: 'template'; templateId: string } | { kind: 'file'; name: string; text: string }) {
  const ws: WorkspaceSource | undefined = source?.kind === 'template' ? { kind: 'template', templateId: source.templateId, values: {} } : source;
  return render(createElement(App, { initial: initialState(ws, library), services }), {
    stdout: terminal.stdout,
    stdin: terminal.stdin,
    exitOnCtrlC: false,
    patchConsole: false,
  });
}
