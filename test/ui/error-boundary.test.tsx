import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useInput } from 'ink';
import { ErrorBoundary } from '../../source/ui/components/error-boundary.js';

// An exception inside a component (issue 8): the error and the way out, then the normal exit path.

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

/** Waits (bounded) until the condition holds; the last check decides. */
async function eventually(condition: () => boolean) {
  for (let i = 0; i < 50 && !condition(); i++) await tick();
}

/** Renders fine until a key is pressed, then throws while rendering. */
function Fragile() {
  const [broken, setBroken] = useState(false);
  useInput(() => setBroken(true));
  if (broken) throw new Error('statement index out of range\n    at Fragile (fragile.tsx:1:1)');
  return <Text>all well</Text>;
}

function setup() {
  const errors: Error[] = [];
  let exits = 0;
  const ui = render(
    <ErrorBoundary onError={(e) => errors.push(e)} onExit={() => exits++}>
      <Fragile />
    </ErrorBoundary>,
  );
  return { ui, errors, exits: () => exits };
}

describe('ErrorBoundary', () => {
  it('shows its children while nothing fails', () => {
    const { ui, errors } = setup();
    expect(ui.lastFrame()).toContain('all well');
    expect(errors).toEqual([]);
    ui.unmount();
  });

  it('given a component that throws, shows the error and how to leave, and reports the error once', async () => {
    const { ui, errors, exits } = setup();
    await tick();
    ui.stdin.write('x');
    await eventually(() => (ui.lastFrame() ?? '').includes('internal error'));
    const frame = ui.lastFrame() ?? '';
    expect(frame).toContain('internal error: statement index out of range');
    expect(frame).toContain('Press any key to leave');
    // One line of message, never the stack.
    expect(frame).not.toMatch(/\n\s+at /);
    expect(errors.map((e) => e.message.split('\n')[0])).toEqual(['statement index out of range']);
    expect(exits()).toBe(0);
    ui.unmount();
  });

  it('when a key is pressed on the error screen, leaves through the exit path', async () => {
    const { ui, exits } = setup();
    await tick();
    ui.stdin.write('x');
    await eventually(() => (ui.lastFrame() ?? '').includes('Press any key to leave'));
    expect(ui.lastFrame()).toContain('Press any key to leave');
    // The key handler of the error screen is attached after it is drawn.
    await tick();
    ui.stdin.write('q');
    await eventually(() => exits() > 0);
    expect(exits()).toBe(1);
    ui.unmount();
  });
});
