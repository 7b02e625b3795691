import picomatch from 'picomatch';

const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch(globs as string[], { dot: true });
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Whether a workspace-relative path matches the configured readiness globs (F6). */
export function matchesReadinessGlobs(path: string, globs: readonly string[]): boolean {
  return matcherFor(globs)(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}

const FIRST_HEADING = /^[ \t]{0,3}#[ \t]+(.*)$/m;

/** Whether the file's first heading announces a readiness file (`# MLOps readiness — …`). */
export function hasReadinessTitle(text: string): boolean {
  // Only the first ATX heading counts; looking at the head of the file keeps this cheap.
  const match = FIRST_HEADING.exec(text.slice(0, 4096));
  return match !== null && /^MLOps readiness\b/i.test(match[1].trim());
}

/**
 * F6: a file is a readiness file when its path matches the globs or its first heading starts
 * with "MLOps readiness". Other Markdown gets nothing.
 */
export function isReadinessFile(path: string | undefined, text: string, globs: readonly string[]): boolean {
  if (path !== undefined && /\.(md|markdown)$/i.test(path) && matchesReadinessGlobs(path, globs)) return true;
  return hasReadinessTitle(text);
}
