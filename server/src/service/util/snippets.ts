import type { TextEdit } from 'vscode-languageserver-types';

/** Plain text as a snippet reads it: `$`, `}` and `\` are snippet syntax, so they are escaped. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** Snippet syntax for a plain text: `$`, `}` and `\` escaped, each `<slot>` a tab stop. */
export function toSnippet(text: string): string {
  let stop = 0;
  return escapeSnippet(text).replace(/<([^<>\s`=][^<>`]*)>/g, (_, inner: string) => `\${${++stop}:${inner}}`);
}

/** The edit as a snippet: its text escaped, the NUL slot replaced by the tab stop. */
export function snippetOf(edit: TextEdit, tabStop: string): TextEdit {
  return { range: edit.range, newText: escapeSnippet(edit.newText).replace('\u0000', tabStop) };
}

/**
 * Snippet syntax for a plain text whose `slots` (`<window>`) become tab stops that keep their brackets: left as
 * they are, they stay placeholders (RDY001), never words that could pass for a value.
 */
export function withTabStops(text: string, slots: readonly string[]): string {
  let stop = 0;
  let snippet = escapeSnippet(text);
  for (const slot of slots) {
    const escaped = escapeSnippet(slot);
    if (snippet.includes(escaped)) snippet = snippet.replace(escaped, `\${${++stop}:${escaped}}`);
  }
  return snippet;
}
