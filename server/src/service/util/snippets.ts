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
 * they are, they stay placeholders (RDY001), never words that could pass for a value. The stops are numbered in
 * reading order, so Tab goes forward through the text whatever the order of `slots`.
 */
export function withTabStops(text: string, slots: readonly string[]): string {
  const snippet = escapeSnippet(text);
  const found = slots
    .map((slot) => escapeSnippet(slot))
    .map((slot) => ({ slot, at: snippet.indexOf(slot) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at);
  let result = '';
  let end = 0;
  let stop = 0;
  for (const { slot, at } of found) {
    if (at < end) continue; // a slot inside another slot is not a stop of its own
    result += `${snippet.slice(end, at)}\${${++stop}:${slot}}`;
    end = at + slot.length;
  }
  return result + snippet.slice(end);
}
