/** Snippet syntax for a plain text: `$`, `}` and `\` escaped, each `<slot>` a tab stop. */
export function toSnippet(text: string): string {
  let stop = 0;
  return text.replace(/[$}\\]/g, '\\$&').replace(/<([^<>\s`=][^<>`]*)>/g, (_, inner: string) => `\${${++stop}:${inner}}`);
}
