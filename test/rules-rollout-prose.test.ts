import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, edit, messageText, only, onlyFinding, readFixture, textAt, withCode } from './helpers';

const VALID = readFixture('rollout/valid.md');
const CODES = ['RDY401', 'RDY402', 'RDY403', 'RDY404', 'RDY405', 'RDY406', 'RDY004'];
const CANARY_TRAFFIC = 'BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book';
const FULL_CRITERIA = 'all canary criteria + Sortino ≥ baseline + explicit operator sign-off by @d-okafor in the OP Story (wp#92)';

const lines = VALID.split('\n');
const TABLE = lines.slice(lines.findIndex((line) => line.startsWith('| Stage | Traffic % |')), lines.findIndex((line) => line.startsWith('| Full |')) + 1).join('\n');

/** §4's stages written one paragraph each: a bold name and a dash, sentences that say when to promote and roll back. */
const PARAGRAPHS = [
  '**Shadow** — 14 days, 0% of traffic (predictions logged, not acted). Promote when predictions match the champion within ±1% on `f1_buy`.',
  'Roll back if any P1 alert fires.',
  '',
  `**Canary** — 7 days on ${CANARY_TRAFFIC}. Promote when live \`expectancy_net\` ≥ baseline OR within CI95 and \`n_trades ≥ 50\`. Roll back if live \`expectancy_net < 0\` over 48h.`,
  '',
  `**Full** — after committee sign-off: ${FULL_CRITERIA}. Roll back on any P1 alert, per ADR-26 oncall procedure.`,
].join('\n');

/** The same stages as `Name: …` paragraphs. */
const COLON_PARAGRAPHS = [
  'Shadow: ≥ 7d at 0% (predictions logged, not acted); pass criteria: parity within ±1%; rollback: any P1 alert.',
  '',
  `Canary: 7 days on ${CANARY_TRAFFIC}; pass criteria: \`n_trades ≥ 50\`; rollback: any P1 alert.`,
  '',
  `Full: ${FULL_CRITERIA}; rollback: per ADR-26 oncall procedure.`,
].join('\n');

/** The same stages, each under a sub-heading of its own with its paragraphs and lists. */
const HEADINGS = [
  '### Shadow',
  '',
  '14 days at 0% (predictions logged, not acted).',
  '',
  '- Promote when: predictions parity vs champion within ±1% on `f1_buy`',
  '- Roll back if: any P1 alert',
  '',
  '### Canary',
  '',
  `7 days on ${CANARY_TRAFFIC}.`,
  'Promote when live `expectancy_net` ≥ baseline and `n_trades ≥ 50`. Roll back if live `expectancy_net < 0` over 48h.',
  '',
  '### Full',
  '',
  `Pass criteria: ${FULL_CRITERIA}.`,
  'Roll back per ADR-26 oncall procedure.',
].join('\n');

const STYLES: Array<[string, string, string]> = [
  ['a paragraph per stage, bold name and dash', PARAGRAPHS, '**Shadow** — 14 days'],
  ['a `Name:` paragraph per stage', COLON_PARAGRAPHS, 'Shadow: ≥ 7d'],
  ['a sub-heading per stage', HEADINGS, '14 days at 0%'],
];

describe('§4 written as prose: a paragraph or a sub-heading per stage, judged as the table', () => {
  for (const [name, stages] of STYLES) {
    it(`gives no §4 finding on ${name} (LF and CRLF)`, () => {
      const text = edit(VALID, TABLE, stages);
      for (const variant of [text, text.replace(/\n/g, '\r\n')]) {
        const diags = check(variant);
        for (const code of CODES) assert.deepEqual(withCode(diags, code).map(messageText), [], code);
      }
    });
  }

  for (const [name, stages, shadow] of STYLES) {
    it(`reports a 3-day shadow on its duration in ${name}, and the fix sets 7d`, () => {
      const short = shadow.replace(/14 days|≥ 7d/, '3 days');
      const text = edit(edit(VALID, TABLE, stages), shadow, short);
      const diag = only(text, 'RDY402');
      const line = text.split('\n').findIndex((l) => l.includes(short));
      assert.equal(diag.range.start.line, line);
      assert.equal(textAt(text, diag.range), '3 days');
      const fixed = applyFix(text, onlyFinding(text, 'RDY402'), 'Set shadow duration to 7d');
      assert.deepEqual(withCode(check(fixed), 'RDY402'), []);
    });
  }

  it('reports a missing rollback trigger on the paragraph, and a missing stage on the heading', () => {
    const noRollback = edit(edit(VALID, TABLE, PARAGRAPHS), ' Roll back on any P1 alert, per ADR-26 oncall procedure.', '');
    assert.match(messageText(only(noRollback, 'RDY401')), /Full stage has no rollback trigger/);
    const noCanary = edit(VALID, TABLE, HEADINGS.replace(/### Canary[\s\S]*?(?=### Full)/, ''));
    const diag = only(noCanary, 'RDY401');
    assert.match(messageText(diag), /No Canary stage/);
    assert.equal(diag.range.start.line, noCanary.split('\n').findIndex((l) => /^## 4\./.test(l)));
  });

  it('reports an all-at-once canary and a postponed crypto in a stage paragraph', () => {
    const base = edit(VALID, TABLE, PARAGRAPHS);
    const allAtOnce = edit(base, `7 days on ${CANARY_TRAFFIC}`, '7 days on all 5 cryptos');
    assert.equal(textAt(allAtOnce, only(allAtOnce, 'RDY403').range), 'all 5 cryptos');
    const auto = edit(base, 'after committee sign-off: ', 'auto-promote after 7 days: ');
    assert.equal(textAt(auto, only(auto, 'RDY406').range), 'auto-promote');
  });

  it('still reports "no stage table" on §4 prose that names no stage as a paragraph or heading', () => {
    const prose = edit(VALID, TABLE, 'We will roll the change out carefully, one crypto after the other.');
    assert.equal(withCode(check(prose), 'RDY004').length, 1);
  });
});

describe('a missing stage in a list, paragraphs or sub-headings: the fix writes its structure, never its values', () => {
  const heading = (text: string) => text.split('\n').findIndex((l) => /^## 4\./.test(l));
  const section = (text: string) => {
    const all = text.split('\n');
    return all.slice(heading(text) + 1, all.findIndex((l) => /^## 5\./.test(l)));
  };
  const errors = (text: string) => check(text).filter((d) => d.severity === 1);
  // The 6th entry: how the lines already there change (a numbered list's later items move up one).
  const cases: Array<[string, string, string, string, string[], Record<string, string>, ((line: string) => string)?]> = [
    [
      'a numbered list (Canary missing)',
      [
        '1. **Shadow** — 14 days, 0% (predictions logged, not acted); pass criteria: parity within ±1%; rollback: any P1 alert',
        `2. **Full** — after committee sign-off: ${FULL_CRITERIA}; rollback: per ADR-26 oncall procedure`,
      ].join('\n'),
      'Add a Canary stage item',
      'No Canary stage in the list',
      ['2. **Canary** — <duration>, <traffic>; pass criteria: <pass criteria>; rollback: <rollback trigger>'],
      { '<duration>': '7 days', '<traffic>': CANARY_TRAFFIC },
      (line) => line.replace(/^2\. \*\*Full\*\*/, '3. **Full**'),
    ],
    [
      'keyed bullets (Shadow missing)',
      [
        `- Stage: Canary, Traffic: ${CANARY_TRAFFIC}, Duration: 7d, Pass criteria: \`n_trades ≥ 50\`, Rollback trigger: any P1 alert`,
        `- Stage: Full, Traffic: 100%, Duration: —, Pass criteria: ${FULL_CRITERIA}, Rollback trigger: per ADR-26 oncall procedure`,
      ].join('\n'),
      'Add a Shadow stage item',
      'No Shadow stage in the list',
      ['- Stage: Shadow, Traffic: <traffic>, Duration: <duration>, Pass criteria: <pass criteria>, Rollback trigger: <rollback trigger>'],
      { '<traffic>': '0%', '<duration>': '14 days' },
    ],
    [
      'paragraphs (Shadow missing)',
      PARAGRAPHS.replace(/^[\s\S]*?\n\n/, ''),
      'Add a Shadow stage paragraph',
      'No Shadow stage: add a paragraph',
      [
        '**Shadow** — <duration> on <traffic>. Promote when <pass criteria>. Roll back if <rollback trigger>.',
        '',
      ],
      { '<duration>': '14 days', '<traffic>': 'live traffic, 0% acted on' },
    ],
    [
      'sub-headings (Canary missing)',
      HEADINGS.replace(/### Canary[\s\S]*?(?=### Full)/, ''),
      'Add a Canary stage sub-heading',
      'No Canary stage: add a sub-heading',
      ['', '### Canary', '', '<duration> at <traffic>.', '', '- Promote when: <pass criteria>', '- Roll back if: <rollback trigger>'],
      { '<duration>': '7 days', '<traffic>': CANARY_TRAFFIC },
    ],
  ];
  for (const [name, stages, title, message, inserted, values, renumbered = (line: string) => line] of cases) {
    it(`${name}: the stage's name and placeholders, in the list's own style; the file fails until they are filled`, () => {
      const text = edit(VALID, TABLE, stages);
      const finding = onlyFinding(text, 'RDY401');
      assert.ok(finding.message.startsWith(message), finding.message);
      assert.deepEqual(finding.fixes.map((fix) => [fix.title, fix.safe]), [[title, false]]);
      const fix = finding.fixes[0];
      // The snippet form selects each placeholder in turn, brackets kept: untouched, it is still a placeholder.
      // Tab ends ($0) at the end of the new stage, before any renumbered item the same edit rewrites.
      const snippet = fix.snippetEdits![0].newText;
      const unwrapped = (text: string) => text.replace(/\$\{\d+:(<[^>]+>)\}/g, '$1').replace(/\\([$}\\])/g, '$1');
      const end = snippet.search(/(?<!\\)\$0/);
      assert.ok(unwrapped(snippet.slice(0, end)).endsWith(inserted.filter((line) => line.trim()).at(-1)!), snippet);
      assert.equal(unwrapped(snippet.slice(0, end) + snippet.slice(end + 2)), fix.edits[0].newText);
      assert.match(fix.snippetEdits![0].newText, /\$\{1:<[a-z ]+>\}[\s\S]*\$\{4:<[a-z ]+>\}/);
      // Tab goes forward through the text: the stops are numbered in reading order.
      assert.deepEqual([...fix.snippetEdits![0].newText.matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1])), [1, 2, 3, 4]);
      const fixed = applyFix(text, finding, title);
      const before = section(text).map(renumbered);
      const after = section(fixed);
      // The fix inserts exactly these lines somewhere in §4 and changes nothing else (but the numbers after it).
      const places = before.map((_, k) => k).filter((k) => JSON.stringify([...before.slice(0, k), ...inserted, ...before.slice(k)]) === JSON.stringify(after));
      assert.ok(places.length > 0, after.join('\n'));
      // The stage is there now, but its placeholders are errors until the author writes the values.
      assert.deepEqual(withCode(check(fixed), 'RDY401'), []);
      const placeholders = withCode(check(fixed), 'RDY001').map((d) => textAt(fixed, d.range));
      assert.deepEqual(placeholders.sort(), ['<duration>', '<pass criteria>', '<rollback trigger>', '<traffic>']);
      assert.ok(errors(fixed).length >= 4);
      let filled = fixed;
      for (const [placeholder, value] of Object.entries({ ...values, '<pass criteria>': 'parity within ±1% on `f1_buy`', '<rollback trigger>': 'any P1 alert' })) filled = filled.replace(placeholder, value);
      for (const code of CODES) assert.deepEqual(withCode(check(filled), code).map(messageText), [], code);
      assert.deepEqual(withCode(check(filled), 'RDY001'), []);
    });
  }
});

describe('a missing stage in a numbered list: the numbers after it move up, as a person renumbers', () => {
  const SHADOW = '1. **Shadow** — 14 days, 0% (predictions logged, not acted); pass criteria: parity within ±1%; rollback: any P1 alert';
  const FULL = `**Full** — after committee sign-off: ${FULL_CRITERIA}; rollback: per ADR-26 oncall procedure`;
  const listOf = (items: string[]) => items.join('\n');
  const fixedSection = (stages: string) => {
    const text = edit(VALID, TABLE, stages);
    const fixed = applyFix(text, onlyFinding(text, 'RDY401'), 'Add a Canary stage item');
    return fixed.split('\n').filter((line) => /^\s*\d+[.)] /.test(line));
  };

  it('`1. Shadow`, `2. Full`: Canary is 2, Full becomes 3', () => {
    assert.deepEqual(fixedSection(listOf([SHADOW, `2. ${FULL}`])).map((line) => line.slice(0, 14)), ['1. **Shadow** ', '2. **Canary** ', '3. **Full** — ']);
  });

  it('a list numbered `1.` throughout stays so: the new item is `1.` and nothing else changes', () => {
    assert.deepEqual(fixedSection(listOf([SHADOW, `1. ${FULL}`])).map((line) => line.slice(0, 14)), ['1. **Shadow** ', '1. **Canary** ', '1. **Full** — ']);
  });

  it('`1)` numbering and CRLF line ends are kept', () => {
    const text = edit(VALID, TABLE, listOf([SHADOW.replace('1.', '1)'), `2) ${FULL}`])).replace(/\n/g, '\r\n');
    const fixed = applyFix(text, onlyFinding(text, 'RDY401'), 'Add a Canary stage item');
    assert.match(fixed, /\r\n1\) \*\*Shadow\*\*[^\r\n]*\r\n2\) \*\*Canary\*\* — <duration>[^\r\n]*\r\n3\) \*\*Full\*\*/);
    assert.doesNotMatch(fixed, /[^\r]\n/, 'every line still ends in CRLF');
  });
});

describe('§4 sub-headings: numbered, named in words, with the values under them', () => {
  const NUMBERED = HEADINGS.replace('### Shadow', '### 1. Shadow stage (dark launch)').replace('### Canary', '### Stage 2: Canary').replace('### Full', '### 3) Full rollout');

  it('reads `### 1. Shadow stage (dark launch)`, `### Stage 2: Canary` and `### 3) Full rollout` as the three stages', () => {
    const text = edit(VALID, TABLE, NUMBERED);
    for (const code of CODES) assert.deepEqual(withCode(check(text), code).map(messageText), [], code);
    const short = edit(text, '14 days at 0%', '3 days at 0%');
    const diag = only(short, 'RDY402');
    assert.equal(textAt(short, diag.range), '3 days');
  });

  it('a missing numbered sub-heading is written with the number of its place', () => {
    const text = edit(VALID, TABLE, NUMBERED.replace(/### Stage 2: Canary[\s\S]*?(?=### 3\))/, ''));
    const fixed = applyFix(text, onlyFinding(text, 'RDY401'), 'Add a Canary stage sub-heading');
    assert.ok(fixed.includes('\n\n### 2. Canary\n\n<duration> at <traffic>.\n\n- Promote when: <pass criteria>\n- Roll back if: <rollback trigger>\n\n### 3) Full rollout'), section(fixed));
  });

  it('a heading in a code block is no stage', () => {
    const fenced = edit(VALID, TABLE, ['```', '### Shadow', '7 days', '```'].join('\n'));
    assert.equal(withCode(check(fenced), 'RDY004').length, 1);
  });
});

function section(text: string): string {
  const all = text.split('\n');
  return all.slice(all.findIndex((l) => /^## 4\./.test(l)), all.findIndex((l) => /^## 5\./.test(l))).join('\n');
}

describe('shadow traffic in words', () => {
  const shadowRow = VALID.split('\n').find((line) => line.startsWith('| Shadow |'))!;
  const traffic = shadowRow.split('|')[2].trim();
  it('"live traffic, no orders placed" acts on nothing: a shadow; "live traffic" alone is reported', () => {
    const none = edit(VALID, shadowRow, shadowRow.replace(traffic, 'live traffic, no orders placed'));
    assert.deepEqual(withCode(check(none), 'RDY402'), []);
    const live = edit(VALID, shadowRow, shadowRow.replace(traffic, 'live traffic'));
    assert.match(messageText(only(live, 'RDY402')), /^Shadow traffic is "live traffic"/);
    const share = edit(VALID, shadowRow, shadowRow.replace(traffic, '10% of traffic, no orders placed'));
    assert.match(messageText(only(share, 'RDY402')), /^Shadow traffic is "10% of traffic/);
  });
});
