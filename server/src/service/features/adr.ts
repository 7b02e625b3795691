import { confinePath } from '../workspace';
import type { FeatureContext } from './context';

export interface AdrFile {
  /** Workspace-relative path of the ADR's file. */
  path: string;
  /** Its first heading, or the file name when it has none. */
  title: string;
}

/** `ADR-7`, `ADR-07` and `ADR 7` all cite ADR number 7. */
export const ADR_REFERENCE = /\bADR[- ]?(\d{1,4})\b/g;

/**
 * The ADR's file in the configured folder (`adrFolder`, default docs/adr): `0025-no-silent-fallback.md`,
 * `ADR-25-….md`, `adr_025.md` … whose number is the one cited.
 */
export function findAdr(number: number, context: FeatureContext): AdrFile | undefined {
  const folder = confinePath(context.settings.adrFolder);
  if (!folder || !context.workspace.list) return undefined;
  const name = context.workspace
    .list(folder)
    .filter((file) => /\.(md|markdown)$/i.test(file))
    .sort()
    .find((file) => {
      const match = /^(?:adr[-_ ]?)?0*(\d+)(?=[-_ .])/i.exec(file);
      return match !== null && Number(match[1]) === number;
    });
  if (!name) return undefined;
  const path = `${folder}/${name}`;
  const text = context.workspace.read(path);
  if (text === undefined) return undefined;
  const heading = /^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text);
  return { path, title: heading ? heading[1].trim() : name.replace(/\.(md|markdown)$/i, '') };
}
