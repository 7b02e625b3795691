import type { DiagnosticRelatedInformation, Range, TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument, SectionId } from '../model';
import type { WorkspaceView } from '../workspace';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** RULES.md requirement ids, for traceability from a rule back to the template. */
export type RequirementId = `${'F' | 'H' | 'M' | 'A' | 'D' | 'R' | 'B' | 'O' | 'C'}${number}`;

/** A fix the editor offers as a quick fix and `--fix` may apply. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The single obvious fix for its diagnostic. */
  isPreferred?: boolean;
  /** Safe to apply without a human choosing (fix-all, `--fix`). */
  safe?: boolean;
  /**
   * The same edits with snippet syntax (`${1:reason}`), for clients that accept snippet edits;
   * `edits` must stay a complete, valid plain-text version.
   */
  snippetEdits?: TextEdit[];
}

export interface Finding {
  range: Range;
  message: string;
  related?: DiagnosticRelatedInformation[];
  fixes?: Fix[];
  /**
   * A notice the rule gives besides its judgement (e.g. "the sunset is in 5 days"): always this
   * severity, whatever level the rule is configured at.
   */
  severity?: Severity;
}

export interface RuleContext<Options> {
  readonly document: ReadinessDocument;
  /** The document's path relative to the workspace root (posix), when it has one. */
  readonly documentPath: string | undefined;
  /** This rule's options: its defaults overlaid with the user's configuration. */
  readonly options: Options;
  /** Any rule's resolved options, for checks that share a setting (e.g. the runbook folder). */
  optionsOf<O>(rule: RuleDefinition<O>): O;
  readonly workspace: WorkspaceView;
  /** Today's date, `YYYY-MM-DD`, as the caller's clock reads it (rules never read a clock). */
  readonly today: string;
  report(finding: Finding): void;
  /** Findings of the rules that ran before this one (the checklist rules run last and read them). */
  readonly priorFindings: ReadonlyArray<Finding & { rule: RuleDefinition<any>; severity: Severity }>;
}

export interface RuleDefinition<Options = Record<string, never>> {
  /** Stable code, `RDY` + number; never reused. */
  code: string;
  /** Stable kebab-case name; configuration accepts it as well as the code. */
  name: string;
  /** The RULES.md requirement(s) it implements. */
  requirements: RequirementId[];
  /** Where it looks: a section's rules are silenced when that section is validly skipped. */
  section: SectionId | 'header' | 'file';
  severity: Severity;
  /** One line: what the rule requires (hover, SARIF shortDescription, `rules` listing). */
  summary: string;
  /** Why, citing the ADR the template cites (hover, SARIF fullDescription). */
  rationale: string;
  /** How to fix, in a sentence (hover). */
  fixHint: string;
  defaultOptions?: Options;
  /** JSON Schema `properties` for the options, merged into the config schema. */
  optionsSchema?: Record<string, object>;
  /** Reads the workspace (runbooks, requirements): skipped where cross-file reads are off. */
  crossFile?: boolean;
  /** false: disable comments cannot silence it (it judges those comments); only the configuration turns it off. */
  suppressible?: boolean;
  check(context: RuleContext<Options>): void;
}

/** Helps TypeScript infer a rule's option type from its defaults. */
export function defineRule<Options = Record<string, never>>(rule: RuleDefinition<Options>): RuleDefinition<Options> {
  return rule;
}
