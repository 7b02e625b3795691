const compiled = new Map<string, RegExp>();

/**
 * A RegExp compiled once per (source, flags). Rules build patterns from their options for every
 * cell; the options are the same each time. Global and sticky patterns carry `lastIndex` state,
 * so they are never shared.
 */
export function cachedRegExp(source: string, flags = ''): RegExp {
  if (flags.includes('g') || flags.includes('y')) return new RegExp(source, flags);
  const key = `${flags}/${source}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    pattern = new RegExp(source, flags);
    if (compiled.size < 5_000) compiled.set(key, pattern);
  }
  return pattern;
}
