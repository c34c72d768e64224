import { EventEmitter } from 'node:events';

/**
 * Keyboard input for an in-process Ink app: `send()` hands Ink one read, as a terminal
 * delivers a key (or a burst of keys). Used by the keystroke bench and the test of the
 * build's Ink edits.
 */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  data = null;
  send(s) {
    this.data = s;
    this.emit('readable');
  }
  read() {
    const d = this.data;
    this.data = null;
    return d;
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}
