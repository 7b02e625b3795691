import type { CodeActionParams, Connection } from 'vscode-languageserver';
import { SHOW_DOCUMENT_COMMAND, type AnalysedDocument } from '../service';
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
  const { service } = checker;
  const analysed = async (uri: string): Promise<AnalysedDocument | undefined> => {
    const checked = await diagnostics.current(uri);
    return checked && checker.analysed(checked);
  };

  connection.onHover(async ({ textDocument, position }) => {
    const document = await analysed(textDocument.uri);
    return document ? service.hover(document, position) : null;
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const document = await analysed(textDocument.uri);
    return document ? service.complete(document, position) : null;
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const document = await analysed(textDocument.uri);
    return document ? service.symbols(document, { headings: capabilities.headingSymbols() }) : null;
  });

  connection.onDocumentLinks(async ({ textDocument }) => {
    const document = await analysed(textDocument.uri);
    return document ? service.links(document) : null;
  });

  connection.onCodeAction(async (params: CodeActionParams) => {
    const document = await analysed(params.textDocument.uri);
    if (!document) return null;
    return service.codeActions(document, params.range, {
      uri: params.textDocument.uri,
      version: capabilities.documentVersion(params.textDocument.uri),
      only: params.context.only,
      snippetSupport: capabilities.snippetEdits(),
      createFileSupport: capabilities.createFiles() && capabilities.trusted(),
      showDocumentSupport: capabilities.showDocument(),
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
    return status(checker, checked);
  });
}

export function status(checker: Checker, checked: Checked | undefined): StatusResult {
  const { isReadiness, ...figures } = checker.service.sectionStatus(checked?.result);
  return {
    isReadinessFile: isReadiness,
    ...figures,
    ...(checked ? { checkMs: Math.round(checked.durationMs * 10) / 10 } : {}),
  };
}
