import { Box, useApp, useInput, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Template } from '../core/templates/types.js';
import type { CopyResult } from '../io/clipboard.js';
import type { WriteResult } from '../io/atomic-write.js';
import { Footer, statusRows } from './components/footer.js';
import { HelpOverlay } from './components/help-overlay.js';
import { PromptLine } from './components/prompt-line.js';
import { TooSmall } from './components/too-small.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { commandOf, keyPresses } from './keys/bindings.js';
import { Browser } from './screens/browser.js';
import { Picker } from './screens/picker.js';
import { Workspace } from './screens/workspace.js';
import { exportText, type Derived, type SlowParts } from './state/derive.js';
import type { PolicyKind } from '../core/policy/model.js';
import type { Grant } from '../core/grants/model.js';
import type { PolicyDiff } from '../core/diff/types.js';
import { createReducer, keyContextOf, type Action } from './state/reducer.js';
import type { AppState, Effect, View } from './state/types.js';
import { createViewSource, viewOf } from './state/view.js';
import type { TemplateLibrary } from './state/workspace.js';

/** The outside world of the UI; tests pass fakes. */
export interface UiServices {
  readonly templates: readonly Template[];
  readonly library: TemplateLibrary;
  readonly copy: (text: string) => Promise<CopyResult>;
  readonly write: (path: string, text: string, overwrite: boolean) => Promise<WriteResult>;
  /** Before the overwrite question: whether the path names an existing file, or why it cannot be written at all (a folder, FIFO, device). */
  /** Ctrl+Z: stop the program as the shell would (the terminal is restored first). */
  readonly suspend?: () => void;
  readonly check: (path: string) => Promise<{ readonly exists: boolean; readonly refusal: string | null }>;
  /** Computes a large opened policy's findings and matrix off the UI thread; without it they are computed in place. */
  readonly background?: (text: string, kind: PolicyKind, grants: readonly Grant[]) => Promise<SlowParts>;
  /** The diff of two large policy documents off the UI thread (the Changes tab of `open --against`); without it, computed in place. */
  readonly backgroundDiff?: (before: string, after: string, kind: PolicyKind) => Promise<PolicyDiff>;
}

export interface AppProps {
  readonly initial: AppState;
  readonly services: UiServices;
}

export function App({ initial, services }: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  // The view source reads the size when a key comes (how far the statement detail scrolls depends on it).
  const sizeNow = useRef(size);
  sizeNow.current = size;
  // A large policy's findings and matrix arrive later (services.background): the next render picks them up.
  const [, setArrived] = useState(0);
  const source = useMemo(() => {
    const run = services.background;
    const diff = services.backgroundDiff;
    const background = run ? { run, onReady: () => setArrived((n) => n + 1), ...(diff ? { diff } : {}) } : undefined;
    return createViewSource(services.templates, services.library, () => sizeNow.current, background);
  }, [services.templates, services.library, services.background, services.backgroundDiff]);
  const reducer = useMemo(() => createReducer(services.library, source.view), [services.library, source]);
  const [state, dispatch] = useReducer(reducer, initial);
  const ws = state.workspace;

  const list = source.list(state.browser.filter);
  const template = source.template(ws);
  // Derived data depends only on the policy source: cursor moves and tab switches reuse it.
  const derived: Derived | null = source.derived(ws);
  const rows = source.rows(ws);
  const changes = source.changes(ws);

  const view: View = viewOf(state, list, derived, rows.length, size, changes);
  // When the lists change under a cursor (an edit removed a principal or a finding), the cursor stays inside; so does the detail's scroll after a resize.
  useEffect(() => dispatch({ type: 'sync-view', view }), [list, derived, changes, rows.length, ws?.matrix.mode, size.columns, size.rows]);

  // Below the minimum size only q (and Ctrl+C) work: no key may change what cannot be seen. With unsaved edits q asks to be pressed twice.
  const tooSmall = size.sizeClass === 'too-small';
  const [askedToQuit, setAskedToQuit] = useState(false);
  useEffect(() => {
    if (!tooSmall) setAskedToQuit(false);
  }, [tooSmall]);
  const latest = useRef({ tooSmall, dirty: ws?.dirty ?? false, askedToQuit });
  latest.current = { tooSmall, dirty: ws?.dirty ?? false, askedToQuit };
  // The app's one input handler, attached once and never swapped: every key becomes an action, and
  // the reducer sends it where the focus is at that moment, so no key waits for a frame to find its handler.
  const onInput = useCallback(
    (input: string, key: Key) => {
      // Raw mode turns Ctrl+Z into a key; it still means "suspend", as in every terminal program.
      if (key.ctrl && input === 'z') {
        services.suspend?.();
        return;
      }
      const keys = keyPresses(input, key);
      if (!latest.current.tooSmall) {
        if (keys.length > 0) dispatch({ type: 'keys', keys });
        return;
      }
      const quit = keys.some((k) => (k.kind === 'key' ? [k] : Array.from(k.text, (text) => ({ kind: 'text' as const, text }))).some((one) => commandOf(one) === 'quit'));
      if (!quit) return;
      if (latest.current.dirty && !latest.current.askedToQuit) setAskedToQuit(true);
      else exit();
    },
    [exit, services],
  );
  useInput(onInput, { isActive: true });

  useEffect(() => {
    const effect = state.effect;
    if (!effect) return;
    void runEffect(effect, state, derived, services, exit).then((done) => {
      if (done) dispatch(done);
    });
    // Each effect runs once: it is keyed by its id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.effect?.id]);

  if (tooSmall) {
    const question = ws?.dirty && askedToQuit ? 'Edits were neither written nor copied: press q again to quit anyway, or enlarge the window.' : null;
    return <TooSmall columns={size.columns} rows={size.rows} question={question} />;
  }
  // One line short of the terminal: a full-height frame would scroll the alternate screen.
  const height = size.rows - 1;
  // The status line: a message, else the full reason an edited value is refused (the form has room for only part of it), else the field's help.
  const editError = ws?.editing?.error ?? null;
  const help = ws?.tab === 'policy' && ws.pane === 'parameters' && !state.message ? rows[ws.paramRow]?.param.help : undefined;
  const status = state.message ?? (editError ? { tone: 'error' as const, text: editError } : help ? { tone: 'info' as const, text: help } : null);
  // The footer's key hints take one row, the status one or two (a long message wraps).
  const bodyHeight = height - 1 - (state.prompt ? 1 : statusRows(status, size.columns));
  return (
    <Box flexDirection="column" width={size.columns} height={height}>
      <Box height={bodyHeight} flexDirection="column" overflow="hidden">
        {state.help ? (
          <HelpOverlay height={bodyHeight} width={size.columns} context={keyContextOf({ ...state, help: false })} />
        ) : state.screen === 'picker' && state.picker ? (
          <Picker picker={state.picker} width={size.columns} height={bodyHeight} />
        ) : state.screen === 'workspace' && ws && derived ? (
          <Workspace ws={ws} derived={derived} changes={changes} template={template} rows={rows} width={size.columns} height={bodyHeight} />
        ) : (
          <Browser state={state.browser} list={list} total={services.templates.length} width={size.columns} height={bodyHeight} />
        )}
      </Box>
      {state.prompt ? <PromptLine prompt={state.prompt} width={size.columns} /> : null}
      <Footer context={keyContextOf(state)} message={status} width={size.columns} hideStatus={Boolean(state.prompt)} />
    </Box>
  );
}

async function runEffect(effect: Effect, state: AppState, derived: Derived | null, services: UiServices, exit: () => void): Promise<Action | null> {
  const id = effect.id;
  const ws = state.workspace;
  const text = derived && ws ? exportText(derived, ws.format) : '';
  switch (effect.kind) {
    case 'quit':
      exit();
      return null;
    case 'copy': {
      const r = await services.copy(text);
      // Only the system clipboard confirms a copy: after an OSC 52 escape (which a terminal may ignore) q still asks.
      const shown = r.method === 'clipboard' ? r.message : `${r.message} The Export tab (4) shows the text to select.`;
      return { type: 'effect-done', id, message: { tone: r.method === 'none' ? 'error' : 'info', text: shown }, saved: r.method === 'clipboard' };
    }
    case 'check-write': {
      // A folder, FIFO or device is refused before any question: "Overwrite?" would promise what cannot be done.
      const check = await services.check(effect.path);
      if (check.refusal !== null) return { type: 'effect-done', id, message: { tone: 'error', text: check.refusal } };
      if (check.exists) return { type: 'effect-done', id, message: null, prompt: { kind: 'overwrite', path: effect.path } };
      return writeDone(id, await services.write(effect.path, text, false));
    }
    case 'write':
      return writeDone(id, await services.write(effect.path, text, true));
  }
}

function writeDone(id: number, r: WriteResult): Action {
  if (!r.ok) return { type: 'effect-done', id, message: { tone: 'error', text: r.message } };
  const verb = r.overwritten ? 'Overwrote' : 'Wrote';
  // Through a symbolic link the message names the file that changed, so nobody believes the link itself was saved.
  const text = r.target !== undefined ? `${verb} ${r.target} (via link ${r.path})` : `${verb} ${r.path}`;
  return { type: 'effect-done', id, message: { tone: 'info', text }, saved: true };
}
