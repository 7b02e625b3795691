/** Wording shared by the change messages: names in code spans, rows matched by what they name. */

export const code = (text: string) => '`' + text.replace(/`/g, "'") + '`';
export const quote = (text: string) => (text ? code(text) : 'nothing');

/** "X set to …", "X removed (was …)", "X changed from … to …"; undefined when equal. */
export function changedValue(label: string, before: string | undefined, after: string | undefined): string | undefined {
  if ((before ?? '') === (after ?? '')) return undefined;
  if (!before) return `${label} set to ${quote(after!)}`;
  if (!after) return `${label} removed (was ${quote(before)})`;
  return `${label} changed from ${quote(before)} to ${quote(after)}`;
}

export function match<T>(before: T[], after: T[], key: (item: T) => string) {
  const was = new Map(before.map((item) => [key(item).toLowerCase(), item]));
  const now = new Map(after.map((item) => [key(item).toLowerCase(), item]));
  return {
    added: after.filter((item) => !was.has(key(item).toLowerCase())),
    removed: before.filter((item) => !now.has(key(item).toLowerCase())),
    both: after.filter((item) => was.has(key(item).toLowerCase())).map((item) => [was.get(key(item).toLowerCase())!, item] as const),
  };
}

