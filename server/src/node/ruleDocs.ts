import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BundledDocs } from '../service';

/**
 * The rule pages shipped next to the server bundle (`server/out/server.js` → `docs/rules/`). A
 * client that registered a command to show them (VS Code: a Markdown preview) gets `command:` links
 * to it; any other client gets the page's file URI. A page that is not there gets no link.
 */
export function bundledRuleDocs(serverDir: string, showCommand: string | undefined): BundledDocs {
  const folder = join(serverDir, '..', '..', 'docs', 'rules');
  return (code) => {
    const page = join(folder, `${code}.md`);
    if (!/^RDY\d+$/.test(code) || !existsSync(page)) return undefined;
    if (showCommand) return `command:${showCommand}?${encodeURIComponent(JSON.stringify([code]))}`;
    return pathToFileURL(page).toString();
  };
}
