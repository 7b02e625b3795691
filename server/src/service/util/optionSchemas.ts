/** JSON Schema of a rule option that is a list of strings (keywords, phrases, symbols, paths). */
export function stringList(description: string): object {
  return { type: 'array', items: { type: 'string' }, description };
}
