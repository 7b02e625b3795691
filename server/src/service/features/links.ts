import type { DocumentLink } from 'vscode-languageserver-types';
import type { ReadinessDocument } from '../model';
import { findSection, sectionTable, subRange } from '../facts/document';
import { confinePath } from '../workspace';
import { runbookMentionsOf } from '../facts/alerting/runbookPaths';
import { ADR_REFERENCE, findAdr } from './adr';
import type { FeatureContext } from './context';
import { matchesOnLine } from './positions';

/** Runbook paths in §2's Runbook cells open the runbook; `ADR-NN` opens the ADR's file. Only files that exist. */
export function findDocumentLinks(document: ReadinessDocument, context: FeatureContext): DocumentLink[] {
  return [...runbookLinks(document, context), ...adrLinks(document, context)];
}

/** Each runbook a Runbook cell names, at the path RDY205–RDY207 read (a link from the document's folder). */
function runbookLinks(document: ReadinessDocument, context: FeatureContext): DocumentLink[] {
  const table = sectionTable(findSection(document, 'alerting'));
  if (!table) return [];
  const links: DocumentLink[] = [];
  for (const row of table.rows) {
    const cell = table.cell(row, 'Runbook');
    if (!cell) continue;
    for (const mention of runbookMentionsOf(cell, context.documentPath, document.linkDefinitions)) {
      // A path leading out of the workspace is never opened (RDY205 reports it).
      const path = /\.md$/i.test(mention.path) ? confinePath(mention.path) : undefined;
      if (!path || !context.workspace.exists(path)) continue;
      links.push({ range: subRange(cell, mention.start, mention.end), target: context.workspace.uriOf(path), tooltip: 'Open the runbook' });
    }
  }
  return links;
}

function adrLinks(document: ReadinessDocument, context: FeatureContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  const cache = new Map<number, ReturnType<typeof findAdr>>();
  for (let line = 0; line < document.lines.lineCount; line++) {
    if (document.codeLines.has(line) || !document.lines.lineText(line).includes('ADR')) continue;
    for (const { match, range } of matchesOnLine(document, line, ADR_REFERENCE)) {
      const number = Number(match[1]);
      if (!cache.has(number)) cache.set(number, findAdr(number, context));
      const adr = cache.get(number);
      if (adr) links.push({ range, target: context.workspace.uriOf(adr.path), tooltip: adr.title });
    }
  }
  return links;
}
