/** Small statistics for the bench table. All inputs are arrays of numbers (ms, bytes...). */

export function sorted(xs) {
  return [...xs].sort((a, b) => a - b);
}

/** Quantile by nearest rank (q in [0, 1]). */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}

export const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const p99 = (xs) => quantile(xs, 0.99);

/** Interquartile range as "p25–p75". */
export function spread(xs) {
  return [quantile(xs, 0.25), quantile(xs, 0.75)];
}

export function min(xs) {
  return Math.min(...xs);
}
export function max(xs) {
  return Math.max(...xs);
}
