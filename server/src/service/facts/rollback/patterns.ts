// A user-configured regular expression, with the default in its place when it does not compile.
// Read by RDY503.
import { cachedRegExp, optionRegExp } from '../../util/regex';
/** A user-configured pattern; a broken one falls back to the default rather than crashing the rule. */
export function safeRegExp(source: string, fallback: string, flags = 'i'): RegExp {
  try {
    return optionRegExp(source, fallback, (p) => p, flags);
  } catch {
    return cachedRegExp(fallback, flags);
  }
}
