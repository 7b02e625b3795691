import type { ReadinessDocument, Section } from '../../model';
import { defineRule, type Fix } from '../types';
import { classifyMetric, metricKeywordsFromOptions, plainMetricNames, type MetricClass } from '../../facts/monitoring/metricClasses';
import { metricClassesRule } from './metricClasses';
import { filledRows, monitoringTable } from '../../facts/monitoring/monitoringTable';
import { alertedMetrics, appendSampleRows, CLASS_SAMPLES, sampleName, type SampleMetric } from '../../facts/monitoring/sampleRows';
import { insertLinesBefore } from '../../util/edits';
import { stringList } from '../../util/optionSchemas';

export interface MetricCoverageOptions {
  /** Phrases that say an existing metric covers the change; the same paragraph must also name it (in code or as a snake_case word). */
  coveragePhrases: string[];
}

export const metricCoverageRule = defineRule<MetricCoverageOptions>({
  code: 'RDY117',
  name: 'metric-coverage',
  requirements: ['M7'],
  section: 'monitoring',
  severity: 'error',
  summary: 'An empty §1 table is allowed only when the section names the existing metric that covers the change.',
  rationale:
    'The template: "If your Story doesn\'t add ANY new metric, either (a) it shouldn\'t be a Story, or (b) document explicitly ' +
    'which existing metric covers the change." An empty table with no such sentence means the change ships unobserved, the ' +
    'silent failure ADR-25 forbids.',
  fixHint: 'Add the Story\'s metrics to the table, or write under it which existing metric covers the change, the metric in `code`.',
  defaultOptions: {
    coveragePhrases: ['existing metric', 'covered by', 'covers the change', 'covers this change', 'already monitored', 'already covered', 'no new metric'],
  },
  optionsSchema: {
    coveragePhrases: stringList('Phrases (case-insensitive) that say an existing metric covers the change; the paragraph must also name the metric (in `code` or as a snake_case word).'),
  },
  check({ document, options, optionsOf, report }) {
    const found = monitoringTable(document);
    if (!found || filledRows(found.table).length) return;
    const { section, table } = found;
    if (namesCoveringMetric(document, section, options.coveragePhrases ?? [])) return;
    const keywords = metricKeywordsFromOptions(optionsOf(metricClassesRule));
    const samples: SampleMetric[] = [];
    for (const cls of ['prediction', 'outcome', 'health'] as MetricClass[]) {
      if (!keywords[cls].length) continue;
      const sample = CLASS_SAMPLES[cls].sample;
      const name = sampleName(document, sample.metric, keywords[cls], (n) => classifyMetric(n, keywords).includes(cls));
      if (name) samples.push({ ...sample, metric: name });
    }
    const fixes: Fix[] = [coverageSentenceFix(document, table.range.end.line)];
    if (samples.length) {
      fixes.unshift({ title: 'Add a prediction-rate, an outcome and a health metric row', edits: [appendSampleRows(document, table, samples)] });
    }
    report({
      range: table.header.range,
      message:
        '§1\'s table lists no metric: add the metrics this Story emits, or write under the table which existing metric covers ' +
        'the change, e.g. "No new metric: covered by the existing metric `pnl_per_trade`."',
      fixes,
    });
  },
});

/** A paragraph of the author's prose in the section holding a coverage phrase and a metric in `code`. */
function namesCoveringMetric(document: ReadinessDocument, section: Section, phrases: string[]): boolean {
  const wanted = phrases.map((p) => p.trim().toLowerCase()).filter(Boolean);
  if (!wanted.length) return false;
  for (const paragraph of paragraphs(document, section)) {
    const lower = paragraph.toLowerCase();
    // A `<metric>` slot names the metric still to write: RDY001 reports it, once.
    const namesMetric =
      [...paragraph.matchAll(/`([^`]+)`/g)].some((m) => /[A-Za-z]/.test(m[1]) && (!/[<>]/.test(m[1]) || /^<[^<>\s][^<>]*>$/.test(m[1]))) ||
      plainMetricNames(paragraph).length > 0;
    if (namesMetric && wanted.some((phrase) => lower.includes(phrase))) return true;
  }
  return false;
}

/** The section's prose lines, consecutive ones joined: a sentence may wrap. */
function paragraphs(document: ReadinessDocument, section: Section): string[] {
  const out: string[] = [];
  let previous = -2;
  for (const line of [...section.proseLines].sort((a, b) => a - b)) {
    const text = document.content.lineText(line);
    if (line === previous + 1 && out.length) out[out.length - 1] += ` ${text}`;
    else out.push(text);
    previous = line;
  }
  return out;
}

/**
 * Inserts the coverage sentence after the table, its own paragraph, with a `<metric>` slot: which existing
 * metric covers the change is the author's to say, so the slot stays an error (RDY001) until written. The
 * metrics §2's triggers already watch (the likeliest cover) are named in the title; the snippet version puts a
 * tab stop on the slot.
 */
function coverageSentenceFix(document: ReadinessDocument, tableLastLine: number): Fix {
  const line = tableLastLine + 1;
  const nextIsBlank = line >= document.lines.lineCount || document.lines.lineText(line).trim() === '';
  const names = alertedMetrics(document);
  const lines = (slot: string) => ['', `No new metric: the change is covered by the existing metric \`${slot}\`.`, ...(nextIsBlank ? [] : [''])];
  return {
    title: `Name the existing metric that covers the change${names.length ? ` (§2 alerts on ${names.join(', ')})` : ''}`,
    edits: [insertLinesBefore(document, line, lines('<metric>'))],
    snippetEdits: [insertLinesBefore(document, line, lines('${1:<metric>}'))],
  };
}
