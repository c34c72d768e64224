import { describe, expect, it } from 'vitest';
import { cmd, pickerState, press, ws } from './harness.js';

// The picker's reducer (SPEC 6, issue 17): pure, without rendering.

describe('picker', () => {
  it('Given the picker, Then it starts on the first policy in file order, with no workspace', () => {
    const s = pickerState();
    expect(s.screen).toBe('picker');
    expect(s.workspace).toBeNull();
    expect(s.picker?.entries.map((e) => (e.kind === 'file' ? e.policy?.name : null))).toEqual(['Resources.Key', 'Resources.Role.Policies.Use']);
  });

  it('When down, down, up, Then the selection stays inside the list', () => {
    expect(cmd(pickerState(), 'down').picker?.selected).toBe(1);
    expect(cmd(cmd(pickerState(), 'down'), 'down').picker?.selected).toBe(1);
    expect(cmd(pickerState(), 'up').picker?.selected).toBe(0);
    expect(cmd(pickerState(), 'pageDown').picker?.selected).toBe(1);
  });

  it('When Enter, Then the workspace opens on the selected policy (its kind from the resource type)', () => {
    const s = cmd(cmd(pickerState(), 'down'), 'confirm');
    expect(s.screen).toBe('workspace');
    expect(ws(s).source).toMatchObject({ kind: 'file', name: 'stack.yaml', policy: { name: 'Resources.Role.Policies.Use', kind: 'identity' } });
    expect(ws(s).tab).toBe('policy');
  });

  it('When Esc from any tab of the workspace, Then back to the picker on the same entry; Esc there does nothing', () => {
    for (const tab of ['tabPolicy', 'tabMatrix', 'tabFindings', 'tabExport'] as const) {
      const opened = cmd(cmd(cmd(pickerState(), 'down'), 'confirm'), tab);
      const back = press(opened, 'escape');
      expect(back.screen).toBe('picker');
      expect(back.workspace).toBeNull();
      expect(back.picker?.selected).toBe(1);
      expect(press(back, 'escape')).toEqual(back);
    }
  });

  it('When q on the picker, Then quit is asked for (nothing was edited)', () => {
    expect(cmd(pickerState(), 'quit').effect).toMatchObject({ kind: 'quit' });
  });

  it('When Esc on the help overlay over a picked workspace, Then only the overlay closes', () => {
    const s = press(cmd(cmd(pickerState(), 'confirm'), 'help'), 'escape');
    expect(s.help).toBe(false);
    expect(s.screen).toBe('workspace');
  });
});
