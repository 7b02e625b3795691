import type { CodeActionParams, Connection } from 'vscode-languageserver';
import {
  analyse,
  doComplete,
  doHover,
  findDocumentLinks,
  findDocumentSymbols,
  getCodeActions,
  parseReadiness,
  sectionStatuses,
  SHOW_DOCUMENT_COMMAND,
  type Analysis,
} from '../service';
import type { Checked, Checker } from './checker';
import type { Diagnostics } from './diagnostics';
import { StatusRequest, type StatusResult } from './protocol';

/**
 * Editor features over the cached check of the open document's current version. Each handler is a
 * one-line call into the engine; a non-readiness document gets nothing.
 */
export function registerFeatures(
  connection: Connection,
  diagnostics: Diagnostics,
  checker: Checker,
  capabilities: {
    snippetEdits: () => boolean;
    createFiles: () => boolean;
    showDocument: () => boolean;
    trusted: () => boolean;
    headingSymbols: () => boolean;
    documentVersion: (uri: string) => number | undefined;
  },
): void {
  const analysed = async (uri: string): Promise<{ checked: Checked; analysis: Analysis } | undefined> => {
    const checked = await diagnostics.current(uri);
    const analysis = checked?.result.analysis;
    return checked && analysis ? { checked, analysis } : undefined;
  };

  connection.onHover(async ({ textDocument, position }) => {
    const found = await analysed(textDocument.uri);
    return found ? doHover(found.analysis.document, position, checker.featureContext(found.checked)) : null;
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const found = await analysed(textDocument.uri);
    return found ? doComplete(found.analysis.document, position, checker.featureContext(found.checked)) : null;
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const found = await analysed(textDocument.uri);
    return found ? findDocumentSymbols(found.analysis.document, { headings: capabilities.headingSymbols() }) : null;
  });

  connection.onDocumentLinks(async ({ textDocument }) => {
    const found = await analysed(textDocument.uri);
    return found ? findDocumentLinks(found.analysis.document, checker.featureContext(found.checked)) : null;
  });

  connection.onCodeAction(async (params: CodeActionParams) => {
    const found = await analysed(params.textDocument.uri);
    if (!found) return null;
    const { checked } = found;
    return getCodeActions(found.analysis, params.range, {
      uri: params.textDocument.uri,
      version: capabilities.documentVersion(params.textDocument.uri),
      only: params.context.only,
      snippetSupport: capabilities.snippetEdits(),
      createFileSupport: capabilities.createFiles() && capabilities.trusted(),
      showDocumentSupport: capabilities.showDocument(),
      workspace: checked.placement.workspace,
      settings: checked.result.settings,
      recheck: (text) =>
        analyse(parseReadiness(text), {
          settings: checked.result.settings,
          workspace: checked.placement.workspace,
          documentPath: checked.placement.documentPath,
          today: checked.today,
          crossFileReads: capabilities.trusted(),
        }),
    });
  });

  // A code action that created a file asks for it to be shown; the client opens it.
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const [uri] = args ?? [];
    if (command !== SHOW_DOCUMENT_COMMAND || typeof uri !== 'string' || !capabilities.showDocument()) return null;
    const shown = await connection.window.showDocument({ uri, takeFocus: true });
    return shown.success;
  });

  connection.onRequest(StatusRequest, async ({ uri }) => {
    const checked = diagnostics.isOpen(uri) ? await diagnostics.current(uri) : await diagnostics.checkDisk(uri);
    return status(checked);
  });
}

export function status(checked: Checked | undefined): StatusResult {
  const result = checked?.result;
  const sections = result?.analysis ? sectionStatuses(result.analysis) : [];
  const count = (severity: number) => result?.diagnostics.filter((d) => d.severity === severity).length ?? 0;
  return {
    isReadinessFile: result?.isReadiness ?? false,
    sectionsPassing: sections.filter((s) => s.passing).length,
    sectionsTotal: sections.length || 7, // the six MUST sections and the checklist
    errors: count(1),
    warnings: count(2),
    ...(checked ? { checkMs: Math.round(checked.durationMs * 10) / 10 } : {}),
  };
}
