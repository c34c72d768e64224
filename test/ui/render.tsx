import { render as inkRender } from 'ink-testing-library';
import { useEffect } from 'react';
import { allTemplates, findTemplate, validateParameter } from '../../source/core/templates/index.js';
import type { CopyResult } from '../../source/io/clipboard.js';
import type { WriteResult } from '../../source/io/atomic-write.js';
import { App, type UiServices } from '../../source/ui/app.js';
import { initialState } from '../../source/ui/state/reducer.js';
import type { PickerState, WorkspaceSource } from '../../source/ui/state/types.js';

export { KEY } from '../helpers/keys.js';

/** The library as the real app sees it. */
export const LIBRARY = { find: findTemplate, validate: validateParameter };

/** Fake outside world: a clipboard that answers with a chosen method, and files in a map. */
export interface FakeWorld {
  readonly copied: string[];
  readonly writes: { path: string; text: string; overwrite: boolean }[];
  readonly files: Map<string, string>;
  /** The app ended (q, or y to discard): ink unmounted the tree. */
  exited: boolean;
}

export interface RenderOptions {
  readonly source?: WorkspaceSource;
  /** `open` on a source with several policies: the picker first. */
  readonly picker?: PickerState;
  readonly columns?: number;
  readonly rows?: number;
  readonly copy?: CopyResult;
  readonly files?: Record<string, string>;
  /** Paths the write check refuses, with the message (a folder, FIFO or device). */
  readonly refuse?: Record<string, string>;
  /** Computes large policies' findings and matrix "in the background" (the real app: a worker thread). */
  readonly background?: UiServices['background'];
  /** Diffs large policies "in the background" (the real app: the same worker thread). */
  readonly backgroundDiff?: UiServices['backgroundDiff'];
}

export interface Rendered {
  readonly world: FakeWorld;
  /** The current screen, without colour. */
  frame(): string;
  /** One key, then wait for the app to settle (effects included). */
  press(key: string): Promise<void>;
  /** Text, one character per write. */
  type(text: string): Promise<void>;
  /**
   * Several writes back to back, before any frame is drawn (keys typed faster than
   * the screen, or a paste), then wait for the app to settle.
   */
  burst(...writes: string[]): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  unmount(): void;
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

export function fakeServices(options: RenderOptions = {}): { services: UiServices; world: FakeWorld } {
  const world: FakeWorld = { copied: [], writes: [], files: new Map(Object.entries(options.files ?? {})), exited: false };
  const copyResult = options.copy ?? { method: 'clipboard', message: 'Copied to the system clipboard.' };
  const services: UiServices = {
    templates: allTemplates(),
    library: LIBRARY,
    copy: async (text) => {
      world.copied.push(text);
      return copyResult;
    },
    write: async (path, text, overwrite): Promise<WriteResult> => {
      if (world.files.has(path) && !overwrite) return { ok: false, reason: 'exists', path, message: `${path} already exists; it was not overwritten` };
      const overwritten = world.files.has(path);
      world.writes.push({ path, text, overwrite });
      world.files.set(path, text);
      return { ok: true, path, overwritten };
    },
    check: async (path) => ({ exists: world.files.has(path), refusal: options.refuse?.[path] ?? null }),
    ...(options.background ? { background: options.background } : {}),
    ...(options.backgroundDiff ? { backgroundDiff: options.backgroundDiff } : {}),
  };
  return { services, world };
}

/** Notices the app's exit: ink unmounts the whole tree, this included. */
function ExitProbe({ world }: { readonly world: FakeWorld }) {
  useEffect(
    () => () => {
      world.exited = true;
    },
    [world],
  );
  return null;
}

/** Renders the whole app with fake services, at a terminal size (default 100x30). */
export async function renderApp(options: RenderOptions = {}): Promise<Rendered> {
  const { services, world } = fakeServices(options);
  const instance = inkRender(
    <>
      <App initial={initialState(options.source, LIBRARY, options.picker)} services={services} />
      <ExitProbe world={world} />
    </>,
  );
  const stdout = instance.stdout as unknown as NodeJS.EventEmitter & { columns: number; rows: number };
  const frame = () => (instance.lastFrame() ?? '').replace(ANSI, '');
  // Waits until no new frame arrives for a few ticks: ink renders after React commits, effects resolve later.
  const settle = async () => {
    let seen = -1;
    for (let quiet = 0, i = 0; quiet < 3 && i < 200; i++) {
      await tick();
      const n = instance.frames.length;
      quiet = n === seen ? quiet + 1 : 0;
      seen = n;
    }
  };
  const resize = async (columns: number, rows: number) => {
    Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
    stdout.emit('resize');
    await settle();
  };
  if (options.columns !== undefined || options.rows !== undefined) await resize(options.columns ?? 100, options.rows ?? 30);
  await settle();
  return {
    world,
    frame,
    press: async (key) => {
      instance.stdin.write(key);
      await settle();
    },
    type: async (text) => {
      for (const ch of text) {
        instance.stdin.write(ch);
        await settle();
      }
    },
    burst: async (...writes) => {
      for (const w of writes) instance.stdin.write(w);
      await settle();
    },
    resize,
    unmount: () => instance.unmount(),
  };
}
