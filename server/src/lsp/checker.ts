import type { Diagnostic } from 'vscode-languageserver';
import { createReadinessService, localToday, toDiagnostic, type AnalysedDocument, type BundledDocs, type CheckResult, type ReadinessService } from '../service';
import { recordingView, type Placement, type WorkspaceRoots } from './workspaceRoots';
import { editorConfig, type ClientSettings } from './settings';

/** What a check of one document read: enough to tell which documents a changed file affects. */
export interface CheckedReads {
  uri: string;
  placement: Placement;
  /** Root-relative paths read or probed; folders listed end with `/`. */
  reads: ReadonlySet<string>;
}

/** One check of one text, with what it read (so a change to any of those files re-checks it). */
export interface Checked extends CheckedReads {
  /** The editor's version; undefined for a file read from disk. */
  version: number | undefined;
  text: string | undefined;
  generation: number;
  today: string;
  /** The engine's check, with its findings as the LSP diagnostics published for them. */
  result: CheckResult & { diagnostics: Diagnostic[] };
  /** How long the check took, in milliseconds (settings, parse, rules). */
  durationMs: number;
}

/**
 * Full checks (parse, analysis, findings) kept at once. A 135-line file's check holds about 110 KB,
 * a 1,000-line file's about 1 MB: keeping one per open or workspace file made the server's memory
 * grow with the number of files. The documents the user works in (the ones just edited, hovered
 * or fixed) stay here; any other is checked again, from its current text, when a request needs it.
 */
export const RETAINED_CHECKS = 4;

/**
 * Runs the engine with a cache keyed by URI + version: diagnostics, hovers, completions and code
 * actions of one version share one parse and one analysis. Only the most recently used checks are
 * kept whole; an evicted one is recomputed on the next request (results are keyed by version,
 * settings generation and day, so a recomputed check is the same check, never a stale one). What
 * each check read is kept for every file, so a change on disk still re-checks exactly its readers.
 * `invalidate()` (settings, config or a watched file changed) makes the next request re-run the
 * rules on the same parse.
 */
export class Checker {
  private generation = 0;
  /** Most recently used last. */
  private readonly recent = new Map<string, Checked>();
  private readonly readsByUri = new Map<string, CheckedReads>();

  /** What the engine reads of this server at each call: its log, and how the bundled rule pages are linked. */
  private readonly host: { log: (message: string) => void; bundledDocs?: BundledDocs };

  /** The engine, as every request of this server uses it. */
  readonly service: ReadinessService;

  constructor(
    private readonly roots: WorkspaceRoots,
    log: (message: string) => void,
    private readonly retained = RETAINED_CHECKS,
  ) {
    this.host = { log };
    this.service = createReadinessService(this.host);
  }

  /** How the bundled rule pages are linked (set once the client said how it shows them). */
  set bundledDocs(docs: BundledDocs | undefined) {
    this.host.bundledDocs = docs;
  }

  invalidate(): void {
    this.generation++;
  }

  check(uri: string, text: string, version: number | undefined, settings: ClientSettings): Checked {
    const key = this.roots.key(uri);
    const cached = this.recent.get(key);
    const today = localToday();
    if (cached && version !== undefined && cached.version === version && cached.generation === this.generation && cached.today === today) {
      return this.use(key, cached);
    }
    const placement = this.roots.place(uri);
    const reads = new Set<string>();
    // The same text parsed before (only the settings or the disk changed): reuse its parse.
    const document = cached?.text === text ? cached.result.analysis?.document : undefined;
    const started = performance.now();
    const checkResult = this.service.check({
      text,
      documentPath: placement.documentPath,
      workspace: recordingView(placement.workspace, reads),
      editorSettings: editorConfig(settings),
      today,
      crossFileReads: this.roots.trusted,
      document,
    });
    const result = { ...checkResult, diagnostics: checkResult.findings.map(toDiagnostic) };
    const durationMs = performance.now() - started;
    const checked: Checked = { uri, version, text: version === undefined ? undefined : text, generation: this.generation, today, result, placement, reads, durationMs };
    this.readsByUri.set(key, { uri, placement, reads });
    return this.use(key, checked);
  }

  /** The whole check of a document, if it is still kept. */
  get(uri: string): Checked | undefined {
    return this.recent.get(this.roots.key(uri));
  }

  forget(uri: string): void {
    const key = this.roots.key(uri);
    this.recent.delete(key);
    this.readsByUri.delete(key);
  }

  /** What every checked document read, kept or not. */
  all(): CheckedReads[] {
    return [...this.readsByUri.values()];
  }

  /** A check as the editor features read it: over the workspace itself, not the view that noted the check's reads. */
  analysed(checked: Checked): AnalysedDocument | undefined {
    const { analysis } = checked.result;
    return analysis ? { ...checked.result, analysis, workspace: checked.placement.workspace } : undefined;
  }

  /** Marks a check most recently used, dropping the least recently used beyond the bound. */
  private use(key: string, checked: Checked): Checked {
    this.recent.delete(key);
    this.recent.set(key, checked);
    for (const old of this.recent.keys()) {
      if (this.recent.size <= this.retained) break;
      this.recent.delete(old);
    }
    return checked;
  }
}
