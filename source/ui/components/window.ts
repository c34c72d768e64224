import { SYMBOLS } from './symbols.js';

/** First visible index of a list of `total` items shown `size` at a time, keeping `selected` in view (centred when possible). */
export function windowStart(selected: number, total: number, size: number): number {
  if (total <= size || size <= 0) return 0;
  const start = selected - Math.floor(size / 2);
  return Math.max(0, Math.min(start, total - size));
}

/** Cuts text to `width` columns with an ellipsis (too narrow for one: just cut). */
export function fit(text: string, width: number, ellipsis: string = SYMBOLS.ellipsis): string {
  if (width <= 0) return '';
  if (text.length <= width) return text;
  return width >= ellipsis.length ? `${text.slice(0, width - ellipsis.length)}${ellipsis}` : text.slice(0, width);
}
