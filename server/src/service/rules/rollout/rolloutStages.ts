import type { ReadinessDocument, Table, TableRow } from '../../model';
import { cellsFor, templateRow, type TemplateRow } from '../../template/exampleRows';
import { isBlankValue } from '../../util/phrases';
import { formatRow, insertLinesBefore } from '../../util/edits';
import { insertListStage, STAGE_PLACEHOLDERS } from '../../facts/rollout/stageInsert';
import { escapeSnippet, withTabStops } from '../../util/snippets';
import { defineRule, type Fix } from '../types';
import { rolloutAnalysis, DEFAULT_STAGE_KEYWORDS, STAGE_ORDER, STAGE_TITLE, type RolloutAnalysis, type StageKeywords, type StageKind } from '../../facts/rollout/stages';
import { cellOrRow, isHeld } from '../../facts/document';

export const rolloutStagesRule = defineRule<StageKeywords>({
  code: 'RDY401',
  name: 'rollout-stages',
  requirements: ['R1'],
  section: 'rollout',
  severity: 'error',
  summary: 'The rollout table has Shadow, Canary and Full rows, in that order, each with pass criteria and a rollback trigger.',
  rationale:
    'The template: "Three stages with explicit pass criteria". Each stage limits the damage of the next one, and a stage without a pass ' +
    'criterion or a rollback trigger is promoted or kept on gut feeling (ADR-67 lesson: even "obvious" wins go through shadow).',
  fixHint: 'Add the missing stage (the quick fix inserts the template\'s row), keep Shadow, Canary, Full in that order, and fill Pass criteria and Rollback trigger.',
  defaultOptions: DEFAULT_STAGE_KEYWORDS,
  optionsSchema: {
    shadowKeywords: { description: 'Words in the Stage cell naming the shadow stage.', type: 'array', items: { type: 'string' } },
    canaryKeywords: { description: 'Words in the Stage cell naming the canary stage.', type: 'array', items: { type: 'string' } },
    fullKeywords: { description: 'Words in the Stage cell naming the full-rollout stage.', type: 'array', items: { type: 'string' } },
  },
  check({ document, options, report }) {
    const analysis = rolloutAnalysis(document, options);
    if (!analysis) return;
    const { table } = analysis;

    for (const kind of STAGE_ORDER) {
      if (analysis.stage[kind]) continue;
      // A table gets the template's row; a list, paragraphs or sub-headings get the stage's structure in their own style.
      report({
        range: table.header.range,
        message: missingMessage(analysis, kind),
        fixes: [analysis.form === 'table' ? addStageFix(document, analysis, kind) : addListStageFix(document, analysis, kind)],
      });
    }

    // Out of order: a stage row after a row of a later stage.
    let latest = -1;
    for (const { row, kind } of analysis.rows) {
      if (!kind || analysis.stage[kind] !== row) continue;
      const index = STAGE_ORDER.indexOf(kind);
      if (index < latest) {
        report({
          range: row.range,
          message: `The ${STAGE_TITLE[kind]} stage comes after the ${STAGE_TITLE[STAGE_ORDER[latest]]} stage: order the ${analysis.form === 'list' ? 'items' : 'rows'} Shadow, Canary, Full.`,
        });
      }
      latest = Math.max(latest, index);
    }

    for (const kind of STAGE_ORDER) {
      const row = analysis.stage[kind];
      if (!row) continue;
      for (const column of ['Pass criteria', 'Rollback trigger']) {
        if (!table.hasColumn(column)) continue; // RDY004 reports the column
        const cell = table.cell(row, column);
        if (!isBlankValue(cell?.value) || isHeld(document, cell)) continue;
        report({
          range: cellOrRow(cell, row),
          message: `The ${STAGE_TITLE[kind]} stage has no ${column.toLowerCase()}: ${example(kind, column)}`,
        });
      }
    }
  },
});

function missingMessage(analysis: RolloutAnalysis, kind: StageKind): string {
  const stage = STAGE_TITLE[kind];
  const values = 'with its traffic, duration, pass criteria and rollback trigger.';
  if (analysis.form === 'table') return `No ${stage} stage row: add \`| ${stage} | … |\` ${placement(kind, 'row')} ${values}`;
  if (analysis.listStyle === 'headings') return `No ${stage} stage: add a sub-heading \`${stage}\` ${placement(kind, 'sub-heading')} ${values}`;
  if (analysis.listStyle === 'paragraphs') return `No ${stage} stage: add a paragraph \`**${stage}** — …\` ${placement(kind, 'paragraph')} ${values}`;
  return `No ${stage} stage in the list: add an item \`**${stage}** — …\` ${placement(kind, 'item')} ${values}`;
}

function placement(kind: StageKind, what: string): string {
  return kind === 'shadow' ? `as the first ${what}` : kind === 'canary' ? 'between Shadow and Full' : `as the last ${what}`;
}

function example(kind: StageKind, column: string): string {
  const row = templateRow('rollout', new RegExp(`^${STAGE_TITLE[kind]}$`, 'i'));
  const value = row?.get(column === 'Pass criteria' ? 'passcriteria' : 'rollbacktrigger');
  return value ? `write what ${column === 'Pass criteria' ? 'lets it move on' : 'rolls it back'}, e.g. ${value}.` : 'fill it.';
}

/** The stage's name and placeholders for its values, written as the list's other stages are. */
function addListStageFix(document: ReadinessDocument, analysis: RolloutAnalysis, kind: StageKind): Fix {
  const { edit, inserted } = insertListStage(document, analysis, kind);
  const what = analysis.listStyle === 'headings' ? 'sub-heading' : analysis.listStyle === 'paragraphs' ? 'paragraph' : 'item';
  return {
    title: `Add a ${STAGE_TITLE[kind]} stage ${what}`,
    isPreferred: true,
    // Structure only: its placeholders are the author's to replace.
    safe: false,
    edits: [edit],
    snippetEdits: [{ range: edit.range, newText: stageSnippet(edit.newText, inserted) }],
  };
}

/**
 * The stage's placeholders as tab stops; Tab ends ($0) at the end of the new stage, not after the
 * renumbered items the same edit rewrites.
 */
function stageSnippet(newText: string, inserted: number): string {
  const stage = newText.slice(0, inserted);
  const body = stage.replace(/(?:\r?\n)+$/, '');
  return `${withTabStops(body, Object.values(STAGE_PLACEHOLDERS))}$0${escapeSnippet(newText.slice(body.length))}`;
}

/** The template's row for the stage, placed before the first present row of a later stage. */
function addStageFix(document: ReadinessDocument, analysis: RolloutAnalysis, kind: StageKind): Fix {
  const { table } = analysis;
  const row = templateRow('rollout', new RegExp(`^${STAGE_TITLE[kind]}$`, 'i'))!;
  const later = STAGE_ORDER.slice(STAGE_ORDER.indexOf(kind) + 1)
    .map((k) => analysis.stage[k])
    .filter((r): r is TableRow => r !== undefined)
    .sort((a, b) => a.line - b.line)[0];
  const earlier = STAGE_ORDER.slice(0, STAGE_ORDER.indexOf(kind))
    .map((k) => analysis.stage[k])
    .filter((r): r is TableRow => r !== undefined)
    .sort((a, b) => b.line - a.line)[0];
  // After the last earlier stage when there is one, else before the first later one, else at the end.
  const line = earlier ? earlier.line + 1 : later ? later.line : (table.rows.length ? table.rows[table.rows.length - 1].line : table.header.line + 1) + 1;
  return {
    title: `Add the template's ${STAGE_TITLE[kind]} stage row`,
    isPreferred: true,
    // The template's traffic, durations and criteria are defaults to adapt, not answers.
    safe: false,
    edits: [insertLinesBefore(document, line, [formatRow(stageCells(table, row, kind))])],
  };
}

/**
 * The template row's cells in the author's columns. A table without a Stage column is read by its
 * first cell (rolloutAnalysis), so the stage's name goes there: otherwise the inserted row would be
 * empty and the stage still missing.
 */
function stageCells(table: Table, row: TemplateRow, kind: StageKind): string[] {
  const cells = cellsFor(table, row);
  if (!table.hasColumn('Stage') && cells.length) cells[0] = STAGE_TITLE[kind];
  return cells;
}
