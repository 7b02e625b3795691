import type { TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument, Table } from '../../model';
import { cellOrRow, hasPlaceholder, isHeld } from '../../facts/document';
import { appendBlock, insertLinesBefore } from '../../util/edits';
import { snippetOf } from '../../util/snippets';
import { dayOption } from '../../util/phrases';
import { emptyReasonProblem, minReasonWords } from '../../facts/file/skips';
import { skipJustificationRule } from '../file/skipJustification';
import { defineRule, type Fix, type RuleContext } from '../types';
import { rolloutStagesRule } from './rolloutStages';
import { rolloutAnalysis, shadowSkips, stageDays, SKIP_REASON_PLACEHOLDER, type ShadowSkip } from '../../facts/rollout/stages';

interface ShadowOptions {
  minShadowDays: number;
}

/** A reason of the kind the messages cite. */
const REASON_EXAMPLE = 'only the decision threshold changes, features and labels are untouched';

const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export const shadowStageRule = defineRule<ShadowOptions>({
  code: 'RDY402',
  name: 'shadow-stage',
  requirements: ['R2'],
  section: 'rollout',
  severity: 'error',
  summary: 'The Shadow stage takes 0% of traffic and lasts at least 7 days, unless a calibration-only SKIP justifies a shorter one.',
  rationale:
    'The template: "Shadow stage MUST be ≥ 7 days even for \'obvious\' wins (ADR-67 lesson)". A week covers every weekday pattern of the ' +
    'market; shadow means predictions are logged, not acted on. Only calibration-only Stories may shorten it, with an explicit ' +
    '`**SKIP — JUSTIFICATION**: calibration-only, shadow=Nd because <reason>` the committee may still reject.',
  fixHint: 'Write `0% (predictions logged, not acted)` and `≥ 7d`; for a calibration-only change, add the SKIP justification (quick fix).',
  defaultOptions: { minShadowDays: 7 },
  optionsSchema: {
    minShadowDays: { description: 'Shortest shadow stage, in days, without a calibration-only SKIP.', type: 'integer', minimum: 0 },
  },
  check({ document, options, optionsOf, report }) {
    const analysis = rolloutAnalysis(document, optionsOf(rolloutStagesRule));
    const row = analysis?.stage.shadow;
    if (!analysis || !row) return;
    const { table, section } = analysis;
    const min = dayOption(options.minShadowDays, 7);

    const traffic = table.cell(row, 'Traffic %');
    if (traffic && !isHeld(document, traffic) && !isZeroTraffic(traffic.value)) {
      report({
        range: cellOrRow(traffic, row),
        message: `Shadow traffic is "${traffic.value || 'empty'}": a shadow stage acts on no traffic: write \`0% (predictions logged, not acted)\`.`,
      });
    }

    const duration = table.cell(row, 'Duration');
    if (!duration || isHeld(document, duration)) return;
    const days = stageDays(duration.value);
    const skips = shadowSkips(section);
    if (!days) {
      report({
        range: cellOrRow(duration, row),
        message: `Shadow duration "${duration.value || 'empty'}" cannot be read as days: write it as e.g. \`${min}d\`, \`≥ ${min}d\` or \`2w\`.`,
      });
      return;
    }
    if (skips.length) {
      const minWords = minReasonWords(optionsOf(skipJustificationRule));
      for (const skip of skips) judgeSkip(document, skip, days.days, minWords, report);
      return;
    }
    if (days.days >= min && !days.upperBound) return;
    const what = days.upperBound
      ? `Shadow duration "${duration.value}" sets no minimum`
      : `Shadow lasts ${plural(days.days)} ("${duration.value}"), under the ${min}-day minimum`;
    report({
      range: duration.range,
      message:
        `${what} (ADR-67): write \`≥ ${min}d\`, or, for a calibration-only change, add ` +
        `\`**SKIP — JUSTIFICATION**: calibration-only, shadow=${days.days}d because <reason>\` below the ${analysis.form === 'table' ? 'table' : analysis.listStyle === 'items' ? 'list' : 'stages'}.`,
      fixes: [setDurationFix(duration.range, min), insertSkipFix(document, table, days.days)],
    });
  },
});

/**
 * `0%`, `0 %`, `0% (predictions logged, not acted)`, `0`; `none`, `no live traffic`, `zero`; `shadow only (0%)`
 * (every percentage written is 0); `live traffic, no orders placed` (no share written, nothing acted on).
 */
const NOTHING_ACTED = /\b(?:no|zero|without)\s+(?:live\s+)?(?:orders?|trades?|trading)\b|\bnot\s+(?:acted|traded|executed)\b|\b(?:logged|log)\s+only\b/i;

function isZeroTraffic(value: string): boolean {
  if (/^\s*0+(?:[.,]0+)?\s*%?(?![\d.,])/.test(value)) return true;
  if (/^\s*(?:none|nil|zero|no(?:\s+live)?\s+traffic)(?![\p{L}\d])/iu.test(value)) return true;
  const percentages = value.match(/(?<![\d.,])\d+(?:[.,]\d+)?\s*%/g) ?? [];
  // Without a share written, words that say nothing is acted on (`live traffic, no orders placed`) are a shadow.
  if (!percentages.length) return NOTHING_ACTED.test(value);
  return percentages.every((p) => Number(p.replace(/[\s%]/g, '').replace(',', '.')) === 0);
}

function judgeSkip(document: ReadinessDocument, shadow: ShadowSkip, tableDays: number, minWords: number, report: RuleContext<ShadowOptions>['report']) {
  const { skip } = shadow;
  if (shadow.days === undefined) {
    report({
      range: skip.reason!.range,
      message: `The calibration-only SKIP does not say how long the shadow lasts: write \`calibration-only, shadow=${tableDays}d because <reason>\`.`,
    });
    return;
  }
  if (shadow.days !== tableDays) {
    report({
      range: shadow.daysSpan!.range,
      message: `The SKIP says shadow=${shadow.days}d but the Shadow row lasts ${plural(tableDays)}: make them agree (shadow=${tableDays}d, or change the Duration).`,
      fixes: [
        {
          title: `Write shadow=${tableDays}d in the SKIP`,
          isPreferred: true,
          safe: false,
          edits: [{ range: shadow.daysSpan!.range, newText: `shadow=${tableDays}d` }],
        },
      ],
    });
    return;
  }
  if (!shadow.reason || hasPlaceholder(document, shadow.reason)) {
    report({
      range: shadow.reason?.range ?? skip.range,
      message: `The calibration-only SKIP gives no reason for a ${plural(tableDays)} shadow: write it after "because", e.g. \`shadow=${tableDays}d because ${REASON_EXAMPLE}\`.`,
    });
    return;
  }
  const problem = emptyReasonProblem(shadow.reason.text, minWords);
  if (problem) {
    report({
      range: shadow.reason.range,
      message:
        `The calibration-only SKIP's reason ${problem}: say in a sentence what changes and why a ${plural(tableDays)} shadow is enough, ` +
        `e.g. \`shadow=${tableDays}d because ${REASON_EXAMPLE}\`.`,
    });
  }
}

/** The fix most authors want: the configured minimum in the Duration cell. */
function setDurationFix(range: TextEdit['range'], min: number): Fix {
  return { title: `Set shadow duration to ${min}d`, isPreferred: true, safe: false, edits: [{ range, newText: `${min}d` }] };
}

/** Inserts the SKIP line after the table (or the stage list), separated by blank lines. */
function insertSkipFix(document: ReadinessDocument, table: Table, days: number): Fix {
  const line = (reason: string) => `**SKIP — JUSTIFICATION**: calibration-only, shadow=${days}d because ${reason}`;
  const edit = (reason: string): TextEdit => {
    const after = table.range.end.line + 1;
    if (after >= document.lines.lineCount) return appendBlock(document, line(reason));
    const blankAfter = document.lines.lineText(after).trim() === '';
    return insertLinesBefore(document, after, blankAfter ? ['', line(reason)] : ['', line(reason), '']);
  };
  return {
    title: 'Insert SKIP — JUSTIFICATION (calibration-only, shorter shadow)',
    // The author must confirm the change is calibration-only and give the real reason.
    safe: false,
    edits: [edit(SKIP_REASON_PLACEHOLDER)],
    snippetEdits: [snippetOf(edit('\u0000'), `\${1:${SKIP_REASON_PLACEHOLDER}}`)],
  };
}
