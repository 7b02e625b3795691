// The rule links of diagnostics and hovers (`command:mlopsReadiness.showRuleDocs?["RDY201"]`): the page
// bundled with the extension, `docs/rules/<code>.md`, in VS Code's Markdown preview. An organisation's own
// copy (`docsBaseUrl`) is linked directly by the server and opens in the browser instead.
import * as vscode from 'vscode';

export async function showRuleDocs(context: vscode.ExtensionContext, code: unknown): Promise<vscode.Uri | undefined> {
  if (typeof code !== 'string' || !/^RDY\d+$/.test(code)) {
    void vscode.window.showErrorMessage(`MLOps Readiness: no rule page for ${JSON.stringify(code)}.`);
    return undefined;
  }
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${code}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(`MLOps Readiness: the page of ${code} is not bundled with this version.`);
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return page;
}
