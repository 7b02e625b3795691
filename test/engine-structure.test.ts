import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseReadiness } from '../server/src/service';
import { findSection } from '../server/src/service/facts/document';
import { applyFix, at, check, edit, finding, rangeOf, readExample, ROOT, textAt, withCode, type TextDiagnostic } from './helpers';

// Structure is read from the Markdown, whatever the author's style: each style below rewrites the
// valid example without changing what it says; the valid file must stay clean, and a defect written
// in the same style must still be found, on the right text.

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const RUNBOOKS = Object.fromEntries(
  ['ea-s11-expectancy-negative', 'ea-s11-signal-starvation', 'ea-s11-feature-pipeline-failures', 'drift-alert'].map((name) => {
    const path = `documentation/runbooks/${name}.md`;
    return [path, readFileSync(join(ROOT, 'examples', path), 'utf8')];
  }),
);

const checkText = (text: string) => check(text, { files: RUNBOOKS });
const ERROR_OR_WARNING = (d: TextDiagnostic) => d.severity === 1 || d.severity === 2;
const shown = (d: TextDiagnostic) => `${d.code} ${at(d.range)} ${d.message}`;

function assertClean(text: string) {
  assert.deepEqual(checkText(text).filter(ERROR_OR_WARNING).map(shown), []);
}

function only(text: string, code: string): TextDiagnostic {
  const found = withCode(checkText(text), code);
  assert.equal(found.length, 1, found.map(shown).join('\n') || `no ${code}`);
  return found[0];
}

const HEADER = [
  '**Story**: CVN-N011-EA-S11 — GH issue [#812](https://github.com/cvn-trading/cvntrade/issues/812) + OP wp#92',
  '**Owner**: @ana-m (DRI for production behaviour of this change)',
  '**Filled on**: 2026-11-02',
  '**Reviewed by committee**: session pr_review-2026-10-30-04 (verdict OK-WITH-CHANGES)',
].join('\n');

const FIELDS: Array<[string, string]> = [
  ['Story', 'CVN-N011-EA-S11 — GH issue #812 + OP wp#92'],
  ['Owner', '@ana-m'],
  ['Filled on', '2026-11-02'],
  ['Reviewed by committee', 'session pr_review-2026-10-30-04 (verdict OK-WITH-CHANGES)'],
];

const withHeader = (header: string, text = VALID) => edit(text, HEADER, header);

/** Every section heading rewritten by `heading(number, words)`; the checklist has number undefined. */
function withHeadings(heading: (number: number | undefined, words: string) => string, text = VALID): string {
  const words = ['Production monitoring', 'Alerting and runbooks', 'Drift detection', 'Staged rollout', 'Rollback plan', 'Owner and DRI'];
  let out = text;
  out = edit(out, /^## 1\. .*$/m, heading(1, words[0]));
  out = edit(out, /^## 2\. .*$/m, heading(2, words[1]));
  out = edit(out, /^## 3\. .*$/m, heading(3, words[2]));
  out = edit(out, /^## 4\. .*$/m, heading(4, words[3]));
  out = edit(out, /^## 5\. .*$/m, heading(5, words[4]));
  out = edit(out, /^## 6\. .*$/m, heading(6, words[5]));
  return out.replace(/^## Sign-off checklist.*$/m, heading(undefined, 'Sign-off checklist (gate before PR merge)'));
}

/** The author's own sub-headings, one level below the sections, named like other sections. */
function withSubHeadings(level: number, text: string): string {
  const hashes = '#'.repeat(level + 1);
  return edit(
    text,
    'Required minima:\n\n- Shadow stage',
    `${hashes} Rollback trigger notes\n\nThe triggers are evaluated every 5 minutes.\n\n${hashes} Monitoring of the canary\n\nSame panels as §1.\n\nRequired minima:\n\n- Shadow stage`,
  );
}

/** The text without the section whose heading matches, up to the next heading of the same level (ATX or setext). */
function withoutSection(text: string, heading: RegExp): string {
  const lines = text.split('\n');
  const levelOf = (i: number) => /^#+(?= )/.exec(lines[i])?.[0].length ?? (lines[i].trim() && /^-+$/.test(lines[i + 1] ?? '') ? 2 : 0);
  const start = lines.findIndex((line) => heading.test(line));
  const level = levelOf(start);
  const end = lines.findIndex((_line, i) => i > start + 1 && levelOf(i) > 0 && levelOf(i) <= level);
  return [...lines.slice(0, start), ...lines.slice(end)].join('\n');
}

describe('section headings in any style', () => {
  const styles: Array<[string, number, (n: number | undefined, words: string) => string]> = [
    ['### unnumbered, "and", no (MUST)', 3, (_n, words) => `### ${words}`],
    ['#### with §', 4, (n, words) => `#### ${n === undefined ? '' : `§${n} `}${words}`],
    ['## "Section N:" with (MUST)', 2, (n, words) => `## ${n === undefined ? '' : `Section ${n}: `}${words}${n === undefined ? '' : ' (MUST)'}`],
    ['### numbered "N)" and bold', 3, (n, words) => `### ${n === undefined ? '' : `${n}) `}**${words}**`],
    ['setext (underlined), unnumbered', 2, (_n, words) => `${words}\n${'-'.repeat(words.length)}`],
  ];
  for (const [name, level, heading] of styles) {
    it(`${name}: a valid file gets no error or warning, the author's sub-headings stay inside their section`, () => {
      const text = withSubHeadings(level, withHeadings(heading));
      assertClean(text);
      const doc = parseReadiness(text);
      assert.deepEqual(
        doc.sections.map((s) => s.id),
        ['monitoring', 'alerting', 'drift', 'rollout', 'rollback', 'owner', 'checklist'],
      );
      assert.ok(findSection(doc, 'rollout')!.tables.length === 1, 'the §4 table stays in §4');
    });

    it(`${name}: a missing section is still reported, not taken from a sub-heading that names it`, () => {
      const text = withoutSection(withSubHeadings(level, withHeadings(heading)), /Rollback plan/);
      const missing = withCode(checkText(text), 'RDY002');
      assert.deepEqual(missing.map((d) => d.message.split(':')[0]), ['Section "5. Rollback plan (MUST)" is missing']);
      // Reported on the heading the section belongs before: §6's.
      const ownerHeading = text.split('\n').find((l) => l.includes('Owner and DRI'))!;
      assert.equal(at(missing[0].range), rangeOf(text, ownerHeading));
    });
  }

  it('an unnumbered ### sign-off checklist among ### sections is the checklist (its boxes are read)', () => {
    const text = withHeadings((n, words) => `### ${n === undefined ? '' : `${n}. `}${words}`);
    assertClean(text);
    const unticked = edit(text, '- [x] §2 alerting', '- [ ] §2 alerting');
    assert.equal(findSection(parseReadiness(unticked), 'checklist')!.checklist.filter((item) => !item.checked).length, 1);
  });

  it('a wrongly numbered heading in § style is still renumbered at its digit', () => {
    const text = withHeadings((n, words) => `#### ${n === undefined ? '' : `§${n === 6 ? 5 : n} `}${words}`);
    const renumber = withCode(checkText(text), 'RDY003');
    assert.equal(renumber.length, 1);
    assert.equal(at(renumber[0].range), rangeOf(text, '§5 Owner', '5'));
  });
});

describe('header fields in any style', () => {
  const styles: Array<[string, string]> = [
    ['**Field:** (colon inside the bold)', FIELDS.map(([key, value]) => `**${key}:** ${value}`).join('\n')],
    ['plain Field: lines', FIELDS.map(([key, value]) => `${key}: ${value}`).join('\n')],
    ['a bullet list', FIELDS.map(([key, value]) => `- **${key}**: ${value}`).join('\n')],
    ['a numbered list with italic keys', FIELDS.map(([key, value], i) => `${i + 1}. *${key}*: ${value}`).join('\n')],
    ['bold keys and a dash, <br> line ends', FIELDS.map(([key, value]) => `**${key}** — ${value}<br>`).join('\n')],
    ['code keys and code values in a block quote', FIELDS.map(([key, value]) => `> \`${key}\`: ${value.replace(/(@ana-m|2026-11-02|pr_review-2026-10-30-04)/, '`$1`')}`).join('\n')],
    ['a two-column table', [`| ${FIELDS[0].join(' | ')} |`, '|---|---|', ...FIELDS.slice(1).map((f) => `| ${f.join(' | ')} |`)].join('\n')],
    [
      'a table with a | Field | Value | header, bold keys, colons and alignment',
      ['| Field | Value |', '|:--|:--|', ...FIELDS.map(([key, value]) => `| **${key}:** | ${value} |`)].join('\n'),
    ],
    ['a table without outer pipes', ['Field | Value', '--- | ---', ...FIELDS.map((f) => f.join(' | '))].join('\n')],
    ['keys across a table, values below', [`| ${FIELDS.map((f) => f[0]).join(' | ')} |`, `|${FIELDS.map(() => '---').join('|')}|`, `| ${FIELDS.map((f) => f[1]).join(' | ')} |`].join('\n')],
    ['under a heading of their own', `## Summary\n\n${FIELDS.map(([key, value]) => `- ${key}: ${value}`).join('\n')}`],
  ];
  for (const [name, header] of styles) {
    it(`${name}: a valid header gets no error or warning`, () => {
      const text = withHeader(header);
      assertClean(text);
      assert.deepEqual(parseReadiness(text).headerFields.map((f) => f.key), ['story', 'owner', 'filled on', 'reviewed by committee']);
    });

    it(`${name}: a wrong value is reported on the value's own text`, () => {
      const text = withHeader(header.replace('2026-11-02', '2062-11-02').replace('@ana-m', '@ana-m, @li-wei'));
      assert.equal(at(only(text, 'RDY104').range), rangeOf(text, '2062-11-02'));
      const owner = only(text, 'RDY103').range;
      assert.equal(owner.start.line, text.split('\n').findIndex((line) => line.includes('@ana-m, @li-wei')));
      assert.equal(textAt(text, owner).replace(/`/g, ''), '@ana-m, @li-wei');
      // The committee box is not reported: the review is read from the table or list as well.
      assert.equal(withCode(checkText(text), 'RDY704').length, 0);
    });
  }

  it('a field missing from a table header is reported, and its value cell carries the exact range', () => {
    const table = ['| Field | Value |', '|---|---|', ...FIELDS.filter(([key]) => key !== 'Owner').map((f) => `| ${f.join(' | ')} |`)].join('\n');
    const text = withHeader(table);
    assert.match(only(text, 'RDY103').message, /no "Owner" line/);
    const story = parseReadiness(text).headerFields.find((f) => f.key === 'story')!;
    assert.equal(at(story.value.range), rangeOf(text, FIELDS[0][1]));
  });

  it('§6 fields written as a table are read as fields', () => {
    const owner = [
      '| Role | Who |',
      '|---|---|',
      '| DRI | `@ana-m` (single human, not a team) |',
      '| Backup DRI | `@li-wei` (covers when DRI is OOO). Quarterly handoff drill (15 min walkthrough of dashboards + rollback flag flip). |',
      '| Decision authority | `@d-okafor` |',
      '| Sunset date | `2027-02-21` (90 days post full rollout) |',
    ].join('\n');
    const text = edit(VALID, /- \*\*DRI\*\*:[\s\S]*?revisited\n/, `${owner}\n`);
    assertClean(text);
    const team = edit(text, '| DRI | `@ana-m`', '| DRI | `@cvn/ml-platform`');
    const dri = withCode(checkText(team), 'RDY601');
    assert.equal(dri.length, 1);
    assert.equal(dri[0].range.start.line, team.split('\n').findIndex((l) => l.startsWith('| DRI |')));
  });
});

describe('tables in any style', () => {
  const ROLLBACK_HEADER = '| Mechanism | Description | Revert SLA |\n|---|---|---|';
  const ROLLBACK_ROWS = [
    ['FTF factor flag', '`CVN_FACTOR_LABEL_SMOOTHING=off` set in ftf_config Console (ADR-59)', '< 1 min'],
    ['Model version pinning', '`cvntrade_XGB_BTCUSDC_EA` MLflow alias `champion` points back to the previous champion (v41)', '< 5 min'],
    ['Feature artefact pinning', '`FeatureEngineeringAPI.from_mlflow_run(run_id=8d1f0c5b2e7a4c39)` (last feature run without smoothing)', '< 5 min'],
  ];
  const oldRollback = [ROLLBACK_HEADER, ...ROLLBACK_ROWS.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  /** §5's table reordered, with an extra column, other casing, alignment colons and no outer pipes. */
  const restyled = (sla: string) =>
    edit(
      VALID,
      oldRollback,
      [
        'revert slas | MECHANISM | notes | Description',
        ':---: | :--- | --- | ---:',
        ...ROLLBACK_ROWS.map(([mechanism, description, revert], i) => `${i === 0 ? sla : revert} | ${mechanism} | see [ADR-59](https://adr.example/59) | ${description}`),
      ].join('\n'),
    );

  it('extra, reordered, differently cased columns without outer pipes: valid, and a slow primary revert is found in its cell', () => {
    assertClean(restyled('< 1 min'));
    const slow = restyled('30 min');
    const finding = only(slow, 'RDY502');
    assert.equal(finding.range.start.line, slow.split('\n').findIndex((l) => l.startsWith('30 min |')));
  });

  it('escaped pipes, <br>, links and inline code in cells are read as their text', () => {
    const text = edit(
      VALID,
      '| `ea_s11_expectancy_negative` | `expectancy_net_realized < 0 over 24h on >2 cryptos` | `documentation/runbooks/ea-s11-expectancy-negative.md` | P1 | Pagerduty |',
      '| `ea_s11_expectancy_negative` | `expectancy_net_realized < 0 over 24h on >2 cryptos`<br>(`a \\| b` view) | [`documentation/runbooks/ea-s11-expectancy-negative.md`](../runbooks/ea-s11-expectancy-negative.md) | **P1** | Pagerduty |',
    );
    assertClean(text);
    const p2 = edit(text, '**P1** |', '**P2** |');
    assert.equal(withCode(checkText(p2), 'RDY201').length, 1);
  });

  it('a section table whose first column is "Owner" is the section\'s table, not a table of fields', () => {
    const lines = VALID.split('\n');
    const reversed = lines.map((line, i) => {
      const inMonitoring = i > lines.indexOf('## 1. Production monitoring (MUST)') && i < lines.indexOf('## 2. Alerting & runbooks (MUST)');
      if (!inMonitoring || !line.startsWith('|')) return line;
      return `| ${line.slice(1, -1).split(' | ').map((c) => c.trim()).reverse().join(' | ')} |`;
    });
    const text = reversed.join('\n');
    assert.ok(text.includes('| Owner | Threshold (warn / crit) |'));
    assertClean(text);
    assert.equal(findSection(parseReadiness(text), 'monitoring')!.tables.length, 1);
  });

  it('a column header in the plural or without "%" is the column', () => {
    const text = edit(VALID, '| Stage | Traffic % | Duration | Pass criteria | Rollback trigger |', '| Stages | Traffic | Durations | Pass criteria | Rollback triggers |');
    assertClean(text);
  });
});

describe('HTML comments, <details> and template guidance', () => {
  it('comments anywhere are not content: inline, multi-line, holding words a rule would read', () => {
    let text = edit(VALID, '**Owner**: @ana-m', '**Owner**: @ana-m <!-- was @li-wei until October -->');
    text = edit(text, 'What metrics, where they live, who watches them.', '<!--\nWhat metrics, where they live, who watches them.\n| Metric | Type |\n|---|---|\n| `<event>` | counter |\n-->');
    text = edit(text, '| Canary | BTCUSDC only', '| Canary | BTCUSDC only <!-- we\'ll pick later if BTC is busy -->');
    assertClean(text);
  });

  it('a comment in a section\'s prose is not read as the author\'s words', () => {
    const inline = edit(VALID, 'Required minima:\n\n- Shadow stage', 'Full rollout after sign-off. <!-- first draft: auto-promotion to full, no sign-off -->\n\nRequired minima:\n\n- Shadow stage');
    assertClean(inline);
    const shown = edit(inline, '<!-- first draft: auto-promotion to full, no sign-off -->', 'First draft: auto-promotion to full, no sign-off.');
    assert.equal(withCode(checkText(shown), 'RDY406').length, 1, 'the same words outside a comment are read');
  });

  it('a comment does not hide a defect beside it', () => {
    const text = edit(VALID, '**Owner**: @ana-m', '**Owner**: <!-- @ana-m --> @cvn/ml-platform');
    assert.equal(at(only(text, 'RDY103').range), rangeOf(text, '@cvn/ml-platform'));
  });

  it('guidance kept in <details>, in a block quote, re-wrapped, or deleted is never content', () => {
    const minima = VALID.indexOf('Required minima for any new ML track:');
    const end = VALID.indexOf('## 2.');
    const guidance = VALID.slice(minima, end).trimEnd();
    const variants = [
      edit(VALID, guidance, `<details>\n<summary>Template guidance</summary>\n\n${guidance}\n\n</details>`),
      edit(VALID, guidance, guidance.split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')),
      edit(VALID, guidance, guidance.replace(/ (at|as|per|or) /g, '\n  $1 ')),
      edit(VALID, guidance, ''),
      edit(VALID, 'How the change reaches production traffic. Three stages with explicit pass criteria.', '_How the change reaches production traffic.\nThree stages with explicit pass criteria._'),
    ];
    for (const text of variants) {
      assertClean(text);
      // Read as guidance, not as the author's prose: each of its sentences stands on a guidance line.
      const doc = parseReadiness(text);
      text.split('\n').forEach((line, index) => {
        if (/Required minima for any new ML track|At least 1 outcome metric|Three stages with explicit/.test(line)) {
          assert.ok(doc.guidanceLines.has(index), `line ${index} "${line}" is guidance`);
        }
      });
    }
  });
});

describe('quick fixes write a missing header field in the header\'s own style', () => {
  const table = (fields: Array<[string, string]>) =>
    ['| Field | Value |', '|---|---|', ...fields.map((f) => `| ${f.join(' | ')} |`)].join('\n');

  it('a key | value table gets a row, in template order, and the finding goes away', () => {
    const text = withHeader(table(FIELDS.filter(([key]) => key !== 'Owner')));
    const fixed = applyFix(text, finding(text, 'RDY103', { files: RUNBOOKS }));
    assert.ok(fixed.includes('| Story | CVN-N011-EA-S11 — GH issue #812 + OP wp#92 |\n| Owner | @ana-m (DRI for production behaviour of this change) |\n| Filled on |'), fixed.slice(0, 600));
    assert.equal(withCode(checkText(fixed), 'RDY103').length, 0);
  });

  it('a table whose header row is the first field gets the row after its delimiter row', () => {
    const fields = FIELDS.filter(([key]) => key !== 'Owner');
    const text = withHeader([`| ${fields[0].join(' | ')} |`, '|---|---|', ...fields.slice(1).map((f) => `| ${f.join(' | ')} |`)].join('\n'));
    const fixed = applyFix(text, finding(text, 'RDY103', { files: RUNBOOKS }));
    assert.ok(fixed.includes('|---|---|\n| Owner | @ana-m (DRI'), fixed.slice(0, 600));
    assert.deepEqual(parseReadiness(fixed).headerFields.map((f) => f.key), ['story', 'owner', 'filled on', 'reviewed by committee']);
  });

  it('a bullet list gets a bullet written like its neighbours', () => {
    const text = withHeader(FIELDS.filter(([key]) => key !== 'Filled on').map(([key, value]) => `- ${key}: ${value}`).join('\n'));
    const fixed = applyFix(text, finding(text, 'RDY104', { files: RUNBOOKS }));
    // The date is the author's to give: the template's placeholder, in the list's own style.
    assert.ok(fixed.includes('- Owner: @ana-m\n- Filled on: YYYY-MM-DD\n- Reviewed by committee:'), fixed.slice(0, 600));
    assert.equal(withCode(checkText(fixed), 'RDY104').length, 0);
  });
});

describe('sign-off checklist boxes in any style', () => {
  const failingAlerting = (text: string) => edit(text, '| `documentation/runbooks/ea-s11-expectancy-negative.md` | P1 |', '| `documentation/runbooks/ea-s11-expectancy-negative.md` | P2 |');
  const styles: Array<[string, string]> = [
    ['numbered items with a bold §', '1. [x] **§2** alerting : ≥ 1 P1 alert exists with a runbook'],
    ['* bullets, the section named by its words', '* [x] Alerting: ≥ 1 P1 alert exists with a runbook'],
  ];
  for (const [name, box] of styles) {
    it(`${name}: a ticked box is read for its section`, () => {
      const text = edit(VALID, '- [x] §2 alerting : ≥ 1 P1 alert exists with a runbook', box);
      assertClean(text);
      const failing = failingAlerting(text);
      const ticked = withCode(checkText(failing), 'RDY701');
      assert.equal(ticked.length, 1, ticked.map(shown).join('\n'));
      assert.equal(ticked[0].range.start.line, failing.split('\n').indexOf(box));
    });
  }
});

describe('section headings in other words', () => {
  it('"Observability", "On-call and runbooks", "Release plan", "Accountability" and "Merge gate" name their sections', () => {
    const words: Record<string, string> = { 1: 'Observability', 2: 'On-call and runbooks', 4: 'Release plan', 6: 'Accountability (DRI)' };
    const text = withHeadings((n, w) => `## ${n === undefined ? 'Merge gate' : words[n] ?? w}`);
    assertClean(text);
  });

  it('"Owners", "Responsibilities", "Deployment plan" and "Launch plan" name theirs, unnumbered', () => {
    for (const [four, six] of [['Deployment plan', 'Owners'], ['Launch plan', 'Responsibilities']]) {
      const words: Record<string, string> = { 4: four, 6: six };
      assertClean(withHeadings((n, w) => `## ${n !== undefined && words[n] ? words[n] : w}`));
    }
  });
});

describe('a numbered heading in the author\'s own words', () => {
  const own: Record<number, string> = { 2: 'Who gets woken up', 6: 'People' };
  const numberedOwn = (n: number | undefined, words: string) => `## ${n === undefined ? words : `${n}. ${own[n] ?? words}`}`;

  it('is the section of its number when the file numbers its sections like the template', () => {
    const text = withHeadings(numberedOwn);
    assertClean(text);
    const document = parseReadiness(text);
    assert.equal(findSection(document, 'owner')!.heading.title.text, '6. People');
    assert.equal(findSection(document, 'alerting')!.heading.title.text, '2. Who gets woken up');
  });

  it('is no section in a file that does not number its sections', () => {
    const text = withHeadings((n, words) => (n === 6 ? '## 6. People' : `## ${words}`));
    assert.match(only(text, 'RDY002').message, /Section "6\. Owner & DRI \(MUST\)" is missing/);
  });

  it('is no section when a heading\'s words give another section its number; RDY003 still reports that number', () => {
    const text = withHeadings((n, words) => (n === 5 ? '## 5. Owner and DRI' : n === 6 ? '## 6. People' : `## ${n === undefined ? '' : `${n}. `}${words}`));
    const document = parseReadiness(text);
    assert.equal(findSection(document, 'owner')!.heading.title.text, '5. Owner and DRI');
    assert.equal(findSection(document, 'rollback'), undefined);
    const renumber = withCode(checkText(text), 'RDY003');
    assert.equal(renumber.length, 1);
    assert.equal(at(renumber[0].range), rangeOf(text, '5. Owner', '5'));
  });

  it('is not read for a section another heading names', () => {
    const text = withHeadings((n, words) => (n === 6 ? '## 6. People\n\nThe people below.\n\n## Owner and DRI' : `## ${n === undefined ? '' : `${n}. `}${words}`));
    assert.equal(findSection(parseReadiness(text), 'owner')!.heading.title.text, 'Owner and DRI');
  });
});

describe('a field value wrapped over several lines', () => {
  it('is read whole, and a finding on its second line lands on that line\'s text', () => {
    const wrapped = edit(VALID, '- **Decision authority**: who can flip the rollback flag without committee — `@d-okafor`', '- **Decision authority**: who can flip the rollback flag without\n  committee — `@d-okafor`');
    assertClean(wrapped);
    const team = edit(wrapped, '  committee — `@d-okafor`', '  committee — `@cvn/ml-platform`');
    const found = only(team, 'RDY604');
    assert.equal(found.range.end.line, team.split('\n').indexOf('  committee — `@cvn/ml-platform`'));
  });

  it('stops at a line that is another field, known or not', () => {
    const text = edit(VALID, '**Reviewed by committee**: session pr_review-2026-10-30-04 (verdict OK-WITH-CHANGES)', '**Reviewed by committee**: session pr_review-2026-10-30-04 (verdict OK-WITH-CHANGES)\nReviewers: @li-wei, @d-okafor');
    assertClean(text);
    const review = parseReadiness(text).headerFields.find((f) => f.key === 'reviewed by committee')!;
    assert.equal(review.value.text, 'session pr_review-2026-10-30-04 (verdict OK-WITH-CHANGES)');
  });
});

describe('titles and section levels at the top of the scale', () => {
  it('sections written `#` like the title are sections', () => {
    const text = withHeadings((n, words) => `# ${n === undefined ? '' : `${n}. `}${words}`);
    assertClean(text);
    assert.equal(parseReadiness(text).title?.line, 0);
  });

  it('a `##` title over `###` sections is the title', () => {
    const text = withHeadings((n, words) => `### ${n === undefined ? '' : `${n}. `}${words}`, edit(VALID, /^# MLOps/, '## MLOps'));
    assertClean(text);
    const broken = edit(text, '## MLOps readiness — ', '## Readiness — ');
    const finding = only(broken, 'RDY101');
    assert.match(finding.message, /must start with "MLOps readiness — "/);
    assert.equal(finding.range.start.line, 0);
  });
});

describe('header keys in other words', () => {
  it('"Filled in" and "Committee review" are the Filled on and Reviewed by committee fields', () => {
    const text = withHeader(HEADER.replace('**Filled on**', '**Filled in**').replace('**Reviewed by committee**', '**Committee review**'));
    assertClean(text);
    const future = edit(text, '**Filled in**: 2026-11-02', '**Filled in**: 2062-11-02');
    assert.equal(at(only(future, 'RDY104').range), rangeOf(future, '2062-11-02'));
  });
});

describe('a section with more than one table', () => {
  it('reads the table holding the section\'s columns, not a legend placed before it', () => {
    const legend = '| Symbol | Meaning |\n|---|---|\n| ≥ | at least |\n\n';
    const text = edit(VALID, '| Stage | Traffic % |', `${legend}| Stage | Traffic % |`);
    assertClean(text);
    const short = edit(text, '| Shadow | 0% (predictions logged, not acted) | 14d |', '| Shadow | 0% (predictions logged, not acted) | 3d |');
    assert.equal(only(short, 'RDY402').range.start.line, short.split('\n').findIndex((l) => l.startsWith('| Shadow |')));
  });
});

describe('a section written one level too deep', () => {
  it('is that section when it holds the section\'s own content: the checklist\'s boxes, §5\'s table', () => {
    let text = edit(VALID, '## Sign-off checklist (gate before PR merge)', '### Sign-off checklist (gate before PR merge)');
    text = edit(text, '## 5. Rollback plan (MUST)', '### Rollback plan');
    assertClean(text);
    assert.deepEqual(
      parseReadiness(text).sections.map((s) => s.id),
      ['monitoring', 'alerting', 'drift', 'rollout', 'rollback', 'owner', 'checklist'],
    );
  });

  it('is not a section when it holds only the author\'s notes', () => {
    const text = withoutSection(withSubHeadings(2, VALID), /^## 5\. Rollback plan/);
    assert.deepEqual(withCode(checkText(text), 'RDY002').map((d) => d.message.split(':')[0]), ['Section "5. Rollback plan (MUST)" is missing']);
  });
});
