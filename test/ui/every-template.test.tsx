import { describe, expect, it } from 'vitest';
import { browseList } from '../../source/ui/state/browse-list.js';
import { KEY, renderApp } from './render.js';
import { TEMPLATES } from './state/harness.js';

/** Every line within the terminal: nothing wraps past the edge or scrolls the screen. */
function expectFits(frame: string, columns: number, rows: number, where: string): void {
  const lines = frame.split('\n');
  expect(lines.length, where).toBeLessThanOrEqual(rows);
  for (const line of lines) expect([...line].length, `${where}: ${line}`).toBeLessThanOrEqual(columns);
}

describe('every template at the minimum size', () => {
  it('opens, shows every tab within 80x24 and goes back to the browser', async () => {
    const app = await renderApp({ columns: 80, rows: 24 });
    try {
      const list = browseList(TEMPLATES, '');
      for (const [i, t] of list.entries()) {
        await app.press(KEY.enter);
        const policy = app.frame();
        expect(policy, t.id).toContain('1 Policy');
        expect(policy, t.id).toContain('What it does');
        expectFits(policy, 80, 24, `${t.id} policy`);
        for (const [tab, marker] of [['2', 'Action groups'], ['3', 'Findings'], ['4', 'Format:']] as const) {
          await app.press(tab);
          const frame = app.frame();
          expect(frame, `${t.id} tab ${tab}`).toContain(marker);
          expectFits(frame, 80, 24, `${t.id} tab ${tab}`);
        }
        await app.press(KEY.escape);
        expect(app.frame(), t.id).toContain('Filter:');
        if (i < list.length - 1) await app.press('j');
      }
    } finally {
      app.unmount();
    }
  }, 120_000);
});
