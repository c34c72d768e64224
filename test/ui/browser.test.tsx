import { afterEach, describe, expect, it } from 'vitest';
import { browseList, KIND_HEADINGS } from '../../source/ui/state/browse-list.js';
import { KEY, renderApp, type Rendered } from './render.js';
import { TEMPLATES } from './state/harness.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

async function filterBy(words: string): Promise<Rendered> {
  app = await renderApp({ columns: 100, rows: 40 });
  await app.press('/');
  await app.type(words);
  return app;
}

/** The list column of the browser (left 45 %), one entry per line. */
const listColumn = (frame: string, width = 45) => frame.split('\n').map((l) => l.slice(0, width));

describe('template browser', () => {
  it('shows both kinds of policy under their headings, categories, titles and a preview of the selected template', async () => {
    app = await renderApp({ columns: 120, rows: 80 });
    const frame = app.frame();
    expect(frame).toContain(KIND_HEADINGS.key);
    expect(frame).toContain(KIND_HEADINGS.identity);
    expect(frame).toContain(`${TEMPLATES.length} of ${TEMPLATES.length} templates`);
    const first = browseList(TEMPLATES, '')[0]!;
    const list = listColumn(frame, 54).join('\n');
    expect(list).toContain(first.category);
    expect(list).toContain(first.title.slice(0, 30));
    // The preview: title, id · kind · category, the parameters with their defaults and the documentation source.
    expect(frame).toContain(`${first.id} · key policy · ${first.category}`);
    expect(frame).toContain('Parameters');
    expect(frame).toContain('Source');
    expect(frame).toContain('Enter opens this template');
  });

  it('moves the selection with j and the preview follows', async () => {
    app = await renderApp({ columns: 100, rows: 40 });
    const second = browseList(TEMPLATES, '')[1]!;
    await app.press('j');
    expect(app.frame()).toContain(`${second.id} · `);
    await app.press(KEY.up);
    expect(app.frame()).not.toContain(`${second.id} · `);
  });

  it.each([
    ['a word of the title', 'CloudTrail', 'cloudtrail-key-policy'],
    ['the id', 'hmac-key-policy', 'hmac-key-policy'],
    ['the category', 'Guardrails', 'vpc-endpoint-only'],
    ['an action', 'ScheduleKeyDeletion', 'deletion-minimum-waiting-period'],
    ['another action', 'GenerateMac', 'hmac-key-policy'],
  ])('filters live by %s (%s)', async (_what, words, expectedId) => {
    await filterBy(words);
    const expected = browseList(TEMPLATES, words);
    expect(expected.map((t) => t.id)).toContain(expectedId);
    const frame = app!.frame();
    expect(frame).toContain(`${expected.length} of ${TEMPLATES.length} templates`);
    // Only matching templates are listed.
    const others = TEMPLATES.filter((t) => !expected.includes(t));
    for (const t of others) expect(frame).not.toContain(`${t.title.slice(0, 30)}`);
    expect(frame).toContain(`${expected[0]!.id} · `);
  });

  it('keeps the filter after Enter, gives the keys back to the list, and Esc clears it', async () => {
    await filterBy('hmac');
    await app!.press(KEY.enter);
    const kept = app!.frame();
    expect(kept).toContain('Filter: hmac');
    // j now moves the list instead of typing into the filter.
    await app!.press('j');
    expect(app!.frame()).toContain('Filter: hmac');
    expect(app!.frame()).not.toContain('Filter: hmacj');
    await app!.press(KEY.escape);
    expect(app!.frame()).toContain('press / to filter');
    expect(app!.frame()).toContain(`${TEMPLATES.length} of ${TEMPLATES.length} templates`);
  });

  it('takes j, k and q as text while the filter is open', async () => {
    await filterBy('jkq');
    expect(app!.frame()).toContain('jkq');
    expect(app!.world.exited).toBe(false);
    expect(app!.frame()).toContain('No template matches');
  });

  it('acts on every key of a read that holds several (fast typing): jj then Enter opens the third template', async () => {
    app = await renderApp({ columns: 100, rows: 40 });
    const third = browseList(TEMPLATES, '')[2]!;
    await app.press('jj\r'); // deliberately one write
    expect(app.frame()).toContain('1 Policy');
    expect(app.frame()).toContain(third.title.slice(0, 20));
  });

  it('opens the selected template in the workspace with Enter', async () => {
    await filterBy('cloudtrail');
    await app!.press(KEY.enter);
    await app!.press(KEY.enter);
    const frame = app!.frame();
    expect(frame).toContain('1 Policy');
    expect(frame).toContain('2 Matrix');
    expect(frame).toContain('Parameters');
    expect(frame).toContain(`Statements (`);
  });
});
