import type { RuleDefinition, Severity } from '../rules/types';

export type RuleLevel = Severity | 'off';

/** A rule's entry in `.mlops-readiness.json` or the editor's `mlopsReadiness.rules` setting. */
export type RuleConfig = RuleLevel | ({ severity?: RuleLevel } & Record<string, unknown>);

/** The shape of `.mlops-readiness.json` (JSON with comments). */
export interface ReadinessConfig {
  /** Globs (relative to the workspace root) naming readiness files (F6). */
  files?: string[];
  /** Files larger than this many bytes are refused with a message, not parsed. */
  maxFileSize?: number;
  /** The severity of that message: a file that was not checked fails the gate unless this says otherwise. */
  maxFileSizeSeverity?: Severity;
  /** Folder of ADR files, for hovers and links on `ADR-NN`. */
  adrFolder?: string;
  /** Base URL of the organisation's copy of the rule pages (`<base>/<code>.md`). */
  docsBaseUrl?: string;
  /** Per rule, by code (`RDY201`) or name (`p1-alert-required`). */
  rules?: Record<string, RuleConfig>;
}

export interface ResolvedRule {
  level: RuleLevel;
  options: Record<string, unknown>;
}

export interface ResolvedSettings {
  files: string[];
  maxFileSize: number;
  maxFileSizeSeverity: Severity;
  adrFolder: string;
  /** Configured base of the rule pages, an http(s) URL ending in `/`; undefined: the shell's bundled pages. */
  docsBaseUrl?: string;
  /** By rule code. */
  rules: ReadonlyMap<string, ResolvedRule>;
}

export const DEFAULT_FILES = ['**/*readiness*.md', '**/readiness/**/*.md'];
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
export const DEFAULT_MAX_FILE_SIZE_SEVERITY: Severity = 'error';
const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint'];
export const DEFAULT_ADR_FOLDER = 'docs/adr';

/**
 * Overlays configuration layers, lowest priority first (built-in defaults, then editor settings,
 * then config files from the workspace root down to the document's folder).
 */
export function resolveSettings(rules: readonly RuleDefinition<any>[], layers: readonly ReadinessConfig[]): ResolvedSettings {
  const byKey = new Map<string, RuleDefinition<any>>();
  for (const rule of rules) {
    byKey.set(rule.code.toLowerCase(), rule);
    byKey.set(rule.name.toLowerCase(), rule);
  }
  const resolved = new Map<string, ResolvedRule>();
  for (const rule of rules) {
    resolved.set(rule.code, { level: rule.severity, options: { ...(rule.defaultOptions ?? {}) } });
  }
  let files = DEFAULT_FILES;
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  let adrFolder = DEFAULT_ADR_FOLDER;
  let docsBaseUrl: string | undefined;
  let maxFileSizeSeverity = DEFAULT_MAX_FILE_SIZE_SEVERITY;
  for (const layer of layers) {
    if (Array.isArray(layer.files) && layer.files.length) files = layer.files;
    if (typeof layer.maxFileSize === 'number' && layer.maxFileSize > 0) maxFileSize = layer.maxFileSize;
    if (typeof layer.adrFolder === 'string' && layer.adrFolder) adrFolder = layer.adrFolder;
    if (typeof layer.docsBaseUrl === 'string' && /^https?:\/\/\S+$/i.test(layer.docsBaseUrl.trim())) docsBaseUrl = layer.docsBaseUrl.trim().replace(/\/*$/, '/');
    if (typeof layer.maxFileSizeSeverity === 'string' && SEVERITIES.includes(layer.maxFileSizeSeverity)) maxFileSizeSeverity = layer.maxFileSizeSeverity;
    for (const [key, value] of Object.entries(layer.rules ?? {})) {
      const rule = byKey.get(key.toLowerCase());
      if (!rule) continue; // reported by config validation; never fatal here
      const current = resolved.get(rule.code)!;
      if (typeof value === 'string') {
        current.level = value;
      } else if (value && typeof value === 'object') {
        const { severity, ...options } = value;
        if (severity) current.level = severity;
        Object.assign(current.options, options);
      }
    }
  }
  return { files, maxFileSize, maxFileSizeSeverity, adrFolder, docsBaseUrl, rules: resolved };
}
