// The language status item for the active readiness file: "4/7 sections passing, 2 errors, 1 warning".
// The numbers come from the server (`mlopsReadiness/status`); it is refreshed when the active editor changes
// and whenever the server publishes new diagnostics for that file.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { StatusRequest, type StatusResult } from './protocol';
import { checkTimeText } from './summaries';

export const STATUS_ITEM_ID = 'mlopsReadiness.status';

export function statusText(s: StatusResult): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${s.sectionsPassing}/${s.sectionsTotal} sections passing, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`;
}

export class ReadinessStatus implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;
  private shownFor: string | undefined; // the document the item describes
  private generation = 0; // answers to older requests are dropped
  private readonly subscriptions: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the item's text changed or it was hidden. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.refresh();
      }),
    ];
    this.refresh();
  }

  /** The item currently shown, if any (exported for the end-to-end tests through the extension's API). */
  get current(): { text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity } | undefined {
    return this.item && { text: this.item.text, detail: this.item.detail, severity: this.item.severity };
  }

  refresh(): void {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown' || !this.client.isRunning()) return this.hide();
    // Never show one file's numbers on another while the answer is on its way.
    if (this.shownFor !== document.uri.toString()) this.hide();
    this.client.sendRequest(StatusRequest, { uri: document.uri.toString() }).then(
      (status) => generation === this.generation && this.show(document, status),
      (error: unknown) => {
        if (generation === this.generation) this.hide();
        this.client.debug(`${StatusRequest.method} failed: ${String(error)}`);
      },
    );
  }

  private show(document: vscode.TextDocument, status: StatusResult): void {
    if (!status.isReadinessFile) return this.hide();
    this.item ??= vscode.languages.createLanguageStatusItem(STATUS_ITEM_ID, { language: 'markdown' });
    this.shownFor = document.uri.toString();
    this.item.name = 'MLOps Readiness';
    this.item.text = statusText(status);
    this.item.detail = checkTimeText(status);
    this.item.severity =
      status.errors > 0 ? vscode.LanguageStatusSeverity.Error
      : status.warnings > 0 ? vscode.LanguageStatusSeverity.Warning
      : vscode.LanguageStatusSeverity.Information;
    this.item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
    this.changed.fire();
  }

  private hide(): void {
    if (!this.item) return;
    this.item.dispose();
    this.item = undefined;
    this.shownFor = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.hide();
    this.changed.dispose();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
