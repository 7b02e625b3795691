/** A user-configured pattern; a broken one falls back to the default rather than crashing the rule. */
export function safeRegExp(source: string, fallback: string, flags = 'i'): RegExp {
  try {
    return new RegExp(source, flags);
  } catch {
    return new RegExp(fallback, flags);
  }
}
