import { cachedRegExp } from '../../util/regex';
/** A user-configured pattern; a broken one falls back to the default rather than crashing the rule. */
export function safeRegExp(source: string, fallback: string, flags = 'i'): RegExp {
  try {
    return cachedRegExp(source, flags);
  } catch {
    return cachedRegExp(fallback, flags);
  }
}
