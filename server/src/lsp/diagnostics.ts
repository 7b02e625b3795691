import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checked, Checker } from './checker';
import type { SettingsStore } from './settings';
import type { WorkspaceRoots } from './workspaceRoots';

/** Files read from disk for a check larger than this are not read at all (the engine refuses them anyway). */
const MAX_DISK_BYTES = 16 * 1024 * 1024;

/**
 * Publishes diagnostics: for open documents from the unsaved buffer, coalesced per document with the
 * configured delay and never for a version older than the editor's; for closed files from disk.
 */
export class Diagnostics {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents whose last publication was not empty, by uriKey (so clearing sends only what is needed). */
  private readonly shown = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly checker: Checker,
    private readonly roots: WorkspaceRoots,
  ) {}

  /** Re-check an open document after `delay` ms (default: its `mlopsReadiness.delay`); a newer call replaces a pending one. */
  schedule(uri: string, delay?: number): void {
    this.cancel(uri);
    const ms = delay ?? this.settings.peek(uri).delay;
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.publishOpen(uri).catch((error: unknown) => this.connection.console.error(`Checking ${uri} failed: ${String(error)}`));
    }, ms);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** The check of an open document's current version (cached per version), without publishing. */
  async current(uri: string): Promise<Checked | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const settings = await this.settings.get(uri);
    const now = this.documents.get(uri);
    if (!now) return undefined;
    return this.roots.host.settle(() => this.checker.check(uri, now.getText(), now.version, settings), () => this.checker.invalidate());
  }

  async publishOpen(uri: string): Promise<Checked | undefined> {
    const version = this.documents.get(uri)?.version;
    if (version === undefined) return undefined;
    const checked = await this.current(uri);
    // Settings arrived asynchronously: if the text moved on meanwhile, the newer version's own check publishes.
    if (!checked || this.documents.get(uri)?.version !== version || checked.version !== version) return undefined;
    this.send(uri, checked.result.isReadiness, checked.result.diagnostics, version);
    return checked;
  }

  /** Checks a closed file from disk; an open one is left to its editor's buffer. */
  async publishDisk(uri: string): Promise<Checked | undefined> {
    const checked = await this.checkDisk(uri);
    if (checked) this.send(uri, checked.result.isReadiness, checked.result.diagnostics);
    else if (!this.isOpen(uri)) this.clear(uri);
    return checked;
  }

  /** The check of a closed file as it is on disk (undefined when it is open, missing or too large). */
  async checkDisk(uri: string): Promise<Checked | undefined> {
    if (this.isOpen(uri)) return undefined;
    const path = this.roots.host.uriToPath(uri);
    if (!path) return undefined;
    const text = await this.roots.host.settle(() => this.roots.host.readText(path, MAX_DISK_BYTES));
    if (text === undefined) return undefined;
    const settings = await this.settings.get(uri);
    if (this.isOpen(uri)) return undefined;
    return this.roots.host.settle(() => this.checker.check(uri, text, undefined, settings), () => this.checker.invalidate());
  }

  isOpen(uri: string): boolean {
    const key = this.roots.key(uri);
    return this.documents.all().some((document) => this.roots.key(document.uri) === key);
  }

  /** Publishes an empty list if something was shown for the document. */
  clear(uri: string): void {
    const key = this.roots.key(uri);
    const shownAs = this.shown.get(key);
    if (shownAs === undefined) return;
    this.shown.delete(key);
    void this.connection.sendDiagnostics({ uri: shownAs, diagnostics: [] });
  }

  /** Published URIs (for clearing the files that left the scope). */
  shownUris(): string[] {
    return [...this.shown.values()];
  }

  /** Readiness files always get a publication (even empty, so "all clear" is visible); other files only to clear. */
  send(uri: string, isReadiness: boolean, diagnostics: Diagnostic[], version?: number): void {
    const key = this.roots.key(uri);
    if (!isReadiness && !this.shown.has(key)) return;
    if (diagnostics.length || isReadiness) this.shown.set(key, uri);
    else this.shown.delete(key);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
