import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePolicyBytes } from '../../source/core/policy/index.js';
import type { WorkspaceSource } from '../../source/ui/state/types.js';
import { FIXTURES } from '../helpers/cli.js';
import { renderApp } from './render.js';

const BAD = join(FIXTURES, 'bad');
const files = readdirSync(BAD).filter((f) => f.endsWith('.json'));

/** The workspace source `open <file>` builds (run.tsx openSource): bad bytes carry their decoding finding. */
function sourceOf(file: string): WorkspaceSource {
  const decoded = decodePolicyBytes(readFileSync(join(BAD, file)));
  return decoded.ok ? { kind: 'file', name: file, text: decoded.text } : { kind: 'file', name: file, text: '', decodeFinding: decoded.finding };
}

describe('open on every bad or tricky policy of the corpus', () => {
  it.each(files)('%s: the workspace shows every tab without an internal error', async (file) => {
    const app = await renderApp({ source: sourceOf(file), columns: 80, rows: 24 });
    try {
      for (const tab of ['1', '2', '3', '4', '1']) {
        await app.press(tab);
        const frame = app.frame();
        expect(frame).toContain('1 Policy');
        expect(frame).not.toMatch(/internal error|TypeError|\.tsx?:\d+:\d+/);
      }
      await app.press('c');
      await app.press('q');
      expect(app.world.exited).toBe(true);
    } finally {
      app.unmount();
    }
  });
});
