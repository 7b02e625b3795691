// Reading pip requirements files: which packages they declare (RDY703, dependency-declarations).
// Pure text readers; the rule reads the files through the workspace view.
/** Reading pip requirements files: which packages they declare, and where. */

export interface Requirement {
  /** The name as written. */
  name: string;
  /** The name normalised as pip compares names (PEP 503). */
  key: string;
  /** 0-based line and UTF-16 offsets of the name. */
  line: number;
  start: number;
  end: number;
}

/** PEP 503: lower case, runs of `-`, `_` and `.` become one `-`. */
function normalisePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

// A PEP 508 name at the start of the line; extras, versions, markers and URLs follow it.
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;
const ARCHIVE = /\.(whl|tar\.gz|tgz|zip|tar\.bz2)$/i;

/**
 * The packages a requirements file declares. Skips comments, options (`-r`, `-e`, `-c`,
 * `--index-url` …), local paths and archives; reads the name of `name @ url` and `url#egg=name`;
 * honours `\` line continuations.
 */
export function parseRequirements(text: string): Requirement[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: Requirement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let logical = lines[i];
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) logical = logical.replace(/\\\s*$/, ' ') + lines[++i];
    // pip: `#` starts a comment at the line's start or after white space.
    const content = logical.replace(/(^|\s)#.*$/, '');
    const trimmed = content.trim();
    if (!trimmed || trimmed.startsWith('-')) continue;
    const lead = content.length - content.trimStart().length;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
      const egg = /#egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(logical);
      if (egg) {
        const start = logical.indexOf(egg[0]) + '#egg='.length;
        if (start + egg[1].length <= lines[first].length) out.push(requirement(egg[1], first, start));
      }
      continue;
    }
    const match = NAME.exec(trimmed);
    if (!match) continue;
    const next = trimmed[match[0].length];
    if (next === '/' || next === '\\' || next === ':' || ARCHIVE.test(trimmed.split(/[\s;]/)[0])) continue;
    out.push(requirement(match[0], first, lead));
  }
  return out;
}

function requirement(name: string, line: number, start: number): Requirement {
  return { name, key: normalisePackageName(name), line, start, end: start + name.length };
}
