import { describe, expect, it } from 'vitest';
import { browseList } from '../../../source/ui/state/browse-list.js';
import { focusOf } from '../../../source/ui/state/reducer.js';
import { browserState, cmd, press, TEMPLATES, typeText, viewFor } from './harness.js';

describe('template browser', () => {
  it('Given the browser, when moving down and up, then the selection follows and stops at both ends', () => {
    let s = browserState();
    s = cmd(s, 'down', 'down');
    expect(s.browser.selected).toBe(2);
    s = cmd(s, 'up', 'up', 'up', 'up');
    expect(s.browser.selected).toBe(0);
    const last = viewFor(s).browserIds.length - 1;
    s = cmd(s, ...Array<'pageDown'>(20).fill('pageDown'));
    expect(s.browser.selected).toBe(last);
  });

  it('Given the browser, when / is pressed, then the filter field takes the keys', () => {
    const s = cmd(browserState(), 'filter');
    expect(s.browser.filtering).toBe(true);
    expect(focusOf(s)).toBe('filter');
  });

  it('Given the filter open, when typing, then the list narrows live and the selection goes back to the top', () => {
    let s = cmd(browserState(), 'down', 'down', 'filter');
    s = typeText(s, 'hmac');
    const ids = viewFor(s).browserIds;
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(TEMPLATES.length);
    expect(s.browser.selected).toBe(0);
  });

  it('Given a typed filter, when Enter is pressed, then the filter stays and the list has the keys again', () => {
    let s = cmd(browserState(), 'filter');
    s = typeText(s, 'cloudtrail');
    s = press(s, 'return');
    expect(s.browser.filter).toBe('cloudtrail');
    expect(s.browser.filtering).toBe(false);
    expect(focusOf(s)).toBe('main');
    expect(viewFor(s).browserIds).toEqual(['cloudtrail-key-policy']);
  });

  it('Given a kept filter, when Esc is pressed on the list, then the filter is cleared', () => {
    let s = cmd(browserState(), 'filter');
    s = typeText(s, 'cloudtrail');
    s = press(s, 'return');
    s = cmd(s, 'back');
    expect(s.browser.filter).toBe('');
    expect(viewFor(s).browserIds).toHaveLength(TEMPLATES.length);
  });

  it('Given the filter field open, when Esc is pressed, then the filter is cleared and closed', () => {
    let s = cmd(browserState(), 'filter');
    s = typeText(s, 'zzz');
    expect(viewFor(s).browserIds).toEqual([]);
    s = cmd(s, 'back');
    expect(s.browser).toEqual({ filter: '', filterCaret: 0, filtering: false, selected: 0 });
  });

  it('Given a filtered list, when Enter is pressed, then the selected template opens in the workspace on the Policy tab', () => {
    let s = cmd(browserState(), 'filter');
    s = typeText(s, 'GenerateMac');
    s = press(s, 'return');
    const id = viewFor(s).browserIds[0];
    s = cmd(s, 'confirm');
    expect(s.screen).toBe('workspace');
    expect(s.workspace?.source).toEqual({ kind: 'template', templateId: id, values: {} });
    expect(s.workspace?.tab).toBe('policy');
    expect(s.workspace?.pane).toBe('parameters');
  });

  it('Given a filter matching nothing, when Enter is pressed, then nothing opens', () => {
    let s = cmd(browserState(), 'filter');
    s = typeText(s, 'no-such-template-word');
    s = cmd(press(s, 'return'), 'confirm');
    expect(s.screen).toBe('browser');
  });

  it('Given an opened template without edits, when Esc is pressed, then the browser comes back with its filter', () => {
    let s = cmd(browserState(), 'filter');
    s = typeText(s, 'hmac');
    s = cmd(press(s, 'return'), 'confirm', 'back');
    expect(s.screen).toBe('browser');
    expect(s.workspace).toBeNull();
    expect(s.browser.filter).toBe('hmac');
  });
});

describe('browse list', () => {
  const ids = (filter: string) => browseList(TEMPLATES, filter).map((t) => t.id);

  it('lists key policies before identity policies, grouped by category', () => {
    const list = browseList(TEMPLATES, '');
    const kinds = list.map((t) => t.kind);
    expect(kinds.indexOf('identity')).toBeGreaterThan(kinds.lastIndexOf('key'));
    for (const kind of ['key', 'identity'] as const) {
      const categories = list.filter((t) => t.kind === kind).map((t) => t.category);
      // Each category is one run of lines (a heading, then its templates).
      expect(new Set(categories).size).toBe(categories.filter((c, i) => c !== categories[i - 1]).length);
    }
  });

  it.each([
    ['a word of the title', 'CloudTrail', 'cloudtrail-key-policy'],
    ['the id', 'hmac-key-policy', 'hmac-key-policy'],
    ['the category', 'service integration', 'cloudtrail-key-policy'],
    ['an action', 'ScheduleKeyDeletion', 'deletion-minimum-waiting-period'],
    ['an action in any case', 'generatemac', 'hmac-key-policy'],
  ])('filters by %s', (_what, filter, expected) => {
    const found = ids(filter);
    expect(found).toContain(expected);
    expect(found.length).toBeLessThan(TEMPLATES.length);
  });

  it('needs every word of the filter', () => {
    const both = ids('hmac key');
    expect(both.every((id) => ids('hmac').includes(id) && ids('key').includes(id))).toBe(true);
    expect(ids('hmac cloudtrail')).toEqual([]);
  });
});
