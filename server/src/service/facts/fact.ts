// How facts are memoised: a fact is a function of the parsed document, computed once per document.
// A fact several rules read is declared with `fact` (or `factBy` when keyed): one WeakMap per fact.
import type { ReadinessDocument } from '../model';

/**
 * A fact of a parsed document, computed on first read and shared: several rules and features read
 * the same ones (§1's metrics, §2's alert rows, §4's stages). A parsed document is never changed,
 * so the first result stays right; callers must not change it either.
 */
export function fact<T>(compute: (document: ReadinessDocument) => T): (document: ReadinessDocument) => T {
  const results = new WeakMap<ReadinessDocument, T>();
  return (document) => {
    if (results.has(document)) return results.get(document)!;
    const result = compute(document);
    results.set(document, result);
    return result;
  };
}

/**
 * The same for a fact that also depends on one more argument: a column name, a flag, or a rule's
 * options object (the same object for every rule that reads those options in one settings).
 */
export function factBy<K, T>(compute: (document: ReadinessDocument, key: K) => T): (document: ReadinessDocument, key: K) => T {
  const results = new WeakMap<ReadinessDocument, Map<K, T>>();
  return (document, key) => {
    let byKey = results.get(document);
    if (!byKey) results.set(document, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const result = compute(document, key);
    byKey.set(key, result);
    return result;
  };
}

/**
 * A value computed once per object: a rule's options or one of its lists (rules build patterns and
 * word lists from them), a table, a list of metrics. Kept as long as the object lives.
 */
export function perObject<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const results = new WeakMap<K, T>();
  return (key) => {
    if (results.has(key)) return results.get(key)!;
    const result = compute(key);
    results.set(key, result);
    return result;
  };
}
