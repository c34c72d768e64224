import { describe, expect, it } from 'vitest';
import { plain, symbolsFor, unicodeSupported } from '../../source/ui/components/symbols.js';
import { fit } from '../../source/ui/components/window.js';

describe('unicodeSupported', () => {
  it.each([
    [{ LANG: 'en_US.UTF-8' }, true],
    [{ LANG: 'C.utf8' }, true],
    [{}, true],
    [{ LANG: 'C' }, false],
    [{ LANG: 'POSIX' }, false],
    [{ LANG: 'de_DE.ISO-8859-1' }, false],
    // POSIX precedence: LC_ALL, then LC_CTYPE, then LANG.
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'C' }, false],
    [{ LANG: 'C', LC_CTYPE: 'en_US.UTF-8' }, true],
    [{ LANG: 'C', LC_ALL: 'en_US.UTF-8' }, true],
    [{ LANG: 'en_US.UTF-8', TERM: 'linux' }, false],
  ])('%j on Linux: %s', (env, expected) => {
    expect(unicodeSupported(env, 'linux')).toBe(expected);
  });

  it('on Windows only in terminals known to show Unicode', () => {
    expect(unicodeSupported({}, 'win32')).toBe(false);
    expect(unicodeSupported({ WT_SESSION: 'x' }, 'win32')).toBe(true);
    expect(unicodeSupported({ TERM_PROGRAM: 'vscode' }, 'win32')).toBe(true);
  });
});

describe('symbols', () => {
  const ascii = symbolsFor({ LANG: 'C' }, 'linux');
  const unicode = symbolsFor({ LANG: 'C.UTF-8' }, 'linux');

  it('has an ASCII form of every symbol, and a Unicode form that differs', () => {
    for (const [name, value] of Object.entries(ascii)) {
      if (typeof value !== 'string') continue;
      expect(value, name).toMatch(/^[\x20-\x7e]+$/);
      expect(unicode[name as keyof typeof unicode], name).not.toBe(value);
    }
  });

  it('plain() turns the symbols of core text into ASCII only where needed', () => {
    const text = 'aws:SourceAccount ≠ 111122223333 — “quoted” → next · done…';
    expect(plain(text, ascii)).toBe('aws:SourceAccount != 111122223333 - "quoted" -> next | done...');
    expect(plain(text, unicode)).toBe(text);
  });

  it('fit() cuts to the width with the ellipsis of the terminal', () => {
    expect(fit('Key policy for CloudTrail', 10, '…')).toBe('Key polic…');
    expect(fit('Key policy for CloudTrail', 10, '...')).toBe('Key pol...');
    expect(fit('Key policy for CloudTrail', 2, '...')).toBe('Ke');
    expect(fit('short', 10, '...')).toBe('short');
    for (const width of [0, 1, 2, 3, 4, 9]) expect(fit('Key policy for CloudTrail', width, '...').length).toBeLessThanOrEqual(width);
  });
});
