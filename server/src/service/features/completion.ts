import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import type { ReadinessDocument } from '../model';
import { SECTION_SPECS } from '../parser/sections';
import { columnKey } from '../parser/tables';
import { columnDoc } from './columns';
import type { FeatureContext } from './context';
import { knownHandles, PERSON_FIELDS } from './handles';
import { sectionDescription } from './hover';
import { findRule, RULES } from '../rules/registry';
import { directiveAt } from '../util/disableDirectives';
import { cellAt, rangeContains, tokenAt, type CellAt } from './positions';
import { canarySymbols, runbookFolder } from './ruleOptions';

const HANDLE_CHARS = /[@A-Za-z0-9<>_-]/;
const PATH_CHARS = /[A-Za-z0-9_./<>-]/;
const SYMBOL_CHARS = /[A-Za-z0-9]/;
const RULE_CHARS = /[A-Za-z0-9-]/;

/** Completions by context: a missing heading after `## `, a person, a runbook, a canary symbol, an enumerated cell. */
export function doComplete(document: ReadinessDocument, position: Position, context: FeatureContext): CompletionList {
  const items =
    ruleCodeItems(document, position) ??
    headingItems(document, position) ??
    personItems(document, position, context) ??
    cellItems(document, position, context) ??
    [];
  return { isIncomplete: false, items };
}

/** In a `<!-- readiness-disable … -->` comment: the rule codes it does not name yet. */
function ruleCodeItems(document: ReadinessDocument, position: Position): CompletionItem[] | undefined {
  const directive = directiveAt(document, position);
  if (!directive) return undefined;
  const token = tokenAt(document, position, RULE_CHARS);
  const named = new Set(directive.names.filter((n) => !rangeContains(n.range, position)).map((n) => findRule(n.text)?.code));
  return RULES.filter((rule) => !named.has(rule.code)).map((rule, index) => ({
    label: rule.code,
    kind: CompletionItemKind.Value,
    detail: `${rule.name} (${rule.severity})`,
    documentation: { kind: 'markdown', value: rule.summary },
    sortText: String(index).padStart(3, '0'),
    filterText: `${rule.code} ${rule.name}`,
    textEdit: { range: token.range, newText: rule.code },
  }));
}

function headingItems(document: ReadinessDocument, position: Position): CompletionItem[] | undefined {
  const line = document.lines.lineText(position.line);
  const typed = /^(\s{0,3}#{2,3}\s+)(.*)$/.exec(line.slice(0, position.character));
  if (!typed) return undefined;
  const present = new Set(document.sections.map((s) => s.id));
  const range: Range = document.lines.range(position.line, typed[1].length, line.length);
  return SECTION_SPECS.filter((spec) => !present.has(spec.id)).map((spec, index) => ({
    label: spec.title,
    kind: CompletionItemKind.Module,
    detail: 'Missing section',
    documentation: { kind: 'markdown', value: sectionDescription(spec) },
    sortText: String(index).padStart(2, '0'),
    filterText: line.slice(typed[1].length, position.character) ? spec.title : undefined,
    textEdit: { range, newText: spec.title },
  }));
}

function personItems(document: ReadinessDocument, position: Position, context: FeatureContext): CompletionItem[] | undefined {
  const fields = [...document.headerFields, ...document.sections.flatMap((s) => s.fields)];
  const field = fields.find((f) => f.line === position.line && PERSON_FIELDS.has(f.key) && position.character >= f.keySpan.range.end.character);
  const cell = field ? undefined : cellAt(document, position);
  const inOwnerCell = cell?.section.id === 'monitoring' && !cell.isHeader && cell.columnName !== undefined && columnKey(cell.columnName) === 'owner';
  if (!field && !inOwnerCell) return undefined;
  const token = tokenAt(document, position, HANDLE_CHARS);
  return knownHandles(document, context).map(({ handle, source }) => ({
    label: handle,
    kind: CompletionItemKind.Reference,
    detail: `from ${source}`,
    filterText: token.text ? handle : undefined,
    textEdit: { range: token.range, newText: handle },
  }));
}

function cellItems(document: ReadinessDocument, position: Position, context: FeatureContext): CompletionItem[] | undefined {
  const at = cellAt(document, position);
  if (!at || at.isHeader || !at.columnName) return undefined;
  const key = columnKey(at.columnName);
  if (at.section.id === 'alerting' && key === 'runbook') return runbookItems(document, position, context);
  if (at.section.id === 'rollout' && isCanaryRow(at) && key !== 'stage' && key !== 'duration') return symbolItems(document, position, context);
  const doc = columnDoc(at.section.id, at.columnName);
  if (!doc?.values) return undefined;
  return doc.values.map((value, index) => ({
    label: value.value,
    kind: CompletionItemKind.EnumMember,
    detail: at.columnName,
    documentation: value.meaning,
    sortText: String(index).padStart(2, '0'),
    filterText: value.value,
    textEdit: { range: at.editRange, newText: value.value },
  }));
}

function isCanaryRow(at: CellAt): boolean {
  return /^\W*canary\b/i.test(at.table.cell(at.row, 'Stage')?.value ?? '');
}

function symbolItems(document: ReadinessDocument, position: Position, context: FeatureContext): CompletionItem[] {
  const token = tokenAt(document, position, SYMBOL_CHARS);
  return canarySymbols(context.settings).map((symbol) => ({
    label: symbol,
    kind: CompletionItemKind.Constant,
    detail: 'Canary crypto (configured symbols)',
    filterText: symbol,
    textEdit: { range: token.range, newText: symbol },
  }));
}

function runbookItems(document: ReadinessDocument, position: Position, context: FeatureContext): CompletionItem[] {
  const folder = runbookFolder(context.settings);
  const files = (context.workspace.list?.(folder) ?? []).filter((name) => /\.md$/i.test(name)).sort();
  const token = tokenAt(document, position, PATH_CHARS);
  const line = document.lines.lineText(position.line);
  // Inside backticks the path goes in as is; in a bare cell it gets backticks, as the template writes it.
  const quoted = line[token.range.start.character - 1] === '`';
  return files.map((name) => {
    const path = folder ? `${folder}/${name}` : name;
    return {
      label: path,
      kind: CompletionItemKind.File,
      detail: 'Runbook',
      filterText: path,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: token.range, newText: quoted ? path : '`' + path + '`' },
    };
  });
}
