// §1 Production monitoring: RDY111–RDY118 (RULES.md M1–M8).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ReadinessConfig } from '../server/src/service';
import { applyEdits } from '../server/src/service';
import {
  DEFAULT_METRIC_KEYWORDS,
  metricKeywordsFromOptions,
} from '../server/src/service/facts/monitoring/metricClasses';
import { metricClassesRule } from '../server/src/service/rules/monitoring/metricClasses';
import { inverted, readThreshold } from '../server/src/service/facts/monitoring/thresholds';
import { analyseText, at, check, edit, messageText, readExample, readFixture, readTemplate, ROOT, textAt, withCode } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const DEFECTS = readFixture('monitoring/row-defects.md');
const EMPTY_UNCOVERED = readFixture('monitoring/empty-uncovered.md');
const EMPTY_COVERED = readFixture('monitoring/empty-covered.md');
/** §1's table header, in the valid example and every fixture built from it. */
const HEADER = '11:0-11:72';
const CODES = ['RDY111', 'RDY112', 'RDY113', 'RDY114', 'RDY115', 'RDY116', 'RDY117', 'RDY118'];

const config = (code: string, options: Record<string, unknown>): ReadinessConfig => ({ rules: { [code]: options } });

/** The `n`-th table row of §1 (0-based), as text: the row a test rewrites. */
function row(text: string, n: number): string {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| Metric |'));
  return lines[header + 2 + n];
}

/** Rewrites one cell (by column index) of §1's `n`-th row. */
function withCell(text: string, n: number, column: number, value: string): string {
  const original = row(text, n);
  const cells = original.slice(2, -2).split(' | ');
  cells[column] = value;
  return edit(text, original, `| ${cells.join(' | ')} |`);
}

/** Errors and warnings per rule code (a message may change wording as other errors go away; counts must not grow). */
function problemCounts(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity !== DiagnosticSeverity.Error && d.severity !== DiagnosticSeverity.Warning) continue;
    counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  }
  return counts;
}

/**
 * Applies the fix, re-checks, and asserts the diagnostic is gone and that no error or warning
 * appeared outside the inserted text (findings on lines the fix wrote are the author's to edit).
 */
function applyAndRecheck(text: string, code: string, titlePrefix: string, options: { config?: ReadinessConfig; index?: number } = {}) {
  const finding = analyseText(text, { config: options.config }).findings.filter((f) => f.rule.code === code)[options.index ?? 0];
  assert.ok(finding, `a ${code} finding to fix`);
  const fix = finding.fixes.find((f) => f.title.startsWith(titlePrefix));
  assert.ok(fix, `fix "${titlePrefix}" among ${finding.fixes.map((f) => f.title).join(', ')}`);
  const fixed = applyEdits(text, fix.edits);
  const before = check(text, { config: options.config });
  const after = check(fixed, { config: options.config });
  const remaining = withCode(after, code).filter((d) => d.message === finding.message && at(d.range) === at(finding.range));
  assert.deepEqual(remaining, [], `${code} "${finding.message}" is gone after "${fix.title}"`);
  const inserted = new Set<number>();
  for (const e of fix.edits) {
    const count = e.newText.split(/\r?\n/).length - 1;
    for (let i = 0; i <= count; i++) inserted.add(e.range.start.line + i);
  }
  // A fix that leaves the author's values as placeholders leaves §1 with an error: a ticked §1 box says so (RDY701).
  const leftToFill = after.some((d) => d.code === 'RDY001' && inserted.has(d.range.start.line));
  const outside = after.filter((d) => !inserted.has(d.range.start.line) && !(leftToFill && d.code === 'RDY701'));
  const was = problemCounts(before);
  const fresh = [...problemCounts(outside)].filter(([code, count]) => count > (was.get(code) ?? 0)).map(([code]) => code);
  assert.deepEqual(fresh, [], 'no new error or warning outside the inserted text');
  return { fixed, fix, after };
}

describe('§1 monitoring: the valid example and placeholders', () => {
  it('the valid example gives no §1 diagnostic', () => {
    const diagnostics = check(VALID);
    for (const code of CODES) assert.deepEqual(withCode(diagnostics, code), [], code);
  });

  it('stays silent on cells that still hold a template placeholder (RDY001 reports them)', () => {
    const template = readTemplate();
    const diagnostics = check(template);
    assert.ok(withCode(diagnostics, 'RDY001').length >= 6);
    for (const code of ['RDY111', 'RDY112', 'RDY113', 'RDY114', 'RDY115']) assert.deepEqual(withCode(diagnostics, code), [], code);
  });
});

describe('RDY111 metric-type (M1)', () => {
  it('reports a type that is not counter, gauge or histogram, on the cell, with a fix per type', () => {
    const [diagnostic, ...rest] = withCode(check(DEFECTS), 'RDY111');
    assert.deepEqual(rest, [], 'the "Counter" row passes: case does not matter');
    assert.equal(at(diagnostic.range), '13:49-13:56');
    assert.equal(textAt(DEFECTS, diagnostic.range), 'summary');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.match(messageText(diagnostic), /Type "summary" is not a metric type: write exactly counter, gauge or histogram/);
    const finding = analyseText(DEFECTS).findings.find((f) => f.rule.code === 'RDY111')!;
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Replace with counter', 'Replace with gauge', 'Replace with histogram']);
    assert.ok(finding.fixes.every((f) => !f.safe), 'no type is evidently meant: the author chooses');
    const { fixed } = applyAndRecheck(DEFECTS, 'RDY111', 'Replace with histogram');
    assert.ok(row(fixed, 0).includes('| histogram |'));
  });

  it('prefers (and may apply unattended) the one type a longer value names', () => {
    const text = withCell(VALID, 4, 1, 'Histogram (ms buckets)');
    const finding = analyseText(text).findings.find((f) => f.rule.code === 'RDY111')!;
    assert.equal(finding.fixes[0].title, 'Replace with histogram');
    assert.equal(finding.fixes[0].isPreferred, true);
    assert.equal(finding.fixes[0].safe, true);
    assert.equal(finding.fixes.filter((f) => f.safe).length, 1);
    applyAndRecheck(text, 'RDY111', 'Replace with histogram');
  });

  it('says when a value names several types or is empty', () => {
    const several = withCode(check(withCell(VALID, 1, 1, 'counter, gauge')), 'RDY111');
    assert.equal(several.length, 1);
    assert.match(messageText(several[0]), /names several types: keep exactly one/);
    const empty = withCode(check(withCell(VALID, 1, 1, ' ')), 'RDY111');
    assert.equal(empty.length, 1);
    assert.match(messageText(empty[0]), /Type is empty: write counter, gauge or histogram/);
  });

  it('option types: an accepted type list changes the result', () => {
    assert.equal(withCode(check(DEFECTS, { config: config('RDY111', { types: ['counter', 'gauge', 'histogram', 'summary'] }) }), 'RDY111').length, 0);
    assert.equal(withCode(check(VALID, { config: config('metric-type', { types: ['counter', 'gauge'] }) }), 'RDY111').length, 3, 'the three histograms');
  });
});

describe('RDY112 metric-source (M2)', () => {
  it('reports an unknown source on the cell, with a fix to each canonical source', () => {
    const [diagnostic, ...rest] = withCode(check(DEFECTS), 'RDY112');
    assert.deepEqual(rest, [], 'LogQL is a tolerated spelling of Loki query');
    assert.equal(at(diagnostic.range), '14:42-14:49');
    assert.equal(textAt(DEFECTS, diagnostic.range), 'Datadog');
    assert.match(messageText(diagnostic), /Source "Datadog" is not a known source: write Loki query, Prometheus or OpenTelemetry span/);
    const finding = analyseText(DEFECTS).findings.find((f) => f.rule.code === 'RDY112')!;
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Replace with Loki query', 'Replace with Prometheus', 'Replace with OpenTelemetry span']);
    applyAndRecheck(DEFECTS, 'RDY112', 'Replace with Prometheus');
  });

  it('accepts tolerant spellings', () => {
    for (const source of ['Loki', 'loki query', 'LogQL', 'Grafana Loki', 'Prom', 'PromQL', 'prometheus (pushgateway)', 'OTel', 'OpenTelemetry', 'Open-Telemetry span', 'OTLP span', '`otel` span']) {
      assert.deepEqual(withCode(check(withCell(VALID, 1, 2, source)), 'RDY112'), [], source);
    }
  });

  it('guesses a misspelt source and says when a cell names several', () => {
    const typo = withCell(VALID, 1, 2, 'Promethues');
    const [diagnostic] = withCode(check(typo), 'RDY112');
    assert.match(messageText(diagnostic), /did you mean Prometheus\?/);
    const finding = analyseText(typo).findings.find((f) => f.rule.code === 'RDY112')!;
    assert.equal(finding.fixes[0].title, 'Replace with Prometheus');
    assert.equal(finding.fixes[0].isPreferred, true);
    applyAndRecheck(typo, 'RDY112', 'Replace with Prometheus');

    const several = withCell(VALID, 1, 2, 'Prometheus + Loki');
    const [both] = withCode(check(several), 'RDY112');
    assert.match(messageText(both), /names several sources \(Loki query, Prometheus\): keep the one/);
    applyAndRecheck(several, 'RDY112', 'Replace with Loki query');
  });

  it('option sources: the configured sources and spellings change the result', () => {
    const sources = { 'Loki query': ['Loki'], Prometheus: [], 'OpenTelemetry span': ['OTel'], Datadog: ['DD'] };
    assert.deepEqual(withCode(check(DEFECTS, { config: config('RDY112', { sources }) }), 'RDY112').length, 1, 'LogQL is no longer listed');
    assert.equal(withCode(check(withCell(VALID, 1, 2, 'DD'), { config: config('RDY112', { sources }) }), 'RDY112').length, 0);
  });
});

describe('RDY113 metric-dashboard (M3)', () => {
  it('warns on a dashboard that is not an http(s) URL, on the cell', () => {
    const [diagnostic, ...rest] = withCode(check(DEFECTS), 'RDY113');
    assert.deepEqual(rest, []);
    assert.equal(at(diagnostic.range), '15:45-15:69');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.match(messageText(diagnostic), /Dashboard "the PnL panel in Grafana" is not an http\(s\) URL: write the Grafana panel URL/);
  });

  it('reads a reference link as the link its definition makes', () => {
    const defined = `${withCell(VALID, 2, 3, '[PnL panel][pnl]')}\n[pnl]: https://grafana.example.com/d/a?viewPanel=5\n`;
    assert.deepEqual(withCode(check(defined), 'RDY113'), []);
    for (const value of ['[pnl]', '[PnL panel][]']) {
      const label = value === '[pnl]' ? 'pnl' : 'PnL panel';
      assert.deepEqual(withCode(check(`${withCell(VALID, 2, 3, value)}\n[${label}]: https://grafana.example.com/d/a\n`), 'RDY113'), [], value);
    }
    const undefinedLabel = withCode(check(withCell(VALID, 2, 3, '[PnL panel][pnl]')), 'RDY113');
    assert.match(messageText(undefinedLabel[0]), /Dashboard "\[PnL panel\]\[pnl\]" is not an http\(s\) URL/);
    const notUrl = withCode(check(`${withCell(VALID, 2, 3, '[PnL panel][pnl]')}\n[pnl]: dashboards/pnl.json\n`), 'RDY113');
    assert.equal(notUrl.length, 1);
  });

  it('accepts a bare URL, a Markdown link and an autolink, a remark after them; refuses other schemes', () => {
    for (const value of ['https://grafana.example.com/d/a', '[PnL panel](https://grafana.example.com/d/a?viewPanel=5)', '<http://grafana.local/d/a>', 'https://grafana.example.com/d/a (panel 5)']) {
      assert.deepEqual(withCode(check(withCell(VALID, 2, 3, value)), 'RDY113'), [], value);
    }
    assert.equal(withCode(check(withCell(VALID, 2, 3, 'ftp://grafana.example.com/d/a')), 'RDY113').length, 1);
    assert.match(messageText(withCode(check(withCell(VALID, 2, 3, '')), 'RDY113')[0]), /has no Dashboard/);
  });

  it('offers to add the missing https:// to a host and path', () => {
    const text = withCell(VALID, 2, 3, 'grafana.cvn-trading.com/d/ea-s11/entry-alignment?viewPanel=5');
    assert.equal(withCode(check(text), 'RDY113').length, 1);
    const { fixed } = applyAndRecheck(text, 'RDY113', 'Add https://');
    assert.ok(row(fixed, 2).includes('| https://grafana.cvn-trading.com/d/ea-s11/entry-alignment?viewPanel=5 |'));
  });

  it('option allowedHosts: dashboards must live on the listed hosts', () => {
    assert.equal(withCode(check(VALID, { config: config('RDY113', { allowedHosts: ['cvn-trading.com'] }) }), 'RDY113').length, 0);
    const off = withCode(check(VALID, { config: config('RDY113', { allowedHosts: ['grafana.elsewhere.io'] }) }), 'RDY113');
    assert.equal(off.length, 9);
    assert.match(messageText(off[0]), /host "grafana.cvn-trading.com" is not an allowed dashboard host: link the panel on grafana.elsewhere.io/);
  });
});

describe('RDY114 metric-threshold (M4)', () => {
  it('reports a threshold with a single value, on the cell', () => {
    const [diagnostic, ...rest] = withCode(check(DEFECTS), 'RDY114');
    assert.deepEqual(rest, [], '`> 0 per hour` (warn) / `> 3 per hour` (crit) passes');
    assert.equal(at(diagnostic.range), '16:130-16:158');
    assert.equal(textAt(DEFECTS, diagnostic.range), '`< 0 over 24h on >2 cryptos`');
    assert.match(messageText(diagnostic), /gives a single value: write both warn and crit, e.g. "> 0.2 \/ > 0.5"/);
  });

  it('names the missing half, or says there is no value at all', () => {
    const message = (value: string) => withCode(check(withCell(VALID, 4, 4, value)), 'RDY114').map(messageText);
    assert.match(message('warn `> 250 ms`')[0], /gives a warn value but no crit value/);
    assert.match(message('crit `> 500 ms`')[0], /gives a crit value but no warn value/);
    assert.match(message('warn TBD / crit `> 500 ms`')[0], /gives a crit value but no warn value/);
    assert.match(message('p50 / p90')[0], /gives no value: write a warn and a crit value/);
    assert.match(message('')[0], /has no Threshold/);
  });

  it('reads the usual ways of writing warn and crit', () => {
    for (const value of ['> 0.2 / > 0.5', 'warn 200ms, crit 500ms', '< 0 (warn) / < -0.5 (crit)', 'warning: 80%; critical: 95%', '0.2/0.5', '> 5 errors/min / > 10 errors/min', 'crit > 0.5 / warn > 0.2', 'warn 250ms crit 500ms', '⚠️ > 250 ms · 🔥 > 500 ms', '> 250 ms • > 500 ms', '> 250 ms, > 500 ms']) {
      assert.deepEqual(withCode(check(withCell(VALID, 4, 4, value)), 'RDY114'), [], value);
    }
  });

  it('reads the one-letter labels W and C where a label stands, not a unit', () => {
    for (const value of ['W: 250 ms, C: 500 ms', 'W > 250 ms C > 500 ms', '250 ms (W), 500 ms (C)', 'c: 500 ms; w: 250 ms', 'warn 250 / crit 500', 'warning ≥ 250 ms; critical ≥ 500 ms']) {
      assert.deepEqual(withCode(check(withCell(VALID, 4, 4, value)), 'RDY114'), [], value);
    }
    assert.match(withCode(check(withCell(VALID, 4, 4, 'W: 250 ms')), 'RDY114').map(messageText)[0], /gives a warn value but no crit value/);
    assert.match(withCode(check(withCell(VALID, 4, 4, '> 80 C')), 'RDY114').map(messageText)[0], /gives a single value/, 'a unit, not a label');
  });

  it('does not take a unit, a window or a remark for a second value', () => {
    const cases: Array<[string, boolean]> = [
      ['> 5 errors/min', false],
      ['> 0.2, sustained 10 min', false],
      ['> 0.2 · sustained', false],
      ['p99 > 250 ms', false],
      ['> 250 ms / > 500 ms', true],
      ['warn `24h mean < 0` / crit `24h mean < -0.15%`', true],
    ];
    for (const [value, both] of cases) {
      const reading = readThreshold(value, { warn: ['warn'], crit: ['crit'] });
      assert.equal(Boolean(reading.warn && reading.crit), both, value);
    }
  });

  it('reports warn and crit in the wrong order; option checkOrder turns that off', () => {
    const text = withCell(VALID, 4, 4, '`> 500 ms` / `> 250 ms`');
    const [diagnostic] = withCode(check(text), 'RDY114');
    assert.match(messageText(diagnostic), /crit value \(250\) before the warn value \(500\): crit must be at or above warn\. Swap them/);
    assert.equal(inverted(readThreshold('< 0.1 / < 0.5', { warn: [], crit: [] })), true);
    assert.equal(inverted(readThreshold('> 250 ms / > 0.5 s', { warn: [], crit: [] })), false, 'different units are not compared');
    assert.deepEqual(withCode(check(text, { config: config('RDY114', { checkOrder: false }) }), 'RDY114'), []);
  });

  it('options warnWords / critWords: the labels the author uses', () => {
    const text = withCell(VALID, 4, 4, 'amber 250 ms, red 500 ms');
    assert.equal(withCode(check(text), 'RDY114').length, 1);
    assert.deepEqual(withCode(check(text, { config: config('RDY114', { warnWords: ['amber'], critWords: ['red'] }) }), 'RDY114'), []);
  });
});

describe('RDY115 metric-owner (M5)', () => {
  it('reports a team on the cell and offers the file\'s Owner', () => {
    const [diagnostic, ...rest] = withCode(check(DEFECTS), 'RDY115');
    assert.deepEqual(rest, []);
    assert.equal(at(diagnostic.range), '17:167-17:183');
    assert.match(messageText(diagnostic), /Owner "ML platform team" names a team: write the one person who watches this metric/);
    const { fixed } = applyAndRecheck(DEFECTS, 'RDY115', 'Replace with @ana-m');
    assert.ok(row(fixed, 4).endsWith('| `@ana-m` |'));
  });

  it('refuses a word that names nobody, several people and an empty cell; accepts a bare handle', () => {
    assert.match(messageText(withCode(check(withCell(VALID, 0, 5, 'TBD')), 'RDY115')[0]), /Owner "TBD" is not a GitHub handle/);
    const two = withCell(VALID, 0, 5, '`@ana-m`, `@li-wei`');
    assert.match(messageText(withCode(check(two), 'RDY115')[0]), /names 2 people: keep the one/);
    applyAndRecheck(two, 'RDY115', 'Replace with @li-wei');
    assert.match(messageText(withCode(check(withCell(VALID, 0, 5, '')), 'RDY115')[0]), /has no Owner/);
    assert.deepEqual(withCode(check(withCell(VALID, 0, 5, 'li-wei (backup: ana-m)')), 'RDY115'), []);
  });

  it('option notHandles: which handle-shaped words name nobody', () => {
    const text = withCell(VALID, 0, 5, 'TBD');
    assert.deepEqual(withCode(check(text, { config: config('RDY115', { notHandles: [] }) }), 'RDY115'), []);
    assert.equal(withCode(check(VALID, { config: config('RDY115', { notHandles: ['ana-m'] }) }), 'RDY115').length, 6);
  });
});

/** The text without the §1 rows whose metric name starts with one of the prefixes (§2 rows start with the alert name). */
function withoutRows(text: string, ...prefixes: string[]): string {
  return text
    .split('\n')
    .filter((line) => !prefixes.some((prefix) => line.startsWith(`| \`${prefix}`)))
    .join('\n');
}

describe('RDY116 metric-classes (M6)', () => {
  it('reports the missing class on the table header and adds a plausible row for it', () => {
    // Without the P1 alert on expectancy_net_realized, the template's example names the row.
    const text = edit(withoutRows(VALID, 'pnl_per_trade', 'expectancy_net_realized'), /\| `ea_s11_expectancy_negative`[^\n]*\n/, '');
    const diagnostics = withCode(check(text), 'RDY116');
    assert.equal(diagnostics.length, 1);
    assert.equal(at(diagnostics[0].range), HEADER);
    assert.match(messageText(diagnostics[0]), /§1 has no outcome metric: .*\(pnl, expectancy, sortino, sharpe …\), e\.g\. `pnl_per_trade`/);
    const { fixed, fix } = applyAndRecheck(text, 'RDY116', 'Add an outcome metric row (pnl_per_trade)');
    assert.notEqual(fix.safe, true, 'the inserted row is an example the author edits');
    const added = fixed.split('\n').find((line) => line.includes('`pnl_per_trade`'))!;
    assert.equal(added, '| `pnl_per_trade` | histogram | Prometheus | Grafana panel URL | `<` / `>` | `<handle>` |');
    // Its dashboard, thresholds and owner are the author's to give: errors until written, then the file passes.
    const row = fixed.split('\n').indexOf(added);
    assert.deepEqual(
      withCode(check(fixed), 'RDY001').map((d) => [d.range.start.line, textAt(fixed, d.range)]),
      [[row, 'Grafana panel URL'], [row, '`<` / `>`'], [row, '<handle>']],
    );
    const written = edit(fixed, added, '| `pnl_per_trade` | histogram | Prometheus | https://grafana.cvn-trading.com/d/ea-s11/entry-alignment?orgId=1&viewPanel=2 | < 0 / < -0.15% | `@ana-m` |');
    for (const code of CODES) assert.deepEqual(withCode(check(written), code).filter((d) => d.severity !== 3), [], code);
    assert.deepEqual(withCode(check(written), 'RDY001'), []);
  });

  it('names the added row after the metric §2 already alerts on, when it is of the missing class', () => {
    const text = withoutRows(VALID, 'pnl_per_trade', 'expectancy_net_realized');
    assert.match(messageText(withCode(check(text), 'RDY116')[0]), /e\.g\. `expectancy_net_realized`/);
    const { after } = applyAndRecheck(text, 'RDY116', 'Add an outcome metric row (expectancy_net_realized)');
    assert.deepEqual(withCode(after, 'RDY204'), [], 'the P1 trigger names a §1 metric again');
  });

  it('gives one diagnostic per missing class, each with its own row', () => {
    const text = withoutRows(VALID, 'signals.', 'pnl_', 'expectancy_', 'inference_latency', 'feature_pipeline', 'api_calls');
    const diagnostics = withCode(check(text), 'RDY116');
    assert.deepEqual(
      diagnostics.map((d) => [at(d.range), /no ([\w-]+) metric/.exec(messageText(d))?.[1]]),
      [[HEADER, 'prediction-rate'], [HEADER, 'outcome'], [HEADER, 'health']],
    );
    for (const [index, title] of ['Add a prediction-rate metric row', 'Add an outcome metric row', 'Add a health metric row'].entries()) {
      applyAndRecheck(text, 'RDY116', title, { index });
    }
  });

  it('keeps the file\'s line breaks in the inserted row', () => {
    const crlf = withoutRows(VALID, 'inference_latency', 'feature_pipeline', 'api_calls').replace(/\n/g, '\r\n');
    const finding = analyseText(crlf).findings.find((f) => f.rule.code === 'RDY116')!;
    assert.match(finding.message, /no health metric/);
    assert.ok(finding.fixes[0].edits[0].newText.endsWith('|\r\n'));
    assert.deepEqual(withCode(check(applyEdits(crlf, finding.fixes[0].edits)), 'RDY116'), []);
  });

  it('options predictionKeywords / outcomeKeywords / healthKeywords classify with the user\'s lists', () => {
    const text = withoutRows(VALID, 'pnl_per_trade');
    assert.deepEqual(withCode(check(text), 'RDY116'), [], 'expectancy is an outcome by default');
    const outcome = config('RDY116', { outcomeKeywords: ['pnl', 'hit rate'] });
    assert.equal(withCode(check(text, { config: outcome }), 'RDY116').length, 1);
    const { after } = applyAndRecheck(text, 'RDY116', 'Add an outcome metric row', { config: outcome });
    assert.deepEqual(withCode(after, 'RDY116'), []);
    const prediction = config('metric-classes', { predictionKeywords: ['proba'] });
    assert.deepEqual(withCode(check(VALID, { config: prediction }), 'RDY116'), []);
    assert.equal(withCode(check(withoutRows(VALID, 'signals.buy_proba'), { config: prediction }), 'RDY116').length, 1);
    const health = config('RDY116', { healthKeywords: ['uptime'] });
    assert.match(messageText(withCode(check(VALID, { config: health }), 'RDY116')[0]), /no health metric/);
    assert.deepEqual(withCode(check(VALID, { config: config('RDY116', { healthKeywords: [] }) }), 'RDY116'), [], 'an empty list: not required');
    // When the example name does not fit the user's keywords, the row is named after a keyword.
    const custom = config('RDY116', { healthKeywords: ['uptime'] });
    const { fixed } = applyAndRecheck(VALID, 'RDY116', 'Add a health metric row (uptime)', { config: custom });
    assert.ok(fixed.includes('| `uptime` | histogram |'));
  });

  it('exports the resolved keyword lists for other rules (§2 names the §1 outcome metric)', () => {
    assert.deepEqual(metricKeywordsFromOptions(undefined), DEFAULT_METRIC_KEYWORDS);
    assert.deepEqual(metricKeywordsFromOptions({ outcomeKeywords: ['hit_rate'] }).outcome, ['hit_rate']);
    assert.deepEqual(metricKeywordsFromOptions({ healthKeywords: 'latency' as unknown as string[] }).health, DEFAULT_METRIC_KEYWORDS.health);
    const optionsOf = (<O>(rule: { code: string }) =>
      (rule.code === metricClassesRule.code ? { predictionKeywords: ['proba'], outcomeKeywords: ['pnl'], healthKeywords: ['p99'] } : {}) as O);
    assert.deepEqual(metricKeywordsFromOptions(optionsOf(metricClassesRule)), { prediction: ['proba'], outcome: ['pnl'], health: ['p99'] });
  });
});

describe('RDY117 metric-coverage (M7)', () => {
  it('reports an empty table whose section names no covering metric, on the header; M6 and M8 stay silent', () => {
    const diagnostics = check(EMPTY_UNCOVERED);
    const [diagnostic, ...rest] = withCode(diagnostics, 'RDY117');
    assert.deepEqual(rest, []);
    assert.equal(at(diagnostic.range), HEADER);
    assert.match(messageText(diagnostic), /§1's table lists no metric: add the metrics this Story emits, or write under the table which existing metric covers the change/);
    assert.ok(EMPTY_UNCOVERED.includes('document explicitly which existing metric covers the change'), 'the template guidance is kept and is not coverage');
    assert.deepEqual(withCode(diagnostics, 'RDY116'), []);
    assert.deepEqual(withCode(diagnostics, 'RDY118'), []);
  });

  it('accepts an empty table when the prose names the existing metric in code; M6 stays silent', () => {
    const diagnostics = check(EMPTY_COVERED);
    for (const code of CODES) assert.deepEqual(withCode(diagnostics, code), [], code);
  });

  it('wants the metric named, in code or as a snake_case word, not just the phrase', () => {
    const text = edit(EMPTY_COVERED, /`expectancy_net_realized`,\n.*\n/, 'the expectancy metric.\n');
    assert.equal(withCode(check(text), 'RDY117').length, 1);
    const plain = edit(edit(EMPTY_COVERED, '`expectancy_net_realized`,', 'expectancy_net_realized,'), '`ea_s11_expectancy_negative`', 'its P1 alert');
    assert.deepEqual(withCode(check(plain), 'RDY117'), []);
    const url = edit(text, 'the expectancy metric.', 'the expectancy metric, https://grafana.example.com/d/cvn_entry.');
    assert.equal(withCode(check(url), 'RDY117').length, 1, 'a URL names no metric');
  });

  it('fixes: name the covering metric (with a tab stop), or add a row per class', () => {
    const { fixed, fix } = applyAndRecheck(EMPTY_UNCOVERED, 'RDY117', 'Name the existing metric');
    // Which metric covers the change is the author's to say: a slot, an error until written; §2's metrics are hints.
    assert.equal(fix.title, 'Name the existing metric that covers the change (§2 alerts on expectancy_net_realized, signals.buy_rate_per_hour, feature_pipeline_failures)');
    assert.ok(fixed.includes('|---|---|---|---|---|---|\n\nNo new metric: the change is covered by the existing metric `<metric>`.\n'));
    const slot = withCode(check(fixed), 'RDY001');
    assert.deepEqual(slot.map((d) => textAt(fixed, d.range)), ['<metric>']);
    assert.ok(fix.snippetEdits?.[0].newText.includes('`${1:<metric>}`'));
    const written = edit(fixed, '`<metric>`', '`expectancy_net_realized`');
    assert.deepEqual(withCode(check(written), 'RDY117'), []);
    assert.deepEqual(withCode(check(written), 'RDY001'), []);
    const noAlerts = edit(EMPTY_UNCOVERED, /\| `ea_s11_expectancy_negative`[^\n]*\n\| `ea_s11_buy[^\n]*\n\| `ea_s11_feature[^\n]*\n/, '');
    const bare = applyAndRecheck(noAlerts, 'RDY117', 'Name the existing metric');
    assert.equal(bare.fix.title, 'Name the existing metric that covers the change');
    assert.equal(withCode(check(bare.fixed), 'RDY001').length, 1, 'without alerts, the same slot');
    assert.notEqual(fix.safe, true);
    const rows = applyAndRecheck(EMPTY_UNCOVERED, 'RDY117', 'Add a prediction-rate, an outcome and a health metric row');
    assert.deepEqual(withCode(rows.after, 'RDY116'), []);
    assert.equal(rows.fixed.split('\n').filter((line) => line.startsWith('| `')).length - EMPTY_UNCOVERED.split('\n').filter((line) => line.startsWith('| `')).length, 3);
  });

  it('option coveragePhrases: which words say an existing metric covers the change', () => {
    assert.equal(withCode(check(EMPTY_COVERED, { config: config('RDY117', { coveragePhrases: ['reuses'] }) }), 'RDY117').length, 1);
    const reuses = edit(EMPTY_UNCOVERED, 'This Story changes labels only', 'This Story reuses `pnl_per_trade`');
    assert.deepEqual(withCode(check(reuses, { config: config('RDY117', { coveragePhrases: ['reuses'] }) }), 'RDY117'), []);
  });
});

describe('RDY118 metric-encouraged (M8)', () => {
  it('informs, on the table header, when there is no internal-pipeline metric and no cost metric', () => {
    const diagnostics = withCode(check(DEFECTS), 'RDY118');
    assert.deepEqual(diagnostics.map((d) => at(d.range)), [HEADER, HEADER]);
    assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Information));
    assert.match(messageText(diagnostics[0]), /no internal-pipeline metric .*e\.g\. `feature_distribution_shift_per_fold`/);
    assert.match(messageText(diagnostics[1]), /no cost metric .*e\.g\. `api_calls_per_trade`/);
  });

  it('reports only what is missing, and its fixes add a row', () => {
    const noCost = withoutRows(VALID, 'api_calls');
    const [diagnostic, ...rest] = withCode(check(noCost), 'RDY118');
    assert.deepEqual(rest, []);
    assert.match(messageText(diagnostic), /no cost metric/);
    applyAndRecheck(noCost, 'RDY118', 'Add a cost metric row (api_calls_per_trade)');
    applyAndRecheck(withoutRows(VALID, 'feature_distribution', 'filter_pass'), 'RDY118', 'Add an internal-pipeline metric row');
  });

  it('options pipelineKeywords / costKeywords', () => {
    const pipeline = withCode(check(VALID, { config: config('RDY118', { pipelineKeywords: ['capture rate'] }) }), 'RDY118');
    assert.equal(pipeline.length, 1);
    assert.match(messageText(pipeline[0]), /internal-pipeline/);
    const cost = withCode(check(VALID, { config: config('RDY118', { costKeywords: ['compute $'] }) }), 'RDY118');
    assert.equal(cost.length, 1);
    assert.match(messageText(cost[0]), /cost metric/);
    assert.deepEqual(withCode(check(DEFECTS, { config: config('RDY118', { pipelineKeywords: ['failures'], costKeywords: ['latency'] }) }), 'RDY118'), []);
  });
});

describe('§1 docs pages', () => {
  /** The valid example with §1's table replaced by a docs example block. */
  function withSection1Block(block: string): string {
    const lines = VALID.split('\n');
    const start = lines.findIndex((line) => line.startsWith('| Metric |'));
    let end = start;
    while (lines[end].startsWith('|')) end++;
    return [...lines.slice(0, start), ...block.trimEnd().split('\n'), ...lines.slice(end)].join('\n');
  }

  for (const code of CODES) {
    it(`${code}: the failing example fails and the passing example passes`, () => {
      const page = readFileSync(join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
      const example = (heading: string) => new RegExp(`## ${heading}\\n\\n\`\`\`markdown\\n([\\s\\S]*?)\`\`\``).exec(page)?.[1];
      const failing = example('Failing example');
      const passing = example('Passing example');
      assert.ok(failing && passing, `${code} page has both examples`);
      assert.ok(withCode(check(withSection1Block(failing)), code).length > 0, `${code} failing example`);
      assert.deepEqual(withCode(check(withSection1Block(passing)), code), [], `${code} passing example`);
    });
  }
});

describe('§1 fixes at the end of a file', () => {
  it('a row added to a table that ends the file without a line break keeps the table whole', () => {
    const text = VALID.slice(0, VALID.indexOf('\n\nAll metrics carry')).replace(/\n\| `(inference_latency|feature_pipeline|api_calls)[^\n]*/g, '');
    const finding = analyseText(text).findings.find((f) => f.rule.code === 'RDY116')!;
    assert.match(finding.message, /no health metric/);
    const fixed = applyEdits(text, finding.fixes[0].edits);
    assert.match(fixed, /\|\n\| `inference_latency_p99` \| histogram \|[^\n]*\|$/);
    assert.deepEqual(withCode(check(fixed), 'RDY116'), []);
  });
});
