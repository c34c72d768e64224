import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../../source/core/sources/index.js';
import { sourceEntries } from '../../../source/ui/state/picker.js';
import type { PickerState } from '../../../source/ui/state/types.js';
import { FIXTURES } from '../../helpers/cli.js';
import { KEY, renderApp } from '../render.js';

// The picker of `open` on a source with several policies (SPEC 6, issue 17), in process:
// a CloudFormation template holding a key policy and a role's inline policy.

const FILE = 'kms-key.cfn.yaml';

function pickerOf(file: string): PickerState {
  const text = readFileSync(join(FIXTURES, 'sources', file), 'utf8');
  const read = readSource(file, text);
  const entries = sourceEntries(file, read.policies.map((p) => ({ policyName: p.name, kind: p.kindHint ?? 'identity', source: p })));
  return { file, entries, selected: 0 };
}

describe('Picker', () => {
  it('Given a template with two policies, Then it lists both with kind, statements and line, and the footer offers Enter', async () => {
    const app = await renderApp({ picker: pickerOf(FILE), columns: 120, rows: 24 });
    try {
      const frame = app.frame();
      expect(frame).toContain(`${FILE} holds 2 policies`);
      expect(frame).toMatch(/› Resources\.OrdersKey .*key policy .*3 statements .*line 16/);
      expect(frame).toMatch(/ {2}Resources\.AppRole\.Policies\.UseOrdersKey .*IAM policy .*1 statement .*line 67/);
      expect(frame).toMatch(/Enter open/);
    } finally {
      app.unmount();
    }
  });

  it('When j then Enter, Then the workspace opens on the second policy with its findings in the file; Esc returns to the list on it', async () => {
    // Wide enough for the whole title beside the six tabs.
    const app = await renderApp({ picker: pickerOf(FILE), columns: 140, rows: 24 });
    try {
      await app.press('j');
      expect(app.frame()).toMatch(/› Resources\.AppRole/);
      await app.press(KEY.enter);
      expect(app.frame()).toContain(`${FILE}: Resources.AppRole.Policies.UseOrdersKey`);
      expect(app.frame()).toContain('Esc policies');
      await app.press('3');
      // The finding points into the YAML file (the !GetAtt on line 71), not a re-serialized copy.
      expect(app.frame()).toMatch(/UNRESOLVED_REFERENCE\s+statement 0, line 71, column 35/);
      expect(app.frame()).toContain('71 |                 Resource: !GetAtt OrdersKey.Arn');
      await app.press(KEY.escape);
      expect(app.frame()).toContain(`${FILE} holds 2 policies`);
      expect(app.frame()).toMatch(/› Resources\.AppRole/);
      // k moves back up; Enter opens the key policy this time.
      await app.press('k');
      await app.press(KEY.enter);
      expect(app.frame()).toContain(`${FILE}: Resources.OrdersKey`);
      expect(app.frame()).toContain('key policy');
      await app.press('q');
      expect(app.world.exited).toBe(true);
    } finally {
      app.unmount();
    }
  });

  it('q on the picker quits; keys that mean nothing there change nothing', async () => {
    const app = await renderApp({ picker: pickerOf(FILE), columns: 120, rows: 24 });
    try {
      const before = app.frame();
      await app.press('g');
      await app.press(KEY.escape);
      expect(app.frame()).toBe(before);
      await app.press('q');
      expect(app.world.exited).toBe(true);
    } finally {
      app.unmount();
    }
  });
});
