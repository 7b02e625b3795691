import type { Connection } from 'vscode-languageserver/node';
import { normaliseRuleSettings, type ReadinessConfig, type RuleConfig } from '../service';

export const SECTION = 'mlopsReadiness';

/** The `mlopsReadiness.*` settings, normalised (bad values fall back to defaults, never throw). */
export interface ClientSettings {
  files: string[] | undefined;
  scope: 'workspace' | 'openFiles';
  /** Milliseconds between the last change and the re-check; 0 checks at once. */
  delay: number;
  rules: Record<string, RuleConfig>;
  adrFolder: string | undefined;
  /** `mlopsReadiness.docsBaseUrl`: the organisation's copy of the rule pages. */
  docsBaseUrl: string | undefined;
}

export const DEFAULT_SETTINGS: ClientSettings = { files: undefined, scope: 'workspace', delay: 200, rules: {}, adrFolder: undefined, docsBaseUrl: undefined };

export function normaliseSettings(raw: unknown): ClientSettings {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const files = Array.isArray(value.files) ? value.files.filter((f): f is string => typeof f === 'string' && f.length > 0) : undefined;
  const delay = typeof value.delay === 'number' && Number.isFinite(value.delay) ? Math.min(Math.max(value.delay, 0), 5000) : DEFAULT_SETTINGS.delay;
  return {
    files: files?.length ? files : undefined,
    scope: value.scope === 'openFiles' ? 'openFiles' : 'workspace',
    delay,
    rules: normaliseRuleSettings(value.rules),
    adrFolder: typeof value.adrFolder === 'string' && value.adrFolder ? value.adrFolder : undefined,
    docsBaseUrl: typeof value.docsBaseUrl === 'string' && value.docsBaseUrl.trim() ? value.docsBaseUrl.trim() : undefined,
  };
}

/** The editor's settings as the engine's lowest config layer (config files override them). */
export function editorConfig(settings: ClientSettings): ReadinessConfig {
  return { files: settings.files, rules: settings.rules, adrFolder: settings.adrFolder, docsBaseUrl: settings.docsBaseUrl };
}

/**
 * Settings per resource, pulled with `workspace/configuration` when the client supports it (else
 * what `didChangeConfiguration` pushed), cached until the next change notification.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ClientSettings>>();
  private readonly known = new Map<string, ClientSettings>();
  private pushed: ClientSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(scopeUri: string | undefined): Promise<ClientSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    const key = scopeUri ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri, section: SECTION })
        .then(normaliseSettings, () => DEFAULT_SETTINGS)
        .then((settings) => {
          this.known.set(key, settings);
          return settings;
        });
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** The last settings seen for a resource, without waiting (to pick a debounce delay). */
  peek(scopeUri: string | undefined): ClientSettings {
    return this.canPull() ? (this.known.get(scopeUri ?? '') ?? DEFAULT_SETTINGS) : this.pushed;
  }

  /** After `didChangeConfiguration`: forget everything; `settings` is what a push-only client sent. */
  reset(pushedSection: unknown): void {
    this.cache.clear(); // `known` stays: a stale delay is fine until the next pull
    if (pushedSection !== undefined) this.pushed = normaliseSettings(pushedSection);
  }
}
