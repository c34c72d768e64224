import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { HelpOverlay } from '../../../source/ui/components/help-overlay.js';
import { BINDINGS, bindingOf, COMMANDS, CONTEXT_COMMANDS, commandOf, footerHints, keyPresses, type KeyPress, HINT_GAP, type Command, type KeyContext } from '../../../source/ui/keys/bindings.js';

/** SPEC 6's key table, as Ink reports each key. */
const SPEC_KEYS: readonly [string, string, Partial<import('ink').Key>, Command][] = [
  ['↑', '', { upArrow: true }, 'up'],
  ['k', 'k', {}, 'up'],
  ['↓', '', { downArrow: true }, 'down'],
  ['j', 'j', {}, 'down'],
  ['Enter', '\r', { return: true }, 'confirm'],
  ['Esc', '', { escape: true }, 'back'],
  ['Tab', '\t', { tab: true }, 'nextPane'],
  ['Shift+Tab', '', { tab: true, shift: true }, 'prevPane'],
  ['/', '/', {}, 'filter'],
  ['1', '1', {}, 'tabPolicy'],
  ['2', '2', {}, 'tabMatrix'],
  ['3', '3', {}, 'tabFindings'],
  ['4', '4', {}, 'tabExport'],
  ['5', '5', {}, 'tabAsk'],
  ['g', 'g', {}, 'toggleGroups'],
  ['c', 'c', {}, 'copy'],
  ['w', 'w', {}, 'write'],
  ['?', '?', {}, 'help'],
  ['q', 'q', {}, 'quit'],
];

describe('key-binding table', () => {
  /** What the keys of one read mean where keys are commands (a text run taken one character at a time). */
  const commandsOf = (presses: readonly KeyPress[]) =>
    presses.flatMap((p) => (p.kind === 'key' ? [p] : Array.from(p.text, (text): KeyPress => ({ kind: 'text', text })))).map(commandOf);

  it.each(SPEC_KEYS)('SPEC 6: %s means %s', (_name, input, key, command) => {
    const presses = keyPresses(input, key);
    expect(presses).toHaveLength(1);
    expect(commandOf(presses[0]!)).toBe(command);
  });

  it('splits a read of several keys in order: printable runs stay together, Enter, Tab and Backspace count as keys', () => {
    expect(keyPresses('jj\r', {})).toEqual([{ kind: 'text', text: 'jj' }, { kind: 'key', name: 'return' }]);
    expect(keyPresses('/word', {})).toEqual([{ kind: 'text', text: '/word' }]);
    expect(keyPresses('ab\u007fc\r\nd', {})).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'key', name: 'backspace' },
      { kind: 'text', text: 'c' },
      { kind: 'key', name: 'return' },
      { kind: 'text', text: 'd' },
    ]);
    expect(commandsOf(keyPresses('jj\r', {}))).toEqual(['down', 'down', 'confirm']);
    expect(commandsOf(keyPresses('2\tq', {}))).toEqual(['tabMatrix', 'nextPane', 'quit']);
    expect(commandsOf(keyPresses('jzk', {}))).toEqual(['down', null, 'up']);
  });

  it('names the editing keys of a text field and drops other control characters', () => {
    expect(keyPresses('', { backspace: true })).toEqual([{ kind: 'key', name: 'backspace' }]);
    // Ink reports the Backspace key (DEL) as delete.
    expect(keyPresses('', { delete: true })).toEqual([{ kind: 'key', name: 'backspace' }]);
    expect(keyPresses('', { home: true })).toEqual([{ kind: 'key', name: 'home' }]);
    expect(keyPresses('', { end: true })).toEqual([{ kind: 'key', name: 'end' }]);
    expect(keyPresses('a\u0001b\u0007', {})).toEqual([{ kind: 'text', text: 'ab' }]);
    expect(keyPresses('cc', { ctrl: true })).toEqual([]);
  });

  it('has one binding per command and no key bound twice', () => {
    expect(BINDINGS.map((b) => b.command).sort()).toEqual([...COMMANDS].sort());
    const keys = BINDINGS.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives no command for Ctrl or Meta chords and unbound keys', () => {
    expect(keyPresses('c', { ctrl: true })).toEqual([]);
    expect(keyPresses('q', { meta: true })).toEqual([]);
    expect(keyPresses('', {})).toEqual([]);
    expect(commandOf({ kind: 'text', text: 'z' })).toBeNull();
    expect(commandOf({ kind: 'text', text: 'Z' })).toBeNull();
  });

  it('Home and End (and G) go to the first and last line; t transposes the matrix', () => {
    expect(commandOf({ kind: 'key', name: 'home' })).toBe('first');
    expect(commandOf({ kind: 'key', name: 'end' })).toBe('last');
    expect(commandOf({ kind: 'text', text: 'G' })).toBe('last');
    expect(commandOf({ kind: 'text', text: 'g' })).toBe('toggleGroups');
    expect(commandOf({ kind: 'text', text: 't' })).toBe('transpose');
  });

  const contexts = Object.keys(CONTEXT_COMMANDS) as KeyContext[];

  it.each(contexts)('footer of %s: every command has a binding, and at 80 columns the hints fit and keep help and quit', (context) => {
    for (const c of CONTEXT_COMMANDS[context]) expect(COMMANDS).toContain(c);
    expect(footerHints(context)).toHaveLength(CONTEXT_COMMANDS[context].length);
    const hints = footerHints(context, 80);
    const line = hints.map((h) => `${h.key} ${h.text}`).join(' '.repeat(HINT_GAP));
    expect(line.length, line).toBeLessThanOrEqual(80);
    for (const essential of ['help', 'quit'] as const) {
      if (CONTEXT_COMMANDS[context].includes(essential)) expect(hints.map((h) => h.key)).toContain(bindingOf(essential).label);
    }
  });

  it('the page keys (PgDn/PgUp, and d/u for keyboards without them) scroll the statement detail, and the statements footers say so at 80 columns', () => {
    expect(commandOf(keyPresses('', { pageDown: true })[0]!)).toBe('pageDown');
    expect(commandOf(keyPresses('', { pageUp: true })[0]!)).toBe('pageUp');
    // d/u scroll the statement's detail from either pane of the Policy tab (in the form, a page key would jump to the last parameter).
    expect(commandOf({ kind: 'text', text: 'd' })).toBe('scrollDown');
    expect(commandOf({ kind: 'text', text: 'u' })).toBe('scrollUp');
    for (const context of ['statements', 'file-statements'] as const) {
      expect(footerHints(context, 80)).toContainEqual({ key: 'PgUp/Dn', text: 'scroll' });
    }
    expect(bindingOf('pageDown').description).toContain('scroll the detail');
    expect(bindingOf('scrollDown').description).toContain('scroll the detail');
  });

  it.each(contexts.filter((c) => CONTEXT_COMMANDS[c].includes('write')))('the %s footer keeps w write at 80 columns', (context) => {
    expect(footerHints(context, 80)).toContainEqual({ key: 'w', text: 'write' });
  });

  it('a wide terminal shows every hint of a context', () => {
    expect(footerHints('parameters', 200)).toHaveLength(CONTEXT_COMMANDS.parameters.length);
  });

  it('every workspace footer offers help and quit', () => {
    for (const context of ['browser', 'parameters', 'statements', 'matrix', 'findings', 'export'] as const) {
      expect(CONTEXT_COMMANDS[context]).toEqual(expect.arrayContaining(['help', 'quit']));
    }
  });

  it('the help overlay lists every binding with its keys and what it does', () => {
    const { lastFrame, unmount } = render(<HelpOverlay height={40} width={200} context="statements" />);
    const frame = lastFrame() ?? '';
    for (const b of BINDINGS) {
      expect(frame, b.command).toContain(b.label);
      expect(frame, b.command).toContain(b.description);
    }
    unmount();
  });

  it.each(['matrix', 'export', 'findings'] as const)('the help overlay opened from the %s lists its keys first', (context) => {
    const { lastFrame, unmount } = render(<HelpOverlay height={40} width={200} context={context} />);
    const frame = lastFrame() ?? '';
    const others = frame.indexOf('All other keys');
    expect(others).toBeGreaterThan(0);
    for (const c of CONTEXT_COMMANDS[context]) expect(frame.indexOf(bindingOf(c).description), c).toBeLessThan(others);
    const outside = BINDINGS.find((b) => !CONTEXT_COMMANDS[context].includes(b.command))!;
    expect(frame.indexOf(outside.description)).toBeGreaterThan(others);
    unmount();
  });
});
