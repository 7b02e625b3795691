import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BundledDocs } from '../../server/src/service';

/** The rule pages shipped with the CLI (`cli/out/cli.js` → `docs/rules/<code>.md`), as file URIs; none when a page is missing. */
/** The README shipped with the CLI (the tool's home page, offline), as a file URI; undefined when missing. */
export function cliReadme(): string | undefined {
  const readme = join(__dirname, '..', '..', 'README.md');
  return existsSync(readme) ? pathToFileURL(readme).toString() : undefined;
}

// Asked once per finding: each code's page is looked up once per run.
const pages = new Map<string, string | undefined>();

export const cliBundledDocs: BundledDocs = (code) => {
  if (pages.has(code)) return pages.get(code);
  const page = join(__dirname, '..', '..', 'docs', 'rules', `${code}.md`);
  const uri = /^RDY\d+$/.test(code) && existsSync(page) ? pathToFileURL(page).toString() : undefined;
  pages.set(code, uri);
  return uri;
};
