import { FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, toDiagnostic } from '../service';
import type { Checked, CheckedReads, Checker } from './checker';
import type { Diagnostics } from './diagnostics';
import type { SettingsStore } from './settings';
import type { WorkspaceRoots } from './workspaceRoots';

const IGNORED = ['**/node_modules/**', '**/.git/**'];
const MARKDOWN = /\.(md|markdown)$/i;
/** A config file's own problems are reported whatever its size (the browser's client sends at most 16 MiB). */
const MAX_CONFIG_BYTES = Number.POSITIVE_INFINITY;

/**
 * Readiness files that are not open (scope "workspace"), config files and their problems, and the
 * reaction to files changing on disk: a watched change re-checks exactly the documents that read it.
 */
export class WorkspaceFiles {
  /** Markdown files of the workspace seen by the last scan or watcher, by uriKey. */
  private readonly markdown = new Map<string, string>();
  private readonly configsShown = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly roots: WorkspaceRoots,
    private readonly settings: SettingsStore,
    private readonly checker: Checker,
    private readonly diagnostics: Diagnostics,
  ) {}

  /**
   * Finds every Markdown and config file in the workspace folders as the CLI's folder search does
   * (findFiles: no node_modules or .git, no symlinked folder, no link out of the folder).
   */
  async scan(): Promise<void> {
    this.markdown.clear();
    if (!this.roots.trusted) return;
    for (const folder of this.roots.workspaceFolders) {
      const found = await this.roots.host.findFiles(folder, ['**/*.md', '**/*.markdown', `**/${CONFIG_FILE_NAME}`], IGNORED);
      for (const path of found) {
        const uri = this.roots.host.pathToUri(path);
        if (this.roots.host.path.basename(path) === CONFIG_FILE_NAME) await this.publishConfig(uri);
        else this.markdown.set(this.roots.key(uri), uri);
      }
    }
  }

  /**
   * Re-scan, then check every closed readiness file the scope covers (all of them when `force`, as
   * the "check all" command asks) and clear those it no longer covers. Each readiness file's check
   * is handed to `each` as it is made and not kept here: holding every file's analysis until the
   * last one made the memory of a scan grow with the workspace.
   */
  async refresh(force = false, each?: (checked: Checked) => void): Promise<void> {
    await this.scan();
    const wanted = new Set<string>();
    for (const [key, uri] of this.markdown) {
      if (this.diagnostics.isOpen(uri)) continue;
      const scope = (await this.settings.get(uri)).scope;
      if (!force && scope !== 'workspace') continue;
      const result = await this.diagnostics.publishDisk(uri);
      if (result?.result.isReadiness) {
        wanted.add(key);
        each?.(result);
      }
    }
    for (const uri of this.diagnostics.shownUris()) {
      if (!wanted.has(this.roots.key(uri)) && !this.diagnostics.isOpen(uri)) this.diagnostics.clear(uri);
    }
  }

  /** After an editor closes: back to the file on disk (scope "workspace"), or nothing. */
  async closed(uri: string): Promise<void> {
    this.diagnostics.cancel(uri);
    this.checker.forget(uri);
    const scope = (await this.settings.get(uri)).scope;
    const path = this.roots.host.uriToPath(uri);
    if (scope === 'workspace' && this.roots.trusted && path && this.roots.folderOf(path)) {
      await this.diagnostics.publishDisk(uri);
    } else this.diagnostics.clear(uri);
  }

  /** `workspace/didChangeWatchedFiles`. Returns true when a config changed (the caller then re-checks everything). */
  async changed(events: FileEvent[]): Promise<boolean> {
    if (!this.roots.trusted) return false;
    let configChanged = false;
    const dependents = new Map<string, CheckedReads>();
    const closedMarkdown = new Map<string, FileEvent>();
    for (const event of events) {
      const path = this.roots.host.uriToPath(event.uri);
      if (!path) continue;
      if (this.roots.host.path.basename(path) === CONFIG_FILE_NAME) {
        configChanged = true;
        if (event.type === FileChangeType.Deleted) this.clearConfig(event.uri);
        else await this.publishConfig(event.uri);
        continue;
      }
      for (const checked of this.checker.all()) if (this.readsFile(checked, path)) dependents.set(this.roots.key(checked.uri), checked);
      if (MARKDOWN.test(path) && !this.diagnostics.isOpen(event.uri) && this.roots.folderOf(path)) closedMarkdown.set(this.roots.key(event.uri), event);
    }
    if (configChanged) return true;
    if (dependents.size || closedMarkdown.size) this.checker.invalidate();
    for (const [key, event] of closedMarkdown) {
      dependents.delete(key);
      if (event.type === FileChangeType.Deleted) {
        this.markdown.delete(key);
        this.checker.forget(event.uri);
        this.diagnostics.clear(event.uri);
        continue;
      }
      this.markdown.set(key, event.uri);
      if ((await this.settings.get(event.uri)).scope === 'workspace') await this.diagnostics.publishDisk(event.uri);
    }
    for (const checked of dependents.values()) {
      if (this.diagnostics.isOpen(checked.uri)) this.diagnostics.schedule(checked.uri, 0);
      else if ((await this.settings.get(checked.uri)).scope === 'workspace') await this.diagnostics.publishDisk(checked.uri);
    }
    return false;
  }

  /** A config file's own problems, as diagnostics on it. */
  async publishConfig(uri: string): Promise<void> {
    const path = this.roots.host.uriToPath(uri);
    if (!path || !this.roots.trusted) return;
    const host = this.roots.host;
    const read = await host.settle(() => ({ text: host.readText(path, MAX_CONFIG_BYTES), root: this.roots.rootOf(path) }));
    if (read.text === undefined) return this.clearConfig(uri);
    const file = read.root ? this.roots.relativePath(read.root, path) : CONFIG_FILE_NAME;
    const diagnostics = this.checker.service.configFindings(read.text, file).map(toDiagnostic);
    if (!diagnostics.length && !this.configsShown.has(uri)) return;
    if (diagnostics.length) this.configsShown.add(uri);
    else this.configsShown.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private clearConfig(uri: string): void {
    if (!this.configsShown.delete(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Whether a check read (or probed, or listed the folder of) this file. */
  private readsFile(checked: CheckedReads, path: string): boolean {
    const root = checked.placement.root;
    if (!root) return false;
    const rel = this.roots.relativePath(root, path);
    if (rel.startsWith('..')) return false;
    if (checked.reads.has(rel)) return true;
    const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '/';
    return checked.reads.has(folder);
  }
}
