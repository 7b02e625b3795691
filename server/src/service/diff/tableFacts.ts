import type { ResolvedSettings } from '../config/settings';
import { optionsOf } from '../features/ruleOptions';
import type { Cell, ReadinessDocument, Table } from '../model';
import { findSection, hasPlaceholder, sectionTable } from '../facts/document';
import { alertRows } from '../facts/alerting/alertTable';
import { metricIdentifier } from '../facts/monitoring/metricNames';
import { DEFAULT_DRIFT_KEYWORDS, type DriftKeywords } from '../facts/drift/driftTable';
import { monitoringMetrics } from '../facts/monitoring/metricClasses';
import { configOnlyRollbackRule } from '../rules/rollback/configOnlyRollback';
import { mechanismsOf } from '../facts/rollback/mechanisms';
import { findSymbols } from '../facts/rollout/canarySymbols';
import { canarySymbolRule } from '../rules/rollout/canarySymbol';
import { rolloutStagesRule } from '../rules/rollout/rolloutStages';
import { rolloutAnalysis, stageDays, STAGE_ORDER } from '../facts/rollout/stages';
import { hasPhrase } from '../util/phrases';
import type { AlertFact, DriftFact, MechanismFact, MetricFact, StageFact } from './factTypes';

// The rows of §1–§5's tables as facts, each keyed by what it names (metric, alert, drift type, stage,
// mechanism), read with the rules' own readers and options.

/** A value as a reader compares it: no markup, single spaces; a placeholder is no value. */
export function clean(document: ReadinessDocument, cell: Cell | undefined): string {
  if (!cell || hasPlaceholder(document, cell)) return '';
  return cell.value.replace(/\s+/g, ' ').trim();
}

export function metricsOf(document: ReadinessDocument): MetricFact[] {
  const table = sectionTable(findSection(document, 'monitoring'));
  if (!table) return [];
  return monitoringMetrics(document)
    .filter((metric) => !hasPlaceholder(document, metric.cell))
    .map((metric) => ({
      name: metricIdentifier(metric.cell) ?? metric.name,
      type: clean(document, table.cell(metric.row, 'Type')),
      threshold: clean(document, table.cell(metric.row, 'Threshold')),
      owner: clean(document, table.cell(metric.row, 'Owner')),
    }));
}

export function alertsOf(document: ReadinessDocument): AlertFact[] {
  return alertRows(document)
    .filter((row) => row.alert && clean(document, row.alert))
    .map((row) => ({
      name: identifierOrValue(document, row.alert!),
      severity: clean(document, row.severity).toUpperCase(),
      trigger: clean(document, row.trigger),
      runbook: clean(document, row.runbook),
      channel: clean(document, row.channel),
    }));
}

/** `ea_s11_expectancy_negative` from "`ea_s11_expectancy_negative` (P1)". */
function identifierOrValue(document: ReadinessDocument, cell: Cell): string {
  const code = /`([^`]+)`/.exec(cell.text);
  return code ? code[1].trim() : clean(document, cell);
}

export function driftOf(document: ReadinessDocument, keywords: DriftKeywords): DriftFact[] {
  const table = sectionTable(findSection(document, 'drift'));
  if (!table) return [];
  const words = { ...DEFAULT_DRIFT_KEYWORDS, ...keywords };
  return table.rows
    .map((row) => {
      const typeCell = table.cell(row, 'Drift type') ?? row.cells[0];
      const written = clean(document, typeCell);
      const type = hasPhrase(written, words.dataDriftKeywords, true)
        ? 'Data drift'
        : hasPhrase(written, words.conceptDriftKeywords, true)
          ? 'Concept drift'
          : written;
      return {
        type,
        method: clean(document, table.cell(row, 'Method')),
        window: clean(document, table.cell(row, 'Window')),
        threshold: clean(document, table.cell(row, 'Threshold')),
        action: clean(document, table.cell(row, 'Action on trigger')),
      };
    })
    .filter((fact) => fact.type !== '');
}

export function stagesOf(document: ReadinessDocument, settings: ResolvedSettings): StageFact[] {
  const rollout = rolloutAnalysis(document, optionsOf(settings, rolloutStagesRule));
  if (!rollout) return [];
  const { table } = rollout;
  const canaryOptions = optionsOf(settings, canarySymbolRule);
  return STAGE_ORDER.filter((kind) => rollout.stage[kind]).map((kind) => {
    const row = rollout.stage[kind]!;
    const duration = clean(document, table.cell(row, 'Duration'));
    const traffic = clean(document, table.cell(row, 'Traffic %'));
    const symbols = kind === 'canary' ? unique(findSymbols(trafficCells(table, row), canaryOptions).map((s) => s.text)) : [];
    return { kind, traffic, duration, days: duration ? stageDays(duration)?.days : undefined, symbols };
  });
}

/** The canary row's cells that say where it runs (not its criteria, where "BTCUSDC" may be a comparison). */
function trafficCells(table: Table, row: Table['rows'][number]): Cell[] {
  return row.cells.filter((cell) => !['duration', 'passcriteria', 'rollbacktrigger'].includes(table.columnKeys[cell.column] ?? ''));
}

export function rollbackOf(document: ReadinessDocument, settings: ResolvedSettings): MechanismFact[] {
  const table = sectionTable(findSection(document, 'rollback'));
  if (!table) return [];
  return mechanismsOf(document, table, optionsOf(settings, configOnlyRollbackRule))
    .filter((mechanism) => mechanism.name.trim() !== '' && !hasPlaceholder(document, table.cell(mechanism.row, 'Mechanism') ?? mechanism.row.cells[0]))
    .map((mechanism) => ({
      name: mechanism.name.replace(/\s+/g, ' ').trim(),
      kind: mechanism.kind,
      sla: clean(document, table.cell(mechanism.row, 'Revert SLA')),
    }));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
