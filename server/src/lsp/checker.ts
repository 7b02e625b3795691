import {
  checkDocument,
  localToday,
  type CheckResult,
  type FeatureContext,
  type RuleDefinition,
} from '../service';
import { recordingView, uriKey, type Placement, type Roots } from './roots';
import { editorConfig, type ClientSettings } from './settings';

/** One check of one text, with what it read (so a change to any of those files re-checks it). */
export interface Checked {
  uri: string;
  /** The editor's version; undefined for a file read from disk. */
  version: number | undefined;
  text: string | undefined;
  generation: number;
  today: string;
  result: CheckResult;
  placement: Placement;
  /** Root-relative paths read or probed; folders listed end with `/`. */
  reads: ReadonlySet<string>;
}

/**
 * Runs the engine with a cache keyed by URI + version: diagnostics, hovers, completions and code
 * actions of one version share one parse and one analysis. `invalidate()` (settings, config or a
 * watched file changed) makes the next request re-run the rules on the same parse.
 */
export class Checker {
  private generation = 0;
  private readonly latest = new Map<string, Checked>();
  private readonly failedRules = new Set<string>();

  constructor(
    private readonly roots: Roots,
    private readonly log: (message: string) => void,
  ) {}

  invalidate(): void {
    this.generation++;
  }

  check(uri: string, text: string, version: number | undefined, settings: ClientSettings): Checked {
    const key = uriKey(uri);
    const cached = this.latest.get(key);
    const today = localToday();
    if (cached && version !== undefined && cached.version === version && cached.generation === this.generation && cached.today === today) {
      return cached;
    }
    const placement = this.roots.place(uri);
    const reads = new Set<string>();
    // The same text parsed before (only the settings or the disk changed): reuse its parse.
    const document = cached?.text === text ? cached.result.analysis?.document : undefined;
    const result = checkDocument({
      text,
      documentPath: placement.documentPath,
      workspace: recordingView(placement.workspace, reads),
      editorSettings: editorConfig(settings),
      today,
      crossFileReads: this.roots.trusted,
      onRuleError: (rule, error) => this.ruleFailed(rule, error),
      document,
    });
    const checked: Checked = { uri, version, text: version === undefined ? undefined : text, generation: this.generation, today, result, placement, reads };
    this.latest.set(key, checked);
    return checked;
  }

  get(uri: string): Checked | undefined {
    return this.latest.get(uriKey(uri));
  }

  forget(uri: string): void {
    this.latest.delete(uriKey(uri));
  }

  all(): Checked[] {
    return [...this.latest.values()];
  }

  featureContext(checked: Checked): FeatureContext {
    return {
      settings: checked.result.settings,
      workspace: checked.placement.workspace,
      documentPath: checked.placement.documentPath,
      today: checked.today,
      analysis: checked.result.analysis,
    };
  }

  /** A throwing rule is logged once per rule, not on every keystroke; its siblings still report. */
  private ruleFailed(rule: RuleDefinition<any>, error: unknown): void {
    if (this.failedRules.has(rule.code)) return;
    this.failedRules.add(rule.code);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.log(`Rule ${rule.code} ${rule.name} failed and was skipped: ${detail}`);
  }
}
