import { afterEach, describe, expect, it } from 'vitest';
import { exportPolicy } from '../../source/core/export/index.js';
import { findTemplate, renderTemplate } from '../../source/core/templates/index.js';
import { KEY, renderApp, type RenderOptions, type Rendered } from './render.js';

let app: Rendered | undefined;
afterEach(() => app?.unmount());

const TEMPLATE = 'console-default-key-policy';
const template = findTemplate(TEMPLATE)!;
const rendered = (format: 'json' | 'terraform' | 'cloudformation', values = {}) => exportPolicy(renderTemplate(template, values), template.kind, format, TEMPLATE);

async function open(options: RenderOptions = {}): Promise<Rendered> {
  app = await renderApp({ source: { kind: 'template', templateId: TEMPLATE, values: {} }, columns: 100, rows: 30, ...options });
  return app;
}

/** Edits the account so the workspace has unsaved edits. */
async function editAccount(a: Rendered): Promise<void> {
  await a.press(KEY.enter);
  await a.press(KEY.backspace);
  await a.type('4');
  await a.press(KEY.enter);
  expect(a.frame()).toContain('[edited]');
}

describe('Export tab', () => {
  it('switches the format and the preview with ← →', async () => {
    const a = await open();
    await a.press('4');
    expect(a.frame()).toContain('[JSON]');
    expect(a.frame()).toContain('"Version": "2012-10-17"');
    await a.press(KEY.right);
    expect(a.frame()).toContain('[Terraform]');
    expect(a.frame()).toContain('data "aws_iam_policy_document"');
    await a.press(KEY.right);
    expect(a.frame()).toContain('[CloudFormation]');
    expect(a.frame()).toContain('KeyPolicy:');
  });

  it('c copies exactly the previewed text and shows how it was copied', async () => {
    const osc52 = 'No system clipboard (no display); sent the text with the OSC 52 terminal escape.';
    const a = await open({ copy: { method: 'osc52', message: osc52 } });
    await a.press('4');
    await a.press(KEY.right);
    await a.press('c');
    expect(a.world.copied).toEqual([rendered('terraform')]);
    expect(a.frame()).toContain(osc52);
  });

  it('an OSC 52 copy is not confirmed: q still asks before losing the edits', async () => {
    const a = await open({ copy: { method: 'osc52', message: 'Sent the text with the OSC 52 terminal escape.' } });
    await editAccount(a);
    await a.press('c');
    await a.press('q');
    expect(a.frame()).toContain('Quit anyway? (y/n)');
  });

  it('a long copy message wraps onto more rows at 80 columns instead of losing its caveat', async () => {
    const message = 'Sent the text with the OSC 52 terminal escape (no system clipboard: no display, xclip not found); tmux must allow it (set-clipboard on), and so must the terminal, for it to be copied.';
    const a = await open({ columns: 80, rows: 24, copy: { method: 'osc52', message } });
    await a.press('c');
    const frame = a.frame();
    expect(frame).toContain('for it to be copied.');
    expect(frame).toContain('shows the text to select.');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('says clearly when nothing was copied, and the edits stay unsaved', async () => {
    const none = 'Nothing was copied: no system clipboard (no display) and no terminal for the OSC 52 escape.';
    const a = await open({ copy: { method: 'none', message: none } });
    await editAccount(a);
    await a.press('c');
    expect(a.frame()).toContain(none);
    await a.press('q');
    expect(a.frame()).toContain('Quit anyway? (y/n)');
  });
});

describe('writing a file', () => {
  it('w proposes ./<template-id>.<ext>; Enter writes the previewed text', async () => {
    const a = await open();
    await a.press('w');
    expect(a.frame()).toContain(`Write to: ./${TEMPLATE}.json`);
    await a.press(KEY.enter);
    expect(a.world.writes).toEqual([{ path: `./${TEMPLATE}.json`, text: rendered('json'), overwrite: false }]);
    expect(a.frame()).toContain(`Wrote ./${TEMPLATE}.json`);
  });

  it('asks before overwriting: n leaves the file, y overwrites it', async () => {
    const path = `./${TEMPLATE}.json`;
    const a = await open({ files: { [path]: 'old text' } });
    await a.press('w');
    await a.press(KEY.enter);
    expect(a.frame()).toContain(`${path} already exists. Overwrite it? (y/n)`);
    await a.press('n');
    expect(a.world.files.get(path)).toBe('old text');
    expect(a.frame()).toContain('left as it was');
    await a.press('w');
    await a.press(KEY.enter);
    await a.press('y');
    expect(a.world.files.get(path)).toBe(rendered('json'));
    expect(a.frame()).toContain(`Overwrote ${path}`);
  });

  it('a path that is not a file (folder, FIFO, device) is refused before any overwrite question', async () => {
    const path = `./${TEMPLATE}.json`;
    const a = await open({ files: { [path]: 'old' }, refuse: { [path]: `cannot write ${path}: it is a FIFO (named pipe), not a regular file; give a file name` } });
    await a.press('w');
    await a.press(KEY.enter);
    expect(a.frame()).not.toContain('Overwrite it?');
    expect(a.frame()).toContain('it is a FIFO (named pipe), not a regular file');
    expect(a.world.writes).toEqual([]);
  });

  it('Esc in the path prompt writes nothing', async () => {
    const a = await open();
    await a.press('w');
    await a.press(KEY.escape);
    expect(a.world.writes).toEqual([]);
    expect(a.frame()).toContain('Nothing written');
  });

  it("an opened file's prompt proposes its own name", async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }] });
    app = await renderApp({ source: { kind: 'file', name: 'policies/app.json', text }, columns: 100, rows: 30 });
    await app.press('w');
    expect(app.frame()).toContain('Write to: policies/app.json');
  });
});

describe('quitting', () => {
  it('q without edits quits at once', async () => {
    const a = await open();
    await a.press('q');
    expect(a.world.exited).toBe(true);
  });

  it('q with edits asks first: n stays, y quits', async () => {
    const a = await open();
    await editAccount(a);
    await a.press('q');
    expect(a.frame()).toContain('Edits were neither written nor copied. Quit anyway? (y/n)');
    await a.press('n');
    expect(a.world.exited).toBe(false);
    expect(a.frame()).not.toContain('Quit anyway');
    await a.press('q');
    await a.press('y');
    expect(a.world.exited).toBe(true);
  });

  it('after a write, q quits without asking', async () => {
    const a = await open();
    await editAccount(a);
    await a.press('w');
    await a.press(KEY.enter);
    expect(a.frame()).not.toContain('[edited]');
    await a.press('q');
    expect(a.world.exited).toBe(true);
  });
});

describe('help and terminal size', () => {
  it('? shows every key; Esc closes it', async () => {
    const a = await open();
    await a.press('?');
    const frame = a.frame();
    expect(frame).toContain('Keys (Esc or ? closes this help)');
    expect(frame).toContain('groups / single actions');
    expect(frame).toMatch(/In a text field .* Home End move the caret/);
    expect(frame).toContain('write the output to a file');
    await a.press(KEY.escape);
    expect(a.frame()).toContain('Parameters');
  });

  it('below 80x24 says what size it needs, and comes back when the terminal grows', async () => {
    const a = await open({ columns: 80, rows: 24 });
    expect(a.frame()).toContain('Parameters');
    await a.resize(79, 24);
    expect(a.frame()).toContain('needs a terminal of at least 80x24; this one is 79x24');
    await a.resize(80, 23);
    expect(a.frame()).toContain('this one is 80x23');
    await a.resize(80, 24);
    expect(a.frame()).toContain('Parameters');
    expect(a.frame()).not.toContain('needs a terminal');
  });

  it('fits the footer with help and quit at 80 columns', async () => {
    const a = await open({ columns: 80, rows: 24 });
    const lines = a.frame().split('\n');
    const footer = lines[lines.length - 1]!;
    expect(footer).toContain('? help');
    expect(footer).toContain('q quit');
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(24);
  });

  it('below the minimum, keys other than q change nothing', async () => {
    const a = await open();
    await a.resize(70, 20);
    await a.press('2');
    await a.press('?');
    await a.resize(100, 30);
    expect(a.frame()).toContain('Parameters ◂');
    expect(a.frame()).not.toContain('Keys (Esc');
  });

  it('below the minimum with unsaved edits, q asks to be pressed again', async () => {
    const a = await open();
    await editAccount(a);
    await a.resize(60, 20);
    await a.press('q');
    expect(a.world.exited).toBe(false);
    expect(a.frame()).toContain('press q again');
    await a.press('q');
    expect(a.world.exited).toBe(true);
  });
});
