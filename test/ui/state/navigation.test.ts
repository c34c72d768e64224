import { describe, expect, it } from 'vitest';
import { cmd, press, read, templateState, fileState, typeText, viewFor, ws } from './harness.js';

const BIG = JSON.stringify({
  Version: '2012-10-17',
  Statement: Array.from({ length: 201 }, (_, i) => ({
    Sid: `S${String(i).padStart(3, '0')}`,
    Effect: i === 150 ? 'Deny' : 'Allow',
    Principal: { AWS: `arn:aws:iam::111122223333:role/Role${i % 40}` },
    Action: 'kms:Decrypt',
    Resource: '*',
  })),
});

describe('Home and End', () => {
  it('Given a 201-statement policy, when End then Home is pressed, then the last then the first statement is selected', () => {
    let s = fileState('big.json', BIG);
    s = press(s, 'end');
    expect(ws(s).statement).toBe(200);
    s = press(s, 'home');
    expect(ws(s).statement).toBe(0);
    s = read(s, 'G');
    expect(ws(s).statement).toBe(200);
  });

  it('Given the findings, when End is pressed, then the last finding is selected; PgUp moves a page', () => {
    let s = cmd(fileState('big.json', BIG), 'tabFindings');
    const n = viewFor(s).findingStatements.length;
    expect(n).toBeGreaterThan(20);
    s = press(s, 'end');
    expect(ws(s).finding).toBe(n - 1);
    s = press(s, 'pageup');
    expect(ws(s).finding).toBe(n - 1 - viewFor(s).listPage);
  });

  it('Given the browser, when End is pressed, then the last template is selected', () => {
    let s = cmd(templateState('console-default-key-policy'), 'back');
    s = press(s, 'end');
    expect(s.browser.selected).toBe(viewFor(s).browserIds.length - 1);
  });
});

describe('d in the parameters form', () => {
  it('Given the parameters pane, when d is pressed, then the parameter stays and the statement detail scrolls', () => {
    let s = templateState('console-default-key-policy');
    s = read(s, 'd');
    expect(ws(s).pane).toBe('parameters');
    expect(ws(s).paramRow).toBe(0);
    expect(ws(s).detailOffset).toBe(Math.min(viewFor(s).detailPage, viewFor(s).detailMax));
    expect(ws(s).detailOffset).toBeGreaterThan(0);
  });
});

describe('Export preview', () => {
  it('Given a long Terraform preview, when j, PgDn and End are pressed, then it scrolls to its last line; left/right switch format and start at the top', () => {
    let s = cmd(fileState('big.json', BIG), 'tabExport', 'right');
    expect(ws(s).format).toBe('terraform');
    const view = viewFor(s);
    expect(view.exportLines).toBeGreaterThan(view.exportPage);
    s = read(s, 'j');
    expect(ws(s).exportOffset).toBe(1);
    s = read(s, 'k');
    expect(ws(s).exportOffset).toBe(0);
    s = press(s, 'pagedown');
    expect(ws(s).exportOffset).toBe(view.exportPage - 1);
    s = press(s, 'end');
    expect(ws(s).exportOffset + view.exportPage).toBe(view.exportLines);
    s = press(s, 'pagedown');
    expect(ws(s).exportOffset + view.exportPage).toBe(view.exportLines);
    s = press(s, 'left');
    expect(ws(s)).toMatchObject({ format: 'json', exportOffset: 0 });
  });
});

describe('/ in a list', () => {
  it('Given the statements, when /S15 is typed, then the first match from the cursor is selected; Enter keeps it', () => {
    let s = fileState('big.json', BIG);
    s = read(s, '/S15');
    expect(s.prompt).toMatchObject({ kind: 'search', draft: 'S15' });
    expect(ws(s).statement).toBe(150);
    s = press(s, 'return');
    expect(s.prompt).toBeNull();
    expect(ws(s).statement).toBe(150);
    // j after the search moves the list again (the prompt took the keys only while open).
    s = read(s, 'j');
    expect(ws(s).statement).toBe(151);
  });

  it('Given a search, when nothing matches, then a message says so and Esc goes back to where it started', () => {
    let s = press(fileState('big.json', BIG), 'end');
    s = typeText(read(s, '/'), 'S05');
    expect(ws(s).statement).toBe(50);
    s = typeText(s, 'zz');
    expect(s.message?.text).toContain('No match');
    expect(ws(s).statement).toBe(200);
    s = press(s, 'escape');
    expect(s.prompt).toBeNull();
    expect(ws(s).statement).toBe(200);
  });

  it('Given the findings and the matrix, when / is typed, then it finds a finding id and a principal', () => {
    let s = cmd(fileState('big.json', BIG), 'tabFindings');
    s = read(s, '/');
    expect(s.prompt).toMatchObject({ kind: 'search', target: 'findings' });
    s = press(s, 'escape');
    s = cmd(s, 'tabMatrix');
    s = read(s, '/Role39');
    expect(s.prompt).toMatchObject({ kind: 'search', target: 'matrix' });
    expect(viewFor(s).searchTexts('matrix')[ws(s).matrix.row]).toContain('Role39');
  });

  it('Given the parameters form, when / is pressed, then it says where / finds (the form is not a list to search)', () => {
    const s = read(templateState('console-default-key-policy'), '/');
    expect(s.prompt).toBeNull();
    expect(s.message?.text).toContain('/ finds');
  });
});
