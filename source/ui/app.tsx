import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { Template } from '../core/templates/types.js';
import type { CopyResult } from '../io/clipboard.js';
import type { WriteResult } from '../io/atomic-write.js';
import { Footer } from './components/footer.js';
import { HelpOverlay } from './components/help-overlay.js';
import { PromptLine } from './components/prompt-line.js';
import { TooSmall } from './components/too-small.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { commandsFor } from './keys/bindings.js';
import { Browser } from './screens/browser.js';
import { Workspace } from './screens/workspace.js';
import { browseList } from './state/browse-list.js';
import { derive, exportText, type Derived } from './state/derive.js';
import { paramRows } from './state/params.js';
import { createReducer, focusOf, keyContextOf, type Action } from './state/reducer.js';
import type { AppState, Effect, View } from './state/types.js';
import { viewOf } from './state/view.js';
import type { TemplateLibrary } from './state/workspace.js';

/** The outside world of the UI; tests pass fakes. */
export interface UiServices {
  readonly templates: readonly Template[];
  readonly library: TemplateLibrary;
  readonly copy: (text: string) => Promise<CopyResult>;
  readonly write: (path: string, text: string, overwrite: boolean) => Promise<WriteResult>;
  readonly exists: (path: string) => Promise<boolean>;
}

export interface AppProps {
  readonly initial: AppState;
  readonly services: UiServices;
}

export function App({ initial, services }: AppProps) {
  const { exit } = useApp();
  const reducer = useMemo(() => createReducer(services.library), [services.library]);
  const [state, dispatch] = useReducer(reducer, initial);
  const size = useTerminalSize();
  const ws = state.workspace;

  const list = useMemo(() => browseList(services.templates, state.browser.filter), [services.templates, state.browser.filter]);
  const template = ws?.source.kind === 'template' ? services.library.find(ws.source.templateId) : undefined;
  // Derived data depends only on the policy source: cursor moves and tab switches reuse it.
  const derived: Derived | null = useMemo(() => (ws ? derive(ws.source, template) : null), [ws?.source, template]);
  const rows = useMemo(() => (template && ws?.source.kind === 'template' ? paramRows(template, ws.source.values) : []), [template, ws?.source]);

  const view: View = viewOf(state, list, derived, rows.length);
  // When the lists change under a cursor (an edit removed a principal or a finding), the cursor stays inside.
  useEffect(() => dispatch({ type: 'sync-view', view }), [list, derived, rows.length, ws?.matrix.mode]);

  const focus = focusOf(state);
  useInput(
    (input, key) => {
      for (const command of commandsFor(input, key)) dispatch({ type: 'command', command, view });
    },
    // Below the minimum size only the too-small screen's q works: no key may change what cannot be seen.
    { isActive: focus === 'main' && size.sizeClass !== 'too-small' },
  );

  useEffect(() => {
    const effect = state.effect;
    if (!effect) return;
    void runEffect(effect, state, derived, services, exit).then((done) => {
      if (done) dispatch(done);
    });
    // Each effect runs once: it is keyed by its id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.effect?.id]);

  const send = useCallback((action: Action) => dispatch(action), []);
  const onEditChange = useCallback((value: string) => send({ type: 'edit-change', value }), [send]);
  const onEditSubmit = useCallback(() => send({ type: 'edit-submit' }), [send]);
  const onCancel = useCallback(() => send({ type: 'command', command: 'back', view: { ...view } }), [send, view]);

  if (size.sizeClass === 'too-small') return <TooSmallQuit columns={size.columns} rows={size.rows} dirty={ws?.dirty ?? false} />;
  // One line short of the terminal: a full-height frame would scroll the alternate screen.
  const height = size.rows - 1;
  const bodyHeight = height - 2;
  // The status line: a message, else the full reason an edited value is refused (the form has room for only part of it), else the field's help.
  const editError = ws?.editing?.error ?? null;
  const help = ws?.tab === 'policy' && ws.pane === 'parameters' && !state.message ? rows[ws.paramRow]?.param.help : undefined;
  const status = state.message ?? (editError ? { tone: 'error' as const, text: editError } : help ? { tone: 'info' as const, text: help } : null);
  return (
    <Box flexDirection="column" width={size.columns} height={height}>
      <Box height={bodyHeight} flexDirection="column" overflow="hidden">
        {state.help ? (
          <HelpOverlay height={bodyHeight} width={size.columns} />
        ) : state.screen === 'workspace' && ws && derived ? (
          <Workspace ws={ws} derived={derived} template={template} rows={rows} width={size.columns} height={bodyHeight} onEditChange={onEditChange} onEditSubmit={onEditSubmit} onEditCancel={onCancel} />
        ) : (
          <Browser
            state={state.browser}
            list={list}
            total={services.templates.length}
            width={size.columns}
            height={bodyHeight}
            onFilterChange={(value) => send({ type: 'filter-change', value })}
            onFilterSubmit={() => send({ type: 'filter-submit' })}
            onFilterCancel={onCancel}
          />
        )}
      </Box>
      {state.prompt ? (
        <PromptLine prompt={state.prompt} onChange={(value) => send({ type: 'prompt-change', value })} onSubmit={() => send({ type: 'prompt-submit' })} onCancel={onCancel} />
      ) : null}
      <Footer context={keyContextOf(state)} message={status} width={size.columns} hideStatus={Boolean(state.prompt)} />
    </Box>
  );
}

/** Below the minimum size only q (and Ctrl+C) work; with unsaved edits q asks to be pressed twice. */
function TooSmallQuit({ columns, rows, dirty }: { columns: number; rows: number; dirty: boolean }) {
  const { exit } = useApp();
  const [asked, setAsked] = useState(false);
  useInput((input) => {
    if (input !== 'q') return;
    if (dirty && !asked) setAsked(true);
    else exit();
  });
  return <TooSmall columns={columns} rows={rows} question={dirty && asked ? 'Edits were neither written nor copied: press q again to quit anyway, or enlarge the window.' : null} />;
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
      return { type: 'effect-done', id, message: { tone: r.method === 'none' ? 'error' : 'info', text: r.message }, saved: r.method !== 'none' };
    }
    case 'check-write':
      if (await services.exists(effect.path)) return { type: 'effect-done', id, message: null, prompt: { kind: 'overwrite', path: effect.path } };
      return writeDone(id, await services.write(effect.path, text, false));
    case 'write':
      return writeDone(id, await services.write(effect.path, text, true));
  }
}

function writeDone(id: number, r: WriteResult): Action {
  if (!r.ok) return { type: 'effect-done', id, message: { tone: 'error', text: r.message } };
  return { type: 'effect-done', id, message: { tone: 'info', text: `${r.overwritten ? 'Overwrote' : 'Wrote'} ${r.path}` }, saved: true };
}
