import type { TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument, Table } from '../../model';
import { columnKey } from '../../parser/tables';
import { appendTableRow } from '../../util/edits';
import { snippetOf, withTabStops } from '../../util/snippets';
import { defineRule, type Fix } from '../types';
import { driftAnalysis, DEFAULT_DRIFT_KEYWORDS, NA_FIX_REASON, type DriftKeywords, type NotApplicable } from '../../facts/drift/driftTable';
import { cellsFor, templateRow } from '../../template/exampleRows';
import { stringList } from '../../util/optionSchemas';

/**
 * What the "mark N/A" quick fix writes where the justification goes: the reason is the author's,
 * so a placeholder that RDY001 flags until it is replaced (selected as a snippet tab stop).
 */
const NA_REASON_PLACEHOLDER = '<reason>';

const NA_MARKER = 'N/A — calibration-only change';

export const driftRowsRule = defineRule<DriftKeywords>({
  code: 'RDY301',
  name: 'drift-rows',
  requirements: ['D1'],
  section: 'drift',
  severity: 'error',
  summary: 'The drift table has a Data drift row (or data drift marked `N/A — calibration-only change` with a justification) and a Concept drift row.',
  rationale:
    'A model degrades in two ways: its inputs shift (data drift) or the relation it learnt stops holding (concept drift). The template ' +
    'requires both for any track changing architecture, features or labels; only a calibration-only change may mark data drift N/A, ' +
    'and must say why. Undetected drift is a silent failure (ADR-25 no silent fallback).',
  fixHint: 'Add the missing row (the quick fix inserts it with the template\'s default method, for you to write its window, levels and action), or for a calibration-only change write `N/A — calibration-only change: <why>`.',
  defaultOptions: DEFAULT_DRIFT_KEYWORDS,
  optionsSchema: {
    dataDriftKeywords: stringList('Words in the Drift type cell that make a row the data-drift row.'),
    conceptDriftKeywords: stringList('Words in the Drift type cell that make a row the concept-drift row.'),
  },
  check({ document, options, report }) {
    const analysis = driftAnalysis(document, options);
    if (!analysis) return;
    const { table } = analysis;

    for (const { kind, notApplicable } of analysis.rows) {
      if (kind === 'concept' && notApplicable) {
        report({
          range: notApplicable.range,
          message:
            'Concept drift cannot be marked N/A: only data drift may be, for a calibration-only change. Describe how live performance is compared with training (e.g. rolling perf gap, 14d window).',
        });
      }
    }

    const dataRows = analysis.rows.filter((row) => row.kind === 'data');
    if (!dataRows.some((row) => !row.notApplicable)) {
      const markers = [...dataRows.map((row) => row.notApplicable!), analysis.proseNotApplicable].filter(
        (marker): marker is NotApplicable => marker !== undefined,
      );
      if (!markers.length) {
        report({
          range: table.header.range,
          message:
            'No Data drift row: add one (e.g. PSI on the top-K features, rolling 7d vs training, `PSI > 0.2 (warn), PSI > 0.5 (crit)`), ' +
            `or, for a calibration-only change, a row reading \`${NA_MARKER}: <why>\`.`,
          fixes: [templateRowFix(document, table, 'data'), notApplicableFix(document, table)],
        });
      } else if (!markers.some((marker) => marker.justification !== '' || marker.placeholder)) {
        // A placeholder reason is RDY001's to report; only a truly empty one is reported here.
        report({
          range: markers[0].range,
          message: `Data drift is marked \`${NA_MARKER}\` without a justification: add one line saying why, e.g. \`${NA_MARKER}: ${NA_FIX_REASON}\`.`,
        });
      }
    }

    if (!analysis.rows.some((row) => row.kind === 'concept')) {
      report({
        range: table.header.range,
        message:
          'No Concept drift row: add one (e.g. rolling perf gap of live `f1_buy` vs training OOS `f1_buy`, 14d window, `gap > 0.05 (warn), gap > 0.10 (crit)`).',
        fixes: [templateRowFix(document, table, 'concept')],
      });
    }
  },
});

/**
 * What the "add the missing row" fix writes where the author's values go: the template names a
 * default method for each drift type (PSI, rolling perf gap), but the window, the levels and the
 * action are the track's. RDY001 reports these until they are replaced.
 */
const DRIFT_ROW_PLACEHOLDERS: Readonly<Record<string, string>> = {
  Window: '<window>',
  Threshold: '<threshold (warn, crit)>',
  'Action on trigger': '<action on trigger>',
};

function templateRowFix(document: ReadinessDocument, table: Table, kind: 'data' | 'concept'): Fix {
  const row = templateRow('drift', kind === 'data' ? /data/i : /concept/i)!;
  const type = kind === 'data' ? 'Data drift' : 'Concept drift';
  const method = row.get(columnKey('Method')) ?? '';
  const cells = cellsFor(table, new Map(), { 'Drift type': type, Method: method, ...DRIFT_ROW_PLACEHOLDERS });
  const edit = appendTableRow(document, table, byPosition(table, cells, type));
  return {
    title: `Add the template's ${type} row`,
    isPreferred: true,
    // The method is the template's default, to be checked against the track; the rest is the author's to write.
    safe: false,
    edits: [edit],
    snippetEdits: [{ range: edit.range, newText: withTabStops(edit.newText, Object.values(DRIFT_ROW_PLACEHOLDERS)) }],
  };
}

function notApplicableFix(document: ReadinessDocument, table: Table): Fix {
  const edit = (reason: string): TextEdit => {
    const dashes = new Map(table.columnKeys.map((key) => [key, '—']));
    const method = `${NA_MARKER}: ${reason}`;
    return appendTableRow(document, table, byPosition(table, cellsFor(table, dashes, { 'Drift type': 'Data drift', Method: method }), 'Data drift', method));
  };
  return {
    title: `Mark data drift ${NA_MARKER}`,
    safe: false,
    edits: [edit(NA_REASON_PLACEHOLDER)],
    snippetEdits: [snippetOf(edit('\u0000'), `\${1:${NA_REASON_PLACEHOLDER}}`)],
  };
}

/**
 * A table lacking the template's columns (RDY004 reports them) is read by position: driftAnalysis
 * takes the first cell as the drift type. Without this, the inserted row would hold only the
 * template's values for columns the table does not have, i.e. nothing, and the finding would stay.
 * The N/A marker goes in the Method column, else in the first other cell, else after the type.
 */
function byPosition(table: Table, cells: string[], type: string, method?: string): string[] {
  if (!cells.length) return cells;
  const typeIndex = table.hasColumn('Drift type') ? table.columnKeys.indexOf(columnKey('Drift type')) : 0;
  cells[typeIndex] = type;
  if (method !== undefined && !table.hasColumn('Method')) {
    const other = cells.findIndex((_, index) => index !== typeIndex);
    if (other >= 0) cells[other] = method;
    else cells[typeIndex] = `${type} ${method}`;
  }
  return cells;
}
