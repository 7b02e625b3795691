/** Alternatives as a message reads them: `a, b or c` (`a` alone; nothing for none). */
export function sayEither(values: readonly string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : (values[0] ?? '');
}
