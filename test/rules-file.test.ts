import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseText, applyFix, at, check, edit, readTemplate, textAt, withCode } from './helpers';

const TEMPLATE = readTemplate();

describe('RDY001 no-placeholders (F1)', () => {
  it('gives one diagnostic per placeholder of the raw template, on its exact range', () => {
    const found = withCode(check(TEMPLATE), 'RDY001');
    const texts = found.map((d) => textAt(TEMPLATE, d.range));
    assert.deepEqual(texts, [
      '<CVN-N...-S0X title>', '<cvn_id>', 'link to GH issue + OP wp', '<github handle>', 'YYYY-MM-DD', '<id>',
      'OK / OK-WITH-CHANGES', '<event_name.field>', 'counter / gauge / histogram',
      'Loki query / Prometheus / OpenTelemetry span', 'Grafana panel URL', '`<` / `>`', '<handle>', '<alert_name>',
      'metric > threshold for N min', '<slug>', 'P1 / P2 / P3', 'Pagerduty / Slack / email', '<name>', '<MODEL>',
      '<SYMBOL>', '<STRATEGY>', '<previous>', '<handle>', '<handle>', '<handle>', 'YYYY-MM-DD',
    ]);
    assert.equal(at(found[0].range), '0:20-0:40');
    assert.match(found[1].message, /story id/);
  });

  it('ignores HTML, autolinks, comparisons and code blocks', () => {
    const text = [
      '# MLOps readiness — CVN-N1-S1 title',
      '',
      'Line<br>break <https://grafana.example/d/1> <ops@example.com> latency < 5 min and > 2 <!-- note -->',
      '',
      '```',
      '<handle> YYYY-MM-DD',
      '```',
    ].join('\n');
    assert.deepEqual(withCode(check(text), 'RDY001'), []);
  });

  it('offers each alternative as a replacement', () => {
    const finding = analyseText(TEMPLATE).findings.find((f) => f.rule.code === 'RDY001' && f.message.includes('P1 / P2 / P3'))!;
    assert.deepEqual(finding.fixes.map((f) => f.title), ['Replace with "P1"', 'Replace with "P2"', 'Replace with "P3"']);
    const fixed = applyFix(TEMPLATE, finding, 'Replace with "P1"');
    assert.ok(!withCode(check(fixed), 'RDY001').some((d) => d.message.includes('P1 / P2 / P3')));
  });

  it('can be turned off by configuration and by an inline comment', () => {
    assert.deepEqual(withCode(check(TEMPLATE, { config: { rules: { 'no-placeholders': 'off' } } }), 'RDY001'), []);
    const disabled = edit(TEMPLATE, '**Story**', '<!-- readiness-disable-next-line RDY001 -->\n**Story**');
    const lines = withCode(check(disabled), 'RDY001').map((d) => d.range.start.line);
    assert.ok(!lines.includes(3), 'the Story line is silenced');
    assert.ok(lines.includes(4), 'the next line is not');
  });
});

describe('RDY002 section-required (F2)', () => {
  const withoutDrift = TEMPLATE.replace(/## 3\. Drift detection[\s\S]*?(?=## 4\.)/, '');

  it('reports a missing section on the heading of the section it belongs before', () => {
    const [diagnostic] = withCode(check(withoutDrift), 'RDY002');
    assert.equal(textAt(withoutDrift, diagnostic.range), '## 4. Staged rollout (MUST)');
    assert.match(diagnostic.message, /"3\. Drift detection \(MUST\)" is missing/);
  });

  it('inserts the section skeleton at its place, and the diagnostic goes away', () => {
    const finding = analyseText(withoutDrift).findings.find((f) => f.rule.code === 'RDY002')!;
    const fixed = applyFix(withoutDrift, finding);
    assert.deepEqual(withCode(check(fixed), 'RDY002'), []);
    assert.ok(fixed.indexOf('## 3. Drift detection') < fixed.indexOf('## 4. Staged rollout'));
    assert.ok(fixed.includes('| Drift type | Method | Window | Threshold | Action on trigger |\n|---|---|---|---|---|\n\nRequired minima:'));
    assert.deepEqual(withCode(check(fixed), 'RDY003'), []);
  });

  it('appends a missing checklist at the end of the file', () => {
    const noChecklist = TEMPLATE.slice(0, TEMPLATE.indexOf('## Sign-off checklist'));
    const finding = analyseText(noChecklist).findings.find((f) => f.rule.code === 'RDY002')!;
    const fixed = applyFix(noChecklist, finding);
    assert.deepEqual(withCode(check(fixed), 'RDY002'), []);
    assert.match(fixed, /\n\n## Sign-off checklist \(gate before PR merge\)\n\n- \[ \] §1 monitoring/);
  });

  it('the complete template has every section', () => {
    assert.deepEqual(withCode(check(TEMPLATE), 'RDY002'), []);
  });
});

describe('RDY003 section-order (F3)', () => {
  it('warns on a duplicated section with the first one as related information', () => {
    const text = TEMPLATE + '\n## 2. Alerting & runbooks (MUST)\n';
    const [diagnostic] = withCode(check(text), 'RDY003');
    assert.match(diagnostic.message, /appears twice \(first at line 30\)/);
    assert.equal(diagnostic.relatedInformation?.[0].location.range.start.line, 29);
  });

  it('warns on a section out of order', () => {
    const drift = TEMPLATE.match(/## 3\. Drift detection[\s\S]*?(?=## 4\.)/)![0];
    const moved = TEMPLATE.replace(drift, '').replace('## Sign-off checklist', drift + '## Sign-off checklist');
    const found = withCode(check(moved), 'RDY003');
    assert.ok(found.some((d) => /comes after/.test(d.message)));
  });

  it('renumbers a misnumbered heading', () => {
    const text = edit(TEMPLATE, '## 3. Drift detection', '## 7. Drift detection');
    const finding = analyseText(text).findings.find((f) => f.rule.code === 'RDY003')!;
    assert.equal(textAt(text, finding.range), '7');
    assert.deepEqual(withCode(check(applyFix(text, finding)), 'RDY003'), []);
  });

  it('is quiet for the template order', () => {
    assert.deepEqual(withCode(check(TEMPLATE), 'RDY003'), []);
  });
});

describe('RDY004 table-columns (F4)', () => {
  it('reports a missing table on the heading and inserts the header after the intro', () => {
    const text = TEMPLATE.replace(/\| Alert \|[^\n]*\n\|---[^\n]*\n\|[^\n]*\n\n/, '');
    const finding = analyseText(text).findings.find((f) => f.rule.code === 'RDY004')!;
    assert.equal(textAt(text, finding.range), '## 2. Alerting & runbooks (MUST)');
    const fixed = applyFix(text, finding);
    assert.deepEqual(withCode(check(fixed), 'RDY004'), []);
    assert.match(fixed, /and what the on-call does\.\n\n\| Alert \| Trigger \| Runbook \| Severity \| Notification channel \|\n\|---\|---\|---\|---\|---\|\n\nRequired minima/);
  });

  it('reports missing columns on the header row and adds them to every row', () => {
    const text = TEMPLATE.replace('| Alert | Trigger | Runbook | Severity | Notification channel |\n|---|---|---|---|---|', '| alert | TRIGGER | Runbook |\n|---|---|---|')
      .replace('| `<alert_name>` | `metric > threshold for N min` | `documentation/runbooks/<slug>.md` | P1 / P2 / P3 | Pagerduty / Slack / email |', '| a | b | c |');
    const finding = analyseText(text).findings.find((f) => f.rule.code === 'RDY004')!;
    assert.equal(textAt(text, finding.range), '| alert | TRIGGER | Runbook |');
    assert.match(finding.message, /"Severity", "Notification channel"/);
    const fixed = applyFix(text, finding);
    assert.deepEqual(withCode(check(fixed), 'RDY004'), []);
    assert.ok(fixed.includes('| alert | TRIGGER | Runbook | Severity | Notification channel |\n|---|---|---| --- | --- |\n| a | b | c |  |  |'));
  });
});

describe('RDY005 / RDY006 skip (F5)', () => {
  const alerting = /## 2\. Alerting[\s\S]*?(?=## 3\.)/;
  const skipped = (reason: string) =>
    TEMPLATE.replace(alerting, `## 2. Alerting & runbooks (MUST)\n\n**SKIP — JUSTIFICATION**:${reason}\n\n`);

  it('a justified skip of §2 is a warning and silences §2\'s other rules', () => {
    const text = skipped(' no new failure mode: the existing P1 `pnl_drop` covers it');
    const diagnostics = check(text);
    assert.equal(withCode(diagnostics, 'RDY006').length, 1);
    assert.equal(withCode(diagnostics, 'RDY006')[0].severity, 2);
    assert.deepEqual(withCode(diagnostics, 'RDY005'), []);
    assert.deepEqual(withCode(diagnostics, 'RDY004').filter((d) => d.range.start.line < 40 && d.range.start.line > 28), []);
  });

  it('a skip without a reason, or with a placeholder, is an error', () => {
    for (const reason of ['', ' <why>']) {
      const [diagnostic] = withCode(check(skipped(reason)), 'RDY005');
      assert.match(diagnostic.message, /no reason/);
    }
  });

  it('accepts hyphen and en dash forms without bold', () => {
    for (const marker of ['SKIP - JUSTIFICATION:', 'SKIP – JUSTIFICATION:']) {
      const text = TEMPLATE.replace(alerting, `## 2. Alerting & runbooks (MUST)\n\n${marker} covered by the existing P1 alert\n\n`);
      assert.equal(withCode(check(text), 'RDY006').length, 1, marker);
    }
  });

  it('a skip of a section that may not be skipped is an error, unless configured', () => {
    const text = TEMPLATE.replace(/## 5\. Rollback plan[\s\S]*?(?=## 6\.)/, '## 5. Rollback plan (MUST)\n\n**SKIP — JUSTIFICATION**: nothing to revert, no state is written\n\n');
    const [diagnostic] = withCode(check(text), 'RDY005');
    assert.match(diagnostic.message, /may not be skipped/);
    const allowed = check(text, { config: { rules: { RDY005: { skippableSections: ['alerting', '5'] } } } });
    assert.deepEqual(withCode(allowed, 'RDY005'), []);
    assert.equal(withCode(allowed, 'RDY006').length, 1);
  });
});

describe('readiness files (F6)', () => {
  it('a Markdown file that is not a readiness file gets nothing', () => {
    assert.deepEqual(check('# Notes\n\n<handle> YYYY-MM-DD\n', { path: 'docs/notes.md' }), []);
  });

  it('a file outside the globs is a readiness file when its first heading says so', () => {
    assert.ok(check(TEMPLATE, { path: 'docs/plan.md' }).length > 0);
  });

  it('the globs are configurable', () => {
    const text = '# Plan\n\n## 1. Production monitoring (MUST)\n';
    assert.ok(check(text, { path: 'plans/x.md', config: { files: ['plans/*.md'] } }).length > 0);
    assert.deepEqual(check(text, { path: 'plans/x.md' }), []);
  });
});
