// §2's facts: its table and alert rows by column, and how an alert's Severity/Channel values compare.
// Read by RDY201–RDY205, the runbook facts, the create-runbook action and the diff.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Cell, ReadinessDocument, Section, Table, TableRow } from '../../model';
import { fact } from '../fact';
import { findSection, sectionTable } from '../document';

/** One row of §2's table, its cells by column (undefined when the column or the cell is missing). */
export interface AlertRow {
  row: TableRow;
  alert: Cell | undefined;
  trigger: Cell | undefined;
  runbook: Cell | undefined;
  severity: Cell | undefined;
  channel: Cell | undefined;
}

export const ALERT_COLUMNS = {
  alert: 'Alert',
  trigger: 'Trigger',
  runbook: 'Runbook',
  severity: 'Severity',
  channel: 'Notification channel',
} as const;

export function alertSection(document: ReadinessDocument): Section | undefined {
  return findSection(document, 'alerting');
}

/** §2's table (the one holding most of its columns). */
export const alertTable = fact((document): Table | undefined => sectionTable(alertSection(document)));

/** The rows of §2's table that hold anything (a fully blank row is layout, not an alert). */
export const alertRows = fact((document): AlertRow[] => {
  const table = alertTable(document);
  if (!table) return [];
  return table.rows
    .filter((row) => row.cells.some((cell) => cell.text !== ''))
    .map((row) => ({
      row,
      alert: table.cell(row, ALERT_COLUMNS.alert),
      trigger: table.cell(row, ALERT_COLUMNS.trigger),
      runbook: table.cell(row, ALERT_COLUMNS.runbook),
      severity: table.cell(row, ALERT_COLUMNS.severity),
      channel: table.cell(row, ALERT_COLUMNS.channel),
    }));
});

/** A choice as compared: no parenthesised remark, case, spaces, hyphens or underscores (`Pager Duty`, `E-mail`). */
export function choiceKey(value: string): string {
  return value
    .replace(/\(.*?\)/g, '')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '') // decoration: `P1 🔥`, `Pagerduty 📟`
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** The allowed value a written one stands for, or undefined. */
export function matchChoice(value: string, allowed: readonly string[]): string | undefined {
  const key = choiceKey(value);
  if (!key) return undefined;
  return allowed.find((option) => choiceKey(option) === key) ?? allowed.find((option) => withDetail(value, option));
}

/**
 * `Slack #ml-alerts`, `Pagerduty: ml-oncall`, `PagerDuty → ml-oncall`, `email to ml@corp.com`,
 * `P1 — pages on-call`: the value followed by where or how, not by another value (`Slack or email`, `P1 / P2`).
 */
function withDetail(value: string, option: string): boolean {
  const words = option.trim().split(/[\s_-]+/).filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return false;
  const match = new RegExp(`^\\s*${words.join('[\\s_-]*')}(?![\\p{L}\\d])`, 'iu').exec(value);
  return match !== null && /^\s*(?:[#:@→(`]|->|=>|[—–-]\s|(?:to|via|on|in|at)\s)/i.test(value.slice(match[0].length));
}

/**
 * Where a channel goes, after its name: a Slack channel (`Slack #cvn-ml-alerts`, `Slack: #x`), a
 * Pagerduty service (`Pagerduty service \`cvn-live\``), an address (`email ml-oncall@x.com`,
 * `email to @ana-m`). It says which channel is used, not another one.
 */
const CHANNEL_TARGET = /(?:\s*:\s*|\s+(?=[#@`])|\s+(?:channel|service|room|to|via)\b|\s+(?=\S+@\S))[\s\S]*$/i;

/**
 * The channels of a Notification channel cell, without their targets. Several may be combined with
 * `+`, `,`, `&` or `and` (`Pagerduty + Slack`); `/` is not a separator: `Pagerduty / Slack` is the
 * template's unchosen alternative (a placeholder).
 */
export function splitChannels(value: string): string[] {
  return value
    .replace(/\(.*?\)/g, ' ')
    .split(/\s*(?:\+|,|&|\band\b)\s*/i)
    .map((part) => part.trim().replace(CHANNEL_TARGET, ''))
    .filter((part) => part !== '');
}

/** `Alert name` → `alert-name`, for file names. */
export function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `signals.buy proba` → `signals_buy_proba`, for alert names. */
export function snake(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * An edit writing `value` into a cell. An empty cell's range is a point before its closing `|`,
 * so the whole gap between the pipes is replaced to keep the row tidy (`| P2 |`, not `|   P2|`).
 */
export function replaceCell(document: ReadinessDocument, cell: Cell, value: string): TextEdit {
  if (cell.text !== '') return { range: cell.range, newText: value };
  const { line, character } = cell.range.end;
  const before = document.lines.lineText(line).slice(0, character);
  const open = before.lastIndexOf('|') + 1;
  return { range: { start: { line, character: open }, end: cell.range.end }, newText: ` ${value} ` };
}
