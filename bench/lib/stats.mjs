// Median and 95th percentile (nearest rank) of a list of samples.

/** `{ n, median, p95, min, max }` of the numbers in `samples` (nulls dropped). */
export function stats(samples) {
  const xs = samples.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = (p) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))];
  const mid = xs.length / 2;
  const median = xs.length % 2 ? xs[Math.floor(mid)] : (xs[mid - 1] + xs[mid]) / 2;
  return { n: xs.length, median, p95: rank(0.95), min: xs[0], max: xs[xs.length - 1] };
}
