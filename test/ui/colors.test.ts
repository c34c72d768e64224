import { describe, expect, it } from 'vitest';
import { colorsAllowed } from '../../source/ui/components/colors.js';

describe('colours under NO_COLOR and FORCE_COLOR', () => {
  it.each([
    [{}, true],
    [{ NO_COLOR: '1' }, false],
    [{ NO_COLOR: 'yes' }, false],
    // no-color.org: present and not an empty string.
    [{ NO_COLOR: '' }, true],
    // FORCE_COLOR is honoured over NO_COLOR (SPEC 2).
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true],
    [{ FORCE_COLOR: '3' }, true],
  ])('Given the environment %j, colours allowed is %s', (env, allowed) => {
    expect(colorsAllowed(env)).toBe(allowed);
  });
});
