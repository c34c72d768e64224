/** How text was copied: the system clipboard, the OSC 52 terminal escape, or not at all. */
export type CopyMethod = 'clipboard' | 'osc52' | 'none';

export interface CopyResult {
  readonly method: CopyMethod;
  /** One line for the user saying what happened. */
  readonly message: string;
}

export interface CopyOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where an OSC 52 escape goes (the terminal). */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  /** The system clipboard; tests pass a failing one. Default: clipboardy. */
  readonly writeClipboard?: (text: string) => Promise<void>;
}

async function systemClipboard(text: string): Promise<void> {
  const { default: clipboard } = await import('clipboardy');
  await clipboard.write(text);
}

/**
 * The OSC 52 "set clipboard" escape, the same inside tmux: tmux reads a plain OSC 52
 * itself and, with `set-clipboard on` (or `external`), sets its buffer and forwards it to
 * the outer terminal. Its DCS passthrough (`\ePtmux;...`) is dropped unless
 * `allow-passthrough` is on, which is off by default: nothing was copied then.
 */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
 * Why there is no system clipboard, in a few words: the status line has one row,
 * and what was done (OSC 52 or nothing) must stay visible after it.
 */
function reasonOf(e: unknown, env: Readonly<Record<string, string | undefined>>): string {
  const text = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  const tool = /find the `([\w.-]+)` binary/i.exec(text)?.[1];
  const noDisplay = process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
  if (noDisplay || /display server|can't open display/i.test(text)) return tool ? `no display, ${tool} not found` : 'no display';
  if (tool) return `${tool} not found`;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * Copies text: the system clipboard first (clipboardy); where there is none
 * (SSH, no display) the OSC 52 escape when stdout is a capable terminal; else
 * nothing, and the message says so plainly. Never throws.
 */
export async function copyText(text: string, options: CopyOptions): Promise<CopyResult> {
  const write = options.writeClipboard ?? systemClipboard;
  let why: string;
  try {
    await write(text);
    return { method: 'clipboard', message: 'Copied to the system clipboard.' };
  } catch (e) {
    why = reasonOf(e, options.env);
  }
  if (options.stdout.isTTY && options.env.TERM !== 'dumb') {
    options.stdout.write(osc52(text));
    // Nothing confirms an OSC 52 copy: the message says what must allow it, and the UI does not count it as saved.
    const allow = options.env.TMUX ? 'tmux must allow it (set-clipboard on), and so must the terminal' : 'the terminal must allow OSC 52';
    return {
      method: 'osc52',
      message: `Sent the text with the OSC 52 terminal escape (no system clipboard: ${why}); ${allow} for it to be copied.`,
    };
  }
  return { method: 'none', message: `Nothing was copied: no system clipboard (${why}) and no terminal for the OSC 52 escape.` };
}
