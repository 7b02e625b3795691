/**
 * The lines of a text outside fenced code blocks (``` or ~~~, closed by the same character), with
 * the fence lines themselves left out: what a reader of another file's prose (a runbook) reads.
 */
export function linesOutsideFences(text: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (!fence) fence = marker[1][0];
      else if (marker[1][0] === fence) fence = undefined;
      continue;
    }
    if (!fence) lines.push(line);
  }
  return lines;
}
