// Who the workspace knows: CODEOWNERS and the configured people files, read through the workspace view.
// Read by RDY608 (known-people) and the handle hover and completions.
import type { WorkspaceView } from '../../workspace';
import { sayEither } from '../../util/say';

/** Where GitHub looks for CODEOWNERS, in its order. */
const CODEOWNERS_FILES = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export interface PersonEntry {
  /** As written there, with its `@`. */
  handle: string;
  /** Workspace-relative file and 1-based line where it was found first. */
  file: string;
  line: number;
}

export interface PeopleDirectory {
  /** The files read (those that exist). */
  files: string[];
  /** Individual handles, by lower-case name without `@`. */
  people: Map<string, PersonEntry>;
  /** `@org/team` entries of CODEOWNERS, by lower-case name. */
  teams: Map<string, PersonEntry>;
}

export interface PeopleSources {
  /** A file of handles, one a line (`#` comments), relative to the workspace root; empty: none. */
  peopleFile: string;
  /** Read CODEOWNERS (`CODEOWNERS`, `.github/CODEOWNERS`, `docs/CODEOWNERS`). */
  codeowners: boolean;
}

const INDIVIDUAL = /^@?([A-Za-z0-9](?:-?[A-Za-z0-9]){0,38})$/;
const TEAM = /^@([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][\w.-]*)$/;

/**
 * The people a repository lists: the owners of CODEOWNERS and the handles of a people file, read
 * through the workspace view (so the language server, the CLI and a browser build read the same).
 * Undefined when no such file exists: then nobody can be checked against it.
 */
export function peopleDirectory(workspace: WorkspaceView, sources: PeopleSources): PeopleDirectory | undefined {
  // Read on each check, never cached: a CODEOWNERS edited in the editor must count at once (the
  // server re-checks a document when a file it read changes).
  return readDirectory(workspace, sources.codeowners, sources.peopleFile);
}

function readDirectory(workspace: WorkspaceView, codeowners: boolean, peopleFile: string): PeopleDirectory | undefined {
  const directory: PeopleDirectory = { files: [], people: new Map(), teams: new Map() };
  const add = (map: Map<string, PersonEntry>, name: string, entry: PersonEntry) => {
    if (!map.has(name.toLowerCase())) map.set(name.toLowerCase(), entry);
  };
  if (codeowners) {
    for (const file of CODEOWNERS_FILES) {
      const text = workspace.read(file);
      if (text === undefined) continue;
      directory.files.push(file);
      text.split(/\r?\n/).forEach((raw, index) => {
        // `path owner owner …`; a `#` starts a comment; e-mail owners are not handles.
        const owners = raw.replace(/(^|\s)#.*$/, '').trim().split(/\s+/).slice(1);
        for (const owner of owners) {
          const team = TEAM.exec(owner);
          if (team) add(directory.teams, team[1], { handle: owner, file, line: index + 1 });
          else if (owner.startsWith('@') && INDIVIDUAL.test(owner)) add(directory.people, owner.slice(1), { handle: owner, file, line: index + 1 });
        }
      });
    }
  }
  if (peopleFile) {
    const text = workspace.read(peopleFile);
    if (text !== undefined) {
      directory.files.push(peopleFile);
      text.split(/\r?\n/).forEach((raw, index) => {
        // One handle a line, optionally followed by a name or remark: "@ana-m  Ana Martins".
        const first = raw.replace(/(^|\s)#.*$/, '').trim().split(/[\s,;]+/)[0] ?? '';
        const team = TEAM.exec(first);
        const person = INDIVIDUAL.exec(first);
        if (team) add(directory.teams, team[1], { handle: first, file: peopleFile, line: index + 1 });
        else if (person) add(directory.people, person[1], { handle: `@${person[1]}`, file: peopleFile, line: index + 1 });
      });
    }
  }
  return directory.files.length ? directory : undefined;
}

/** Where a handle (`@ana-m`, `ana-m`, `@org/team`) is listed, if anywhere. */
export function findPerson(directory: PeopleDirectory, handle: string): { entry: PersonEntry; team: boolean } | undefined {
  const name = handle.replace(/^@/, '').toLowerCase();
  const person = directory.people.get(name);
  if (person) return { entry: person, team: false };
  const team = directory.teams.get(name);
  return team ? { entry: team, team: true } : undefined;
}

/** `CODEOWNERS` and `docs/people.txt` → "`CODEOWNERS` or `docs/people.txt`". */
export function sayFiles(files: readonly string[]): string {
  const quoted = files.map((file) => `\`${file}\``);
  return sayEither(quoted);
}
