import type { Connection } from 'vscode-languageserver';
import { confinePath, findRule, type BundledDocs, type WorkspaceView } from '../service';
import type { ServerHost } from '../lsp/host';
import { posixPath } from './posixPath';
import { FindFilesRequest, ReadFilesRequest, type FileAnswer, type FileQuery } from './protocol';
import { pathToUri, uriToPath } from './uriPaths';

/** Files read for cross-file checks larger than this are ignored (as on Node). */
const MAX_READ_BYTES = 2 * 1024 * 1024;
/** Texts kept at most (UTF-16 code units); the least recently used are dropped and asked for again if needed. */
const MAX_KEPT_TEXT = 32 * 1024 * 1024;
/** A computation that still lacks files after this many rounds of asking is given what is known. */
const MAX_ROUNDS = 12;

type Want = FileQuery['want'];
type Known = { kind: FileAnswer['kind']; size?: number; text?: string; names?: string[]; read?: boolean; listed?: boolean };

/**
 * The server's files in a Web Worker: whatever the client answered, kept until the client reports a
 * change. The engine reads synchronously, so an unknown file first reads as absent and is noted;
 * `settle` then asks the client for every noted file at once and runs the computation again, until
 * it read only known files. Paths are made from the client's URIs (./uriPaths.ts).
 */
export class ClientHost implements ServerHost {
  readonly path = posixPath;
  /** By path; least recently used first. */
  private readonly known = new Map<string, Known>();
  private keptText = 0;
  /** What the running computation asked for and nobody knows yet. */
  private noting: Map<string, FileQuery> | undefined;
  /** Unknown files asked for outside a computation (a completion listing a folder): fetched for next time. */
  private readonly later = new Map<string, FileQuery>();
  private laterTimer: ReturnType<typeof setTimeout> | undefined;
  /** Requests on their way, by query: a file several computations lack is asked for once. */
  private readonly inflight = new Map<string, Promise<void>>();
  /** Counts the client's change reports: an answer to a request sent before one may be stale. */
  private epoch = 0;

  constructor(
    private readonly connection: Connection,
    private readonly log: (message: string) => void,
  ) {}

  uriToPath = uriToPath;
  pathToUri = pathToUri;

  /** The pages ship in the extension beside this worker, one per rule: the client's command opens them. */
  ruleDocs(showCommand: string | undefined): BundledDocs {
    return (code) => (showCommand && findRule(code)?.code === code ? `command:${showCommand}?${encodeURIComponent(JSON.stringify([code]))}` : undefined);
  }

  exists(path: string): boolean {
    const entry = this.lookup(path, 'stat');
    return entry !== undefined && (entry.kind === 'file' || entry.kind === 'folder');
  }

  readText(path: string, maxBytes: number): string | undefined {
    const entry = this.lookup(path, 'read');
    return entry?.kind === 'file' && (entry.size ?? 0) <= maxBytes ? entry.text : undefined;
  }

  view(root: string): WorkspaceView {
    // Lexically confined, then every folder on the way must be a real folder: links are never followed.
    const resolve = (path: string): string | undefined => {
      const confined = confinePath(path);
      if (confined === undefined) return undefined;
      const parts = confined.split('/');
      let ok = true;
      for (let i = 1; i < parts.length; i++) {
        const folder = this.lookup(posixPath.join(root, ...parts.slice(0, i)), 'stat');
        if (folder === undefined) ok = false; // asked for; keep noting the others in this round
        else if (folder.kind !== 'folder') return undefined;
      }
      return ok ? posixPath.join(root, confined) : undefined;
    };
    return {
      exists: (path) => {
        const full = resolve(path);
        return full !== undefined && this.lookup(full, 'stat')?.kind === 'file';
      },
      read: (path) => {
        const full = resolve(path);
        return full === undefined ? undefined : this.readText(full, MAX_READ_BYTES);
      },
      list: (folder) => {
        const full = folder === '' ? root : resolve(folder);
        const entry = full === undefined ? undefined : this.lookup(full, 'list');
        return entry?.kind === 'folder' ? (entry.names ?? []) : [];
      },
      uriOf: (path) => pathToUri(posixPath.join(root, confinePath(path) ?? '')),
    };
  }

  async findFiles(folder: string, patterns: string[], ignore: string[]): Promise<string[]> {
    try {
      const uris = await this.connection.sendRequest(FindFilesRequest, { folder: pathToUri(folder), include: patterns, exclude: ignore });
      return uris.map(uriToPath).filter((p): p is string => p !== undefined);
    } catch (error) {
      this.log(`Listing the files of ${pathToUri(folder)} failed: ${String(error)}`);
      return [];
    }
  }

  async settle<T>(run: () => T, retry?: () => void): Promise<T> {
    for (let round = 1; ; round++) {
      const noted = new Map<string, FileQuery>();
      this.noting = noted;
      let result: T;
      try {
        result = run(); // synchronous: nothing else notes files meanwhile
      } finally {
        this.noting = undefined;
      }
      if (noted.size === 0) return result;
      if (round === MAX_ROUNDS) {
        this.log(`Still reading ${noted.size} workspace file(s) after ${MAX_ROUNDS} rounds; checked with what was read.`);
        return result;
      }
      // At once, before waiting: a result cached from this partial view must not serve anyone meanwhile.
      retry?.();
      await this.fetch(noted);
    }
  }

  changed(uris: string[]): void {
    this.epoch++;
    for (const uri of uris) {
      const path = uriToPath(uri);
      if (!path) continue;
      // The file, anything below it (a folder went away), and every folder above (their kinds and listings).
      for (const key of [...this.known.keys()]) if (key === path || key.startsWith(path + '/')) this.forget(key);
      for (let dir = posixPath.dirname(path); ; dir = posixPath.dirname(dir)) {
        this.forget(dir);
        if (dir === '/') break;
      }
    }
  }

  /** The known entry, or undefined after noting that it is wanted. */
  private lookup(path: string, want: Want): Known | undefined {
    const entry = this.known.get(path);
    if (entry && (want === 'stat' || entry.kind !== (want === 'read' ? 'file' : 'folder') || (want === 'read' ? entry.read : entry.listed))) {
      this.known.delete(path); // most recently used last
      this.known.set(path, entry);
      return entry;
    }
    const query = { uri: pathToUri(path), want };
    if (this.noting) this.noting.set(`${want} ${path}`, query);
    else this.fetchLater(`${want} ${path}`, query);
    return undefined;
  }

  private fetchLater(key: string, query: FileQuery): void {
    this.later.set(key, query);
    this.laterTimer ??= setTimeout(() => {
      this.laterTimer = undefined;
      const queries = new Map(this.later);
      this.later.clear();
      void this.fetch(queries);
    }, 0);
  }

  private async fetch(queries: Map<string, FileQuery>): Promise<void> {
    const waits: Promise<void>[] = [];
    const fresh: [string, FileQuery][] = [];
    for (const [key, query] of queries) {
      const pending = this.inflight.get(key);
      if (pending) waits.push(pending);
      else fresh.push([key, query]);
    }
    if (fresh.length) {
      const request = this.request(fresh.map(([, query]) => query)).finally(() => {
        for (const [key] of fresh) if (this.inflight.get(key) === request) this.inflight.delete(key);
      });
      for (const [key] of fresh) this.inflight.set(key, request);
      waits.push(request);
    }
    await Promise.all(waits);
  }

  private async request(queries: FileQuery[]): Promise<void> {
    const epoch = this.epoch;
    let answers: FileAnswer[];
    try {
      answers = await this.connection.sendRequest(ReadFilesRequest, { queries });
    } catch (error) {
      this.log(`Reading ${queries.length} workspace file(s) through the client failed: ${String(error)}`);
      answers = [];
    }
    // A file changed meanwhile: these answers may predate it. The computation asks again.
    if (epoch !== this.epoch) return;
    queries.forEach((query, i) => {
      const path = uriToPath(query.uri)!;
      const answer = answers[i] ?? { kind: 'missing' }; // unanswered: absent, so that the loop ends
      const entry: Known = { ...this.known.get(path), kind: answer.kind, size: answer.size };
      if (query.want === 'read') Object.assign(entry, { read: true, text: answer.text });
      if (query.want === 'list') Object.assign(entry, { listed: true, names: answer.names });
      this.forget(path);
      this.known.set(path, entry);
      this.keptText += entry.text?.length ?? 0;
    });
    const answered = new Set(queries.map((query) => uriToPath(query.uri)));
    for (const [path, entry] of this.known) {
      if (this.keptText <= MAX_KEPT_TEXT) break;
      if (entry.text !== undefined && !answered.has(path)) this.forget(path);
    }
  }

  private forget(path: string): void {
    this.keptText -= this.known.get(path)?.text?.length ?? 0;
    this.known.delete(path);
  }
}
