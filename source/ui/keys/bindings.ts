import type { Key } from 'ink';
import { SYMBOLS } from '../components/symbols.js';

/**
 * The one key-binding table of the UI (SPEC 6). Components and reducers deal in
 * commands; only this module knows which keys produce them.
 */
export const COMMANDS = [
  'up',
  'down',
  'left',
  'right',
  'pageUp',
  'pageDown',
  'scrollUp',
  'scrollDown',
  'first',
  'last',
  'confirm',
  'back',
  'nextPane',
  'prevPane',
  'filter',
  'tabPolicy',
  'tabMatrix',
  'tabFindings',
  'tabExport',
  'tabAsk',
  'tabChanges',
  'toggleGroups',
  'transpose',
  'copy',
  'write',
  'add',
  'remove',
  'help',
  'quit',
  'yes',
  'no',
] as const;

/** Something the user asks for, whatever key they pressed. */
export type Command = (typeof COMMANDS)[number];

/** A key as the table names it: a printable character, or one of the named keys. */
export type KeyName = string;

export interface Binding {
  readonly command: Command;
  readonly keys: readonly KeyName[];
  /** How the footer and help overlay show the keys. */
  readonly label: string;
  readonly description: string;
}

export const BINDINGS: readonly Binding[] = [
  { command: 'up', keys: ['up', 'k'], label: `${SYMBOLS.up}/k`, description: 'move up' },
  { command: 'down', keys: ['down', 'j'], label: `${SYMBOLS.down}/j`, description: 'move down' },
  { command: 'left', keys: ['left', 'h'], label: `${SYMBOLS.left}/h`, description: 'move left' },
  { command: 'right', keys: ['right', 'l'], label: `${SYMBOLS.right}/l`, description: 'move right' },
  // Statements pane: the page keys scroll the statement's JSON and explanation.
  { command: 'pageUp', keys: ['pageup'], label: 'PgUp', description: 'page up (statements: scroll the detail)' },
  { command: 'pageDown', keys: ['pagedown'], label: 'PgDn', description: 'page down (statements: scroll the detail)' },
  // d/u (as in less) for keyboards without PgUp/PgDn: on the Policy tab they scroll the statement's detail from either pane
  // (in the parameters form a page key would only jump to the last parameter); elsewhere they page.
  { command: 'scrollUp', keys: ['u'], label: 'u', description: 'scroll the detail (or page) up' },
  { command: 'scrollDown', keys: ['d'], label: 'd', description: 'scroll the detail (or page) down' },
  // g is the matrix's groups toggle, so only G (as in less and vim) doubles End.
  { command: 'first', keys: ['home'], label: 'Home', description: 'first line' },
  { command: 'last', keys: ['end', 'G'], label: 'End/G', description: 'last line' },
  { command: 'confirm', keys: ['return'], label: 'Enter', description: 'open, edit, confirm' },
  { command: 'back', keys: ['escape'], label: 'Esc', description: 'back, cancel' },
  { command: 'nextPane', keys: ['tab'], label: 'Tab', description: 'next pane' },
  { command: 'prevPane', keys: ['shift+tab'], label: 'S-Tab', description: 'previous pane' },
  { command: 'filter', keys: ['/'], label: '/', description: 'filter templates, find in a list, Ask list' },
  { command: 'tabPolicy', keys: ['1'], label: '1', description: 'Policy tab' },
  { command: 'tabMatrix', keys: ['2'], label: '2', description: 'Matrix tab' },
  { command: 'tabFindings', keys: ['3'], label: '3', description: 'Findings tab' },
  { command: 'tabExport', keys: ['4'], label: '4', description: 'Export tab' },
  { command: 'tabAsk', keys: ['5'], label: '5', description: 'Ask tab (try a request)' },
  { command: 'tabChanges', keys: ['6'], label: '6', description: 'Changes tab (widened / narrowed)' },
  { command: 'toggleGroups', keys: ['g'], label: 'g', description: 'matrix: groups / single actions' },
  { command: 'transpose', keys: ['t'], label: 't', description: 'matrix: swap rows and columns' },
  { command: 'copy', keys: ['c'], label: 'c', description: 'copy the output' },
  { command: 'write', keys: ['w'], label: 'w', description: 'write the output to a file' },
  { command: 'add', keys: ['a'], label: 'a', description: 'add a list entry' },
  { command: 'remove', keys: ['x'], label: 'x', description: 'remove entry / clear Ask value' },
  { command: 'help', keys: ['?'], label: '?', description: 'help' },
  { command: 'quit', keys: ['q'], label: 'q', description: 'quit' },
  { command: 'yes', keys: ['y'], label: 'y', description: 'answer yes to a question' },
  { command: 'no', keys: ['n'], label: 'n', description: 'answer no to a question' },
];

const BY_KEY: ReadonlyMap<KeyName, Command> = new Map(BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.command] as const)));
const BY_COMMAND: ReadonlyMap<Command, Binding> = new Map(BINDINGS.map((b) => [b.command, b]));

/** Keys that are not text: the table's named keys and the editing keys of a text field. */
export const NAMED_KEYS = ['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'return', 'escape', 'tab', 'shift+tab', 'backspace'] as const;
export type NamedKey = (typeof NAMED_KEYS)[number];

/**
 * One key as the app handles it: printable text (one character, or a run of them
 * typed fast or pasted, which arrive in one read) or a named key.
 */
export type KeyPress = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'key'; readonly name: NamedKey };

/** The named key Ink reported, if it reported one. */
function namedKey(key: Partial<Key>): NamedKey | null {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  // Ink names the Backspace key (DEL, 0x7f) "delete", as it does the Delete key.
  if (key.backspace || key.delete) return 'backspace';
  return null;
}

/** Control characters that name a key when they arrive inside a longer read. */
const CONTROL_KEYS: Readonly<Record<string, NamedKey>> = { '\r': 'return', '\n': 'return', '\t': 'tab', '\u007f': 'backspace', '\b': 'backspace', '\u001b': 'escape' };

/**
 * The keys of one read from the terminal, in order. Keys typed fast or pasted
 * come as one string ("/word", "jj\r"): printable runs stay together, and Enter,
 * Tab and Backspace inside them count as keys. Other control characters and
 * Ctrl/Alt combinations are not keys of this app.
 */
export function keyPresses(input: string, key: Partial<Key>): KeyPress[] {
  const named = namedKey(key);
  if (named) return [{ kind: 'key', name: named }];
  if (key.ctrl || key.meta || input.length === 0) return [];
  const out: KeyPress[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    const control = CONTROL_KEYS[ch];
    if (control) {
      flush();
      out.push({ kind: 'key', name: control });
      // CR LF (a pasted Windows line end) is one Enter.
      if (ch === '\r' && input[i + 1] === '\n') i++;
      // eslint-disable-next-line no-control-regex
    } else if (!/[\u0000-\u001f\u007f-\u009f]/.test(ch)) text += ch;
  }
  flush();
  return out;
}

/** The command a key means where keys are commands (not typed into a field), if any. */
export function commandOf(press: KeyPress): Command | null {
  return BY_KEY.get(press.kind === 'key' ? press.name : press.text) ?? null;
}

export function bindingOf(command: Command): Binding {
  const b = BY_COMMAND.get(command);
  if (!b) throw new Error(`no binding for ${command}`);
  return b;
}

/** "label description" pairs for a footer, in the given order. */
export function hints(commands: readonly Command[]): readonly { key: string; text: string }[] {
  return commands.map((c) => {
    const b = bindingOf(c);
    return { key: b.label, text: b.description };
  });
}

/** Where the keys go; the footer shows the commands of the current context. */
export type KeyContext =
  | 'browser'
  | 'filter'
  | 'parameters'
  | 'statements'
  | 'file-statements'
  | 'picked-statements'
  | 'picker'
  | 'matrix'
  | 'findings'
  | 'export'
  | 'ask'
  | 'ask-picker'
  | 'ask-trace'
  | 'changes'
  | 'edit'
  | 'prompt-text'
  | 'search'
  | 'prompt-yesno'
  | 'help';

const WORKSPACE_TAIL: readonly Command[] = ['tabPolicy', 'copy', 'write', 'help', 'quit'];

export const CONTEXT_COMMANDS: Readonly<Record<KeyContext, readonly Command[]>> = {
  browser: ['down', 'confirm', 'filter', 'back', 'help', 'quit'],
  filter: ['confirm', 'back'],
  parameters: ['down', 'confirm', 'add', 'remove', 'nextPane', 'scrollDown', 'last', ...WORKSPACE_TAIL],
  statements: ['down', 'pageDown', 'filter', 'nextPane', 'back', 'last', ...WORKSPACE_TAIL],
  'file-statements': ['down', 'pageDown', 'filter', 'last', ...WORKSPACE_TAIL],
  matrix: ['down', 'right', 'confirm', 'toggleGroups', 'transpose', 'filter', 'last', ...WORKSPACE_TAIL],
  findings: ['down', 'confirm', 'filter', 'last', ...WORKSPACE_TAIL],
  export: ['down', 'right', 'pageDown', 'last', 'copy', 'write', 'tabPolicy', 'help', 'quit'],
  ask: ['down', 'right', 'confirm', 'filter', 'remove', 'nextPane', ...WORKSPACE_TAIL],
  'ask-picker': ['down', 'confirm', 'filter', 'back', 'help', 'quit'],
  'ask-trace': ['down', 'confirm', 'nextPane', ...WORKSPACE_TAIL],
  changes: ['down', 'confirm', 'last', ...WORKSPACE_TAIL],
  'picked-statements': ['down', 'pageDown', 'filter', 'back', 'last', ...WORKSPACE_TAIL],
  picker: ['down', 'pageDown', 'confirm', 'last', 'help', 'quit'],
  edit: ['confirm', 'back'],
  'prompt-text': ['confirm', 'back'],
  search: ['confirm', 'back'],
  'prompt-yesno': ['yes', 'no'],
  help: ['back', 'help'],
};

/** Shorter words for the footer than the help overlay's descriptions. */
const FOOTER_TEXT: Partial<Record<Command, string>> = {
  down: 'move',
  right: 'move',
  confirm: 'select',
  back: 'back',
  tabPolicy: 'tabs',
  toggleGroups: 'groups/actions',
  last: 'first/last',
  transpose: 'transpose',
  copy: 'copy',
  write: 'write',
  add: 'add',
  remove: 'remove',
  nextPane: 'pane',
  filter: 'filter',
  help: 'help',
  quit: 'quit',
  yes: 'yes',
  no: 'no',
};

/** What Enter and Esc do where they do something particular. */
const CONTEXT_TEXT: Partial<Record<KeyContext, Partial<Record<Command, string>>>> = {
  statements: { pageDown: 'scroll', filter: 'find' },
  'file-statements': { pageDown: 'scroll', filter: 'find' },
  parameters: { confirm: 'edit', scrollDown: 'scroll detail' },
  findings: { confirm: 'go to statement', filter: 'find' },
  export: { down: 'scroll', right: 'format', pageDown: 'page' },
  search: { confirm: 'keep', back: 'go back' },
  'picked-statements': { pageDown: 'scroll', back: 'policies', filter: 'find' },
  picker: { confirm: 'open', pageDown: 'page' },
  browser: { confirm: 'open', back: 'clear filter' },
  filter: { confirm: 'keep filter', back: 'clear' },
  matrix: { confirm: 'ask why', filter: 'find' },
  ask: { right: 'choice', confirm: 'pick/type', remove: 'clear', nextPane: 'trace' },
  'ask-picker': { confirm: 'pick', back: 'close' },
  'ask-trace': { confirm: 'go to statement', nextPane: 'form' },
  changes: { confirm: 'go to statement' },
  edit: { confirm: 'done', back: 'cancel' },
  'prompt-text': { confirm: 'write', back: 'cancel' },
  help: { back: 'close' },
};

const FOOTER_KEYS: Partial<Record<Command, string>> = { down: SYMBOLS.upDown, right: SYMBOLS.leftRight, pageDown: 'PgUp/Dn', scrollDown: 'd/u', last: 'Home/End', tabPolicy: '1-6' };

/** Always shown: where they are offered, write, help and quit are never cut for room. */
const ESSENTIAL: readonly Command[] = ['write', 'help', 'quit'];

export const HINT_GAP = 2;

/**
 * The footer's "key text" pairs for a context, as many as fit in `width`
 * columns (the rest are in the help overlay); help and quit are never dropped.
 */
export function footerHints(context: KeyContext, width = Number.POSITIVE_INFINITY): readonly { key: string; text: string }[] {
  const all = CONTEXT_COMMANDS[context].map((c) => ({
    command: c,
    key: FOOTER_KEYS[c] ?? bindingOf(c).label,
    text: CONTEXT_TEXT[context]?.[c] ?? FOOTER_TEXT[c] ?? bindingOf(c).description,
  }));
  const length = (hs: readonly { key: string; text: string }[]) => hs.reduce((n, h, i) => n + (i > 0 ? HINT_GAP : 0) + h.key.length + 1 + h.text.length, 0);
  const shown = [...all];
  // Drop the last optional hints until the line fits.
  for (let i = shown.length - 1; i >= 0 && length(shown) > width; i--) {
    if (!ESSENTIAL.includes(shown[i]!.command)) shown.splice(i, 1);
  }
  return shown.map(({ key, text }) => ({ key, text }));
}
