import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../source/ui/keys/bindings.js';
import { reduce } from '../../../source/ui/state/reducer.js';
import { viewOf } from '../../../source/ui/state/view.js';
import { browseList } from '../../../source/ui/state/browse-list.js';
import { cmd, derivedOf, LIB, templateState, TEMPLATES, viewFor, ws } from './harness.js';

// The statement detail (JSON and explanation) scrolls with the page keys when the statements pane has focus.
// The harness's view is the app's at 80x24, the smallest supported terminal.
const KEY_POLICY = 'console-default-key-policy';
/** The key administrators' statement: 28 actions, each wildcard explained; far longer than the pane at 80x24. */
const onAdministrators = () => cmd(templateState(KEY_POLICY), 'nextPane', 'down');

describe('statement detail scrolling', () => {
  it('Given a statement longer than its pane at 80x24, then the view says how far it scrolls and by how much a page', () => {
    const view = viewFor(onAdministrators());
    expect(view.detailMax).toBeGreaterThan(view.detailPage);
    expect(view.detailPage).toBeGreaterThan(0);
  });

  it('Given the statements pane, when PgDn is pressed, then the detail scrolls one page and the statement stays', () => {
    const s = onAdministrators();
    const { detailPage } = viewFor(s);
    const next = cmd(s, 'pageDown');
    expect(ws(next).detailOffset).toBe(detailPage);
    expect(ws(next).statement).toBe(1);
    expect(ws(cmd(next, 'pageDown')).detailOffset).toBe(2 * detailPage);
    expect(ws(cmd(next, 'pageUp')).detailOffset).toBe(0);
  });

  it('Given the detail, when paging past either end, then the offset stops at the last page and at the top', () => {
    const s = onAdministrators();
    const { detailMax, detailPage } = viewFor(s);
    const pages = Math.ceil(detailMax / detailPage) + 3;
    const bottom = cmd(s, ...Array<Command>(pages).fill('pageDown'));
    expect(ws(bottom).detailOffset).toBe(detailMax);
    const top = cmd(bottom, ...Array<Command>(pages).fill('pageUp'));
    expect(ws(top).detailOffset).toBe(0);
  });

  it.each(['down', 'up'] as const)('Given a scrolled detail, when %s selects another statement, then its detail starts at the top', (move) => {
    const s = cmd(onAdministrators(), 'pageDown');
    expect(ws(s).detailOffset).toBeGreaterThan(0);
    const moved = cmd(s, move);
    expect(ws(moved).statement).not.toBe(1);
    expect(ws(moved).detailOffset).toBe(0);
  });

  it('Given a scrolled detail of the first statement, when up cannot move, then the scroll stays', () => {
    const s = cmd(templateState(KEY_POLICY), 'nextPane', 'pageDown');
    const offset = ws(s).detailOffset;
    expect(ws(cmd(s, 'up')).detailOffset).toBe(offset);
  });

  it('Given the parameters pane, when PgDn is pressed, then the parameter row moves and the detail does not scroll', () => {
    const s = cmd(templateState(KEY_POLICY), 'pageDown');
    expect(ws(s).pane).toBe('parameters');
    expect(ws(s).paramRow).toBeGreaterThan(0);
    expect(ws(s).detailOffset).toBe(0);
  });

  it('Given a scrolled detail, when a finding jumps to another statement, then that statement starts at the top', () => {
    const s = cmd(onAdministrators(), 'pageDown');
    expect(ws(s).detailOffset).toBeGreaterThan(0);
    // This policy has no findings: the view names one about statement 0, as a finding's Enter would meet it.
    const onFindings = cmd(s, 'tabFindings');
    const fromFindings = reduce(onFindings, { type: 'command', command: 'confirm', view: { ...viewFor(onFindings), findingStatements: [0] } }, LIB, viewFor);
    expect(ws(fromFindings).tab).toBe('policy');
    expect(ws(fromFindings).statement).toBe(0);
    expect(ws(fromFindings).detailOffset).toBe(0);
  });

  it('Given the detail scrolled to its end, when the terminal grows, then the sync keeps the offset within the new, shorter scroll', () => {
    const s = cmd(onAdministrators(), ...Array<Command>(20).fill('pageDown'));
    const small = viewFor(s).detailMax;
    expect(ws(s).detailOffset).toBe(small);
    const tall = viewOf(s, browseList(TEMPLATES, ''), derivedOf(s), viewFor(s).paramRows, { columns: 160, rows: 60 });
    expect(tall.detailMax).toBeLessThan(small);
    const synced = reduce(s, { type: 'sync-view', view: tall }, LIB, viewFor);
    expect(ws(synced).detailOffset).toBe(tall.detailMax);
    expect(ws(synced).statement).toBe(1);
  });

  it('keeps the offset between 0 and the statement scroll limit whatever keys come (property)', () => {
    const commands = fc.constantFrom<Command>('pageDown', 'pageUp', 'down', 'up', 'nextPane', 'prevPane', 'tabFindings', 'tabPolicy');
    fc.assert(
      fc.property(fc.array(commands, { maxLength: 25 }), (keys) => {
        let s = templateState(KEY_POLICY);
        for (const k of keys) {
          const before = ws(s);
          s = cmd(s, k);
          const after = ws(s);
          const view = viewFor(s);
          expect(after.detailOffset).toBeGreaterThanOrEqual(0);
          expect(after.detailOffset).toBeLessThanOrEqual(view.detailMax);
          if (after.statement !== before.statement) expect(after.detailOffset).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
