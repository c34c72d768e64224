import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../source/ui/state/types.js';
import { ACTION_GROUPS } from '../../../source/core/catalog/kms.js';
import { initialState } from '../../../source/ui/state/reducer.js';
import { cmd, derivedOf, fileState, LIB, press, setDraft, templateState, viewFor, ws } from './harness.js';

const KEY_POLICY = 'console-default-key-policy';
/** An identity policy with a statement lint flags (misspelled action) after a clean one, and a document-level finding (no Version). */
const FILE_WITH_FINDINGS = JSON.stringify(
  {
    Statement: [
      { Sid: 'Clean', Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      { Sid: 'Typo', Effect: 'Allow', Action: 'kms:Decript', Resource: '*' },
    ],
  },
  null,
  2,
);

describe('workspace panes and tabs', () => {
  it('Given a template, when Tab and Shift+Tab are pressed, then focus moves between the parameters and the statements', () => {
    let s = templateState(KEY_POLICY);
    expect(ws(s).pane).toBe('parameters');
    s = cmd(s, 'nextPane');
    expect(ws(s).pane).toBe('statements');
    s = cmd(s, 'nextPane');
    expect(ws(s).pane).toBe('parameters');
    s = cmd(s, 'prevPane');
    expect(ws(s).pane).toBe('statements');
  });

  it('Given an opened file (no parameters), when Tab is pressed, then the statements keep the focus', () => {
    const s = cmd(fileState('p.json', FILE_WITH_FINDINGS), 'nextPane', 'prevPane');
    expect(ws(s).pane).toBe('statements');
  });

  it('Given the statements pane, when moving, then the statement selection moves and stops at the last', () => {
    let s = cmd(templateState(KEY_POLICY), 'nextPane', 'down', 'down');
    expect(ws(s).statement).toBe(2);
    s = cmd(s, ...Array<'down'>(derivedOf(s)!.statements.length + 2).fill('down'));
    expect(ws(s).statement).toBe(derivedOf(s)!.statements.length - 1);
  });

  it.each([
    ['tabMatrix', 'matrix'],
    ['tabFindings', 'findings'],
    ['tabExport', 'export'],
    ['tabPolicy', 'policy'],
  ] as const)('Given the workspace, when %s is pressed, then the %s tab shows', (command, tab) => {
    const start = cmd(templateState(KEY_POLICY), 'tabFindings');
    expect(ws(cmd(start, command)).tab).toBe(tab);
  });
});

describe('matrix tab', () => {
  it('Given the matrix, when the cursor moves past the edges, then it stays on the grid', () => {
    let s = cmd(templateState(KEY_POLICY), 'tabMatrix');
    const rows = viewFor(s).matrixRows;
    s = cmd(s, 'up', 'left');
    expect(ws(s).matrix).toMatchObject({ row: 0, col: 0 });
    s = cmd(s, ...Array<'down'>(rows + 3).fill('down'), ...Array<'right'>(20).fill('right'));
    expect(ws(s).matrix).toMatchObject({ row: rows - 1, col: ACTION_GROUPS.length - 1 });
  });

  it('Given action groups, when g is pressed, then single actions run down from the first action; g again goes back', () => {
    let s = cmd(templateState(KEY_POLICY), 'tabMatrix', 'right', 'right');
    s = cmd(s, 'toggleGroups');
    expect(ws(s).matrix).toMatchObject({ mode: 'actions', col: 0 });
    const actions = derivedOf(s)!.matrix!.actions.length;
    expect(viewFor(s).matrixCols).toBe(actions);
    expect(viewFor(s).matrixActionsDown).toBe(true);
    // Actions run down: j moves along the actions, l along the principals.
    s = cmd(s, ...Array<'down'>(actions + 5).fill('down'));
    expect(ws(s).matrix.col).toBe(actions - 1);
    s = cmd(s, 'right');
    expect(ws(s).matrix.row).toBe(1);
    s = cmd(s, 'first');
    expect(ws(s).matrix).toMatchObject({ col: 0, row: 1 });
    s = cmd(s, 'last');
    expect(ws(s).matrix.col).toBe(actions - 1);
    s = cmd(s, 'toggleGroups');
    expect(ws(s).matrix).toMatchObject({ mode: 'groups', col: 0 });
  });

  it('Given single actions, when t is pressed, then principals run down and j moves along them; t again swaps back', () => {
    let s = cmd(templateState(KEY_POLICY), 'tabMatrix', 'toggleGroups', 'transpose');
    expect(ws(s).matrix.transposed).toBe(true);
    expect(viewFor(s).matrixActionsDown).toBe(false);
    s = cmd(s, 'down', 'right', 'right');
    expect(ws(s).matrix).toMatchObject({ row: 1, col: 2 });
    s = cmd(s, 'transpose', 'down');
    expect(ws(s).matrix).toMatchObject({ row: 1, col: 3, transposed: false });
  });

  it('Given the cursor on the last row, when that row disappears (a list entry removed), then the cursor moves back onto the grid', () => {
    let s = templateState(KEY_POLICY);
    s = cmd(s, 'down', 'add'); // a second key administrator, opened for editing
    s = press(setDraft(s, 'arn:aws:iam::111122223333:role/SecondAdmin'), 'return');
    const rowsWithTwo = viewFor(s).matrixRows;
    s = cmd(s, 'tabMatrix', ...Array<'down'>(rowsWithTwo).fill('down'));
    expect(ws(s).matrix.row).toBe(rowsWithTwo - 1);
    s = cmd(s, 'tabPolicy', 'remove');
    const rowsWithOne = viewFor(s).matrixRows;
    expect(rowsWithOne).toBe(rowsWithTwo - 1);
    expect(ws(s).matrix.row).toBe(rowsWithOne - 1);
  });
});

describe('findings tab', () => {
  it('Given findings on a statement, when Enter is pressed, then the Policy tab shows that statement', () => {
    let s = cmd(fileState('p.json', FILE_WITH_FINDINGS), 'tabFindings');
    const findings = derivedOf(s)!.findings;
    const typo = findings.findIndex((f) => f.statement === 1);
    expect(typo).toBeGreaterThanOrEqual(0);
    s = cmd(s, ...Array<'down'>(typo).fill('down'), 'confirm');
    expect(ws(s).tab).toBe('policy');
    expect(ws(s).pane).toBe('statements');
    expect(ws(s).statement).toBe(1);
  });

  it('Given a finding about the whole document, when Enter is pressed, then a message says so and the tab stays', () => {
    let s = cmd(fileState('p.json', FILE_WITH_FINDINGS), 'tabFindings');
    const doc = derivedOf(s)!.findings.findIndex((f) => f.statement === null);
    expect(doc).toBeGreaterThanOrEqual(0);
    s = cmd(s, ...Array<'down'>(doc).fill('down'), 'confirm');
    expect(ws(s).tab).toBe('findings');
    expect(s.message?.text).toMatch(/whole document/);
  });

  it('Given findings, when moving past the last, then the selection stays on the last', () => {
    const s = cmd(fileState('p.json', FILE_WITH_FINDINGS), 'tabFindings', ...Array<'down'>(50).fill('down'));
    expect(ws(s).finding).toBe(derivedOf(s)!.findings.length - 1);
  });
});

describe('a file with a syntax error', () => {
  const BROKEN = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",}\n  ]\n}\n';

  it('opens on the Findings tab with the error at its line and column', () => {
    const s = fileState('broken.json', BROKEN);
    expect(ws(s).tab).toBe('findings');
    const first = derivedOf(s)!.findings[0];
    expect(first).toMatchObject({ id: 'JSON_SYNTAX', line: 4 });
    expect(first?.column).toBeGreaterThan(60);
  });

  it('refuses to copy or write, saying why', () => {
    for (const command of ['copy', 'write'] as const) {
      const s = cmd(fileState('broken.json', BROKEN), command);
      expect(s.effect).toBeNull();
      expect(s.prompt).toBeNull();
      expect(s.message).toMatchObject({ tone: 'error' });
      expect(s.message?.text).toMatch(/line 4/);
    }
  });

  it('Enter on the syntax error explains that there is no statement to show', () => {
    const s = cmd(fileState('broken.json', BROKEN), 'confirm');
    expect(ws(s).tab).toBe('findings');
    expect(s.message?.text).toBeTruthy();
  });

  it('a readable file opens on the Policy tab', () => {
    expect(ws(fileState('p.json', FILE_WITH_FINDINGS)).tab).toBe('policy');
  });

  it('bytes that are not UTF-8 open on the Findings tab with the decoding finding', () => {
    const finding = { id: 'JSON_SYNTAX', severity: 'error', statement: null, path: '', line: 2, column: 7, message: 'The input is not valid UTF-8 text (byte 0xe9); save the policy as UTF-8', fix: 'Save the policy as UTF-8 JSON text.' } as const;
    const s = initialState({ kind: 'file', name: 'latin1.json', text: '', decodeFinding: finding }, LIB);
    expect(ws(s).tab).toBe('findings');
    expect(derivedOf(s)!.findings).toEqual([finding]);
    expect(derivedOf(s)!.unreadable).toMatch(/line 2, column 7/);
  });
});

describe('export tab', () => {
  it('Given the export tab, when moving right and left, then the format changes and stops at both ends', () => {
    let s = cmd(templateState(KEY_POLICY), 'tabExport');
    expect(ws(s).format).toBe('json');
    s = cmd(s, 'right');
    expect(ws(s).format).toBe('terraform');
    s = cmd(s, 'right', 'right', 'right');
    expect(ws(s).format).toBe(EXPORT_FORMATS[EXPORT_FORMATS.length - 1]);
    s = cmd(s, 'left', 'left', 'left', 'left');
    expect(ws(s).format).toBe('json');
  });
});
