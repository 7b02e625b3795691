// Header rules RDY101–RDY105 (RULES.md H1–H5): title, Story links, Owner, Filled on, committee review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText, applyFix, at, check, edit, only, onlyFinding, plain, readExample, readFixture, readTemplate, textAt, withCode } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const HEADER_CODES = ['RDY101', 'RDY102', 'RDY103', 'RDY104', 'RDY105'];

/**
 * Errors of the fixed text, outside the inserted lines, beyond those of the same rules before the fix
 * (lines move and a message may name the new value, so errors are counted per rule).
 */
function addedErrorsPerRule(before: string, after: string, insertedLines: number[]): string[] {
  const old = new Map<string, number>();
  for (const d of check(before).filter((x) => x.severity === 1)) old.set(String(d.code), (old.get(String(d.code)) ?? 0) + 1);
  const added: string[] = [];
  for (const d of check(after).filter((x) => x.severity === 1 && !insertedLines.includes(x.range.start.line))) {
    const left = old.get(String(d.code)) ?? 0;
    if (left > 0) old.set(String(d.code), left - 1);
    else added.push(`${d.code} ${d.message}`);
  }
  return added;
}

test('the valid example and the raw template give no header diagnostic', () => {
  for (const code of HEADER_CODES) assert.deepEqual(withCode(check(VALID), code), [], code);
  // The template's header holds only placeholders: RDY001 reports them, the header rules stay silent.
  const template = readTemplate();
  for (const code of HEADER_CODES) assert.deepEqual(withCode(check(template), code), [], `template ${code}`);
  assert.ok(withCode(check(template), 'RDY001').length > 5);
});

test('a broken header gives one diagnostic per problem, each on its exact range', () => {
  const text = readFixture('header/broken-header.md');
  const diags = check(text);
  const h1 = only(text, 'RDY101');
  assert.equal(at(h1.range), '0:20-0:29');
  assert.equal(textAt(text, h1.range), 'CVN-11-S1');
  assert.match(h1.message, /"CVN-11-S1" is not a story id \(e\.g\. CVN-N011-EA-S11\)/);
  // The Story's id cannot differ from a title id that is not one: RDY102 only says what the line lacks.
  const h2 = only(text, 'RDY102');
  assert.equal(textAt(text, h2.range), 'CVN-N099-FX-S01 — see the issue');
  assert.match(h2.message, /lacks a GitHub issue link .* and an OP work package/);
  const h3 = only(text, 'RDY103');
  assert.match(h3.message, /names 2 handles \(@ana-m, @li-wei\): keep exactly one/);
  const h4 = only(text, 'RDY104');
  assert.equal(at(h4.range), '4:15-4:25');
  assert.match(h4.message, /2026-02-30 is not a real date: February 2026 has 28 days/);
  const h5 = withCode(diags, 'RDY105').map(plain);
  assert.deepEqual(
    h5.map((d) => textAt(text, d.range)),
    ['TBD', 'REJECT'],
  );
  assert.match(h5[0].message, /names no session id \("TBD" is a word, not an id\)/);
  assert.match(h5[1].message, /Verdict "REJECT" does not allow the merge: only OK or OK-WITH-CHANGES/);
});

// ---- RDY101 title-story-id (H1)

test('RDY101 accepts an em dash, an en dash or a hyphen after "MLOps readiness"', () => {
  assert.ok(VALID.startsWith('# MLOps readiness — CVN'));
  for (const dash of ['–', '-', '--']) {
    const text = edit(VALID, 'MLOps readiness — CVN', `MLOps readiness ${dash} CVN`);
    assert.deepEqual(withCode(check(text), 'RDY101'), [], dash);
  }
});

test('RDY101 reads a story id in a code span, in bold or as a link as the id it shows', () => {
  const forms = ['`CVN-N011-EA-S11`', '**CVN-N011-EA-S11**', '[CVN-N011-EA-S11](https://op.example.com/work_packages/92)'];
  for (const form of forms) {
    const text = edit(VALID, 'MLOps readiness — CVN-N011-EA-S11', `MLOps readiness — ${form}`);
    assert.deepEqual(withCode(check(text), 'RDY101'), [], form);
    // RDY102 compares the Story line's id with the title's: still the same id.
    assert.deepEqual(withCode(check(text), 'RDY102'), [], `RDY102 ${form}`);
  }
  // The id in backticks with no Story title after it is still reported, on the id without its backticks.
  const bare = edit(VALID, /^# MLOps readiness — CVN-N011-EA-S11 .*$/m, '# MLOps readiness — `CVN-N011-EA-S11`');
  const d = only(bare, 'RDY101');
  assert.equal(at(d.range), '0:21-0:36');
  assert.equal(textAt(bare, d.range), 'CVN-N011-EA-S11');
  // A code span holding something else is still not a story id.
  const wrong = edit(VALID, 'MLOps readiness — CVN-N011-EA-S11', 'MLOps readiness — `CVN-11-S1`');
  assert.match(only(wrong, 'RDY101').message, /is not a story id/);
});

test('RDY102 reads a Story line whose id is in a code span, in bold or a link', () => {
  for (const form of ['`CVN-N011-EA-S11`', '**CVN-N011-EA-S11**', '[CVN-N011-EA-S11](https://op.example.com/work_packages/92)']) {
    const text = edit(VALID, '**Story**: CVN-N011-EA-S11', `**Story**: ${form}`);
    assert.deepEqual(withCode(check(text), 'RDY102'), [], form);
  }
  const other = edit(VALID, '**Story**: CVN-N011-EA-S11', '**Story**: `CVN-N011-EA-S12`');
  const d = only(other, 'RDY102');
  assert.equal(at(d.range), '2:12-2:27');
  assert.match(d.message, /names "CVN-N011-EA-S12" but the title names "CVN-N011-EA-S11"/);
});

test('RDY101 reads "MLOps readiness" in bold, in italics or as a link as the words it shows', () => {
  const forms = ['**MLOps readiness** —', '*MLOps readiness* —', '_MLOps readiness_ —', '**MLOps readiness —**', '[MLOps readiness](https://wiki.example.com/mlops) —'];
  for (const form of forms) {
    const text = edit(VALID, 'MLOps readiness —', form);
    assert.deepEqual(withCode(check(text), 'RDY101'), [], form);
    assert.deepEqual(withCode(check(text), 'RDY102'), [], `RDY102 ${form}`);
  }
  // The words in bold with a colon: reported on the words, and the fix keeps the bold.
  const colon = edit(VALID, 'MLOps readiness —', '**MLOps readiness:**');
  const d = only(colon, 'RDY101');
  assert.equal(textAt(colon, d.range), 'MLOps readiness');
  const fixed = applyFix(colon, onlyFinding(colon, 'RDY101'));
  assert.match(fixed, /^# \*\*MLOps readiness\*\* — CVN-N011-EA-S11 /);
  assert.deepEqual(withCode(check(fixed), 'RDY101'), []);
  // Bold words that are not the title's are still no readiness title.
  const other = edit(VALID, 'MLOps readiness —', '**Readiness** —');
  assert.match(only(other, 'RDY101').message, /must start with "MLOps readiness — "/);
});

test('RDY102 a story id only inside a link\'s target is not seen: reported on it, and the text must name it', () => {
  const text = edit(VALID, '**Story**: CVN-N011-EA-S11 — ', '**Story**: [the Story](https://op.example.com/stories/CVN-N011-EA-S11) — ');
  const d = only(text, 'RDY102');
  assert.equal(textAt(text, d.range), 'CVN-N011-EA-S11');
  assert.match(d.message, /only inside a link's target, which a reader does not see: write the Story's id "CVN-N011-EA-S11" in the line's text/);
  // The same link whose text shows the id passes; so does a bare URL, which a reader sees.
  const shown = edit(VALID, '**Story**: CVN-N011-EA-S11 — ', '**Story**: [CVN-N011-EA-S11](https://op.example.com/stories/CVN-N011-EA-S11) — ');
  assert.deepEqual(withCode(check(shown), 'RDY102'), []);
  const bare = edit(VALID, '**Story**: CVN-N011-EA-S11 — ', '**Story**: https://op.example.com/stories/CVN-N011-EA-S11 — ');
  assert.deepEqual(withCode(check(bare), 'RDY102'), []);
  // An issue link's target still counts as the link: `[#812](…/issues/812)` is the issue.
  const issue = edit(VALID, 'GH issue [#812]', 'GH issue [the bug]');
  assert.deepEqual(withCode(check(issue), 'RDY102'), []);
});

test('RDY101 reports a title without a Story title after the id', () => {
  const text = edit(VALID, /^# MLOps readiness — CVN-N011-EA-S11 .*$/m, '# MLOps readiness — CVN-N011-EA-S11');
  const d = only(text, 'RDY101');
  assert.equal(at(d.range), '0:20-0:35');
  assert.match(d.message, /no Story title after "CVN-N011-EA-S11"/);
});

test('RDY101 reports a story id that is not right after the dash', () => {
  const text = edit(VALID, 'MLOps readiness — CVN-N011-EA-S11 Label smoothing', 'MLOps readiness — Label smoothing CVN-N011-EA-S11');
  const d = only(text, 'RDY101');
  assert.equal(textAt(text, d.range), 'CVN-N011-EA-S11');
  assert.match(d.message, /must come right after "MLOps readiness — "/);
});

test('RDY101 missing dash: the safe fix inserts " — " and the error goes', () => {
  const text = edit(VALID, 'MLOps readiness — CVN', 'MLOps readiness: CVN');
  const d = only(text, 'RDY101');
  assert.equal(at(d.range), '0:2-0:17');
  assert.match(d.message, /with a dash/);
  const f = onlyFinding(text, 'RDY101');
  assert.equal(f.fixes[0].safe, true);
  const fixed = applyFix(text, f, 'Insert " — "');
  assert.equal(fixed, VALID);
});

test('RDY101 title without "MLOps readiness": the fix prefixes it when it starts with the story id', () => {
  const text = edit(VALID, '# MLOps readiness — CVN', '# CVN');
  const d = only(text, 'RDY101');
  assert.equal(at(d.range), '0:2-0:64');
  assert.match(d.message, /must start with "MLOps readiness — "/);
  assert.equal(applyFix(text, onlyFinding(text, 'RDY101'), 'Prefix'), VALID);
});

test('RDY101 missing title: error at line 0, the fix inserts a title with the Story\'s id', () => {
  const text = VALID.split('\n').slice(2).join('\n');
  const d = only(text, 'RDY101');
  assert.equal(at(d.range), '0:0-0:107');
  assert.match(d.message, /no title: start it with "# MLOps readiness — <story id> <title>"/);
  const f = onlyFinding(text, 'RDY101');
  assert.notEqual(f.fixes[0].safe, true, 'the author must type the title');
  assert.match(f.fixes[0].snippetEdits![0].newText, /\$\{1:title\}/);
  const fixed = applyFix(text, f);
  assert.equal(fixed.split('\n')[0], '# MLOps readiness — CVN-N011-EA-S11 <title>');
  assert.deepEqual(withCode(check(fixed), 'RDY101'), []);
  assert.deepEqual(withCode(check(fixed), 'RDY001').map((x) => at(x.range)), ['0:36-0:43']);
  assert.deepEqual(addedErrorsPerRule(text, fixed, [0, 1]), []);
});

test('RDY101 option storyIdPattern changes which ids are accepted', () => {
  const config = { rules: { RDY101: { storyIdPattern: 'PROJ-\\d+' } } };
  assert.match(only(VALID, 'RDY101', { config }).message, /"CVN-N011-EA-S11" is not a story id \(matching \/PROJ-\\d\+\/\)/);
  const text = edit(VALID, 'readiness — CVN-N011-EA-S11', 'readiness — PROJ-42');
  assert.deepEqual(withCode(check(text, { config }), 'RDY101'), []);
  assert.equal(withCode(check(text), 'RDY101').length, 1);
});

// ---- RDY102 story-links (H2)

test('RDY102 accepts an issue URL or #123, and wp#92 or an OP work package URL', () => {
  const story = /^\*\*Story\*\*: .*$/m;
  for (const value of [
    'CVN-N011-EA-S11 — https://github.com/cvn-trading/cvntrade/issues/812 + wp#92',
    'CVN-N011-EA-S11 — GH #812 + https://op.cvn-trading.com/projects/ml/work_packages/92',
    'CVN-N011-EA-S11 — cvn-trading/cvntrade#812, OP WP #92',
  ]) {
    assert.deepEqual(withCode(check(edit(VALID, story, `**Story**: ${value}`)), 'RDY102'), [], value);
  }
});

test('RDY102 says exactly which link is missing', () => {
  const noIssue = edit(VALID, / — GH issue \[#812\]\(https:\/\/github\.com\/cvn-trading\/cvntrade\/issues\/812\)/, ' —');
  const d1 = only(noIssue, 'RDY102');
  assert.equal(at(d1.range), '2:11-2:39');
  assert.equal(textAt(noIssue, d1.range), 'CVN-N011-EA-S11 — + OP wp#92');
  assert.match(d1.message, /lacks a GitHub issue link \(`#812` or the issue URL\): add it/);
  assert.doesNotMatch(d1.message, /work package/);
  const noWp = edit(VALID, ' + OP wp#92', '');
  const d2 = only(noWp, 'RDY102');
  assert.match(d2.message, /lacks an OP work package \(`wp#92` or the work package URL\)/);
  assert.doesNotMatch(d2.message, /GitHub/);
});

test('RDY102 a Story id different from the title\'s is an error with related information on the title', () => {
  const text = edit(VALID, '**Story**: CVN-N011-EA-S11', '**Story**: CVN-N011-EA-S12');
  const d = only(text, 'RDY102');
  assert.equal(at(d.range), '2:11-2:26');
  assert.match(d.message, /names "CVN-N011-EA-S12" but the title names "CVN-N011-EA-S11": write the same story id/);
  assert.equal(d.relatedInformation?.length, 1);
  assert.equal(at(d.relatedInformation![0].location.range), '0:20-0:35');
  assert.equal(d.relatedInformation![0].location.uri, 'file:///workspace/documentation/readiness/CVN-N011-EA-S11.md');
});

test('RDY102 a Story line without any story id', () => {
  const text = edit(VALID, '**Story**: CVN-N011-EA-S11 — ', '**Story**: ');
  assert.match(only(text, 'RDY102').message, /names no story id: start it with the Story's id "CVN-N011-EA-S11"/);
});

test('RDY102 missing Story line: error on the title, the fix inserts it under the title', () => {
  const text = edit(VALID, /^\*\*Story\*\*: .*\n/m, '');
  const d = only(text, 'RDY102');
  assert.equal(at(d.range), '0:0-0:82');
  assert.match(d.message, /no "Story" line/);
  const f = onlyFinding(text, 'RDY102');
  assert.notEqual(f.fixes[0].safe, true);
  const fixed = applyFix(text, f);
  assert.equal(fixed.split('\n')[2], '**Story**: CVN-N011-EA-S11 — GH issue #<issue> + OP wp#<number>');
  assert.deepEqual(withCode(check(fixed), 'RDY102'), []);
  assert.deepEqual(addedErrorsPerRule(text, fixed, [2]), []);
});

test('RDY102 options issuePattern and workPackagePattern change what counts as a link', () => {
  const config = { rules: { RDY102: { issuePattern: 'JIRA-\\d+', workPackagePattern: 'wp#\\d+' } } };
  assert.match(only(VALID, 'RDY102', { config }).message, /lacks a GitHub issue link/);
  const text = edit(VALID, /GH issue \[#812\]\([^)]*\)/, 'JIRA-812');
  assert.deepEqual(withCode(check(text, { config }), 'RDY102'), []);
  const wpConfig = { rules: { RDY102: { workPackagePattern: 'OP-\\d+' } } };
  assert.match(only(VALID, 'RDY102', { config: wpConfig }).message, /lacks an OP work package/);
});

test('RDY102 uses RDY101\'s storyIdPattern', () => {
  const config = { rules: { RDY101: { storyIdPattern: 'PROJ-\\d+' } } };
  const text = edit(edit(VALID, 'readiness — CVN-N011-EA-S11', 'readiness — PROJ-42'), '**Story**: CVN-N011-EA-S11', '**Story**: PROJ-43');
  assert.match(only(text, 'RDY102', { config }).message, /names "PROJ-43" but the title names "PROJ-42"/);
});

// ---- RDY103 owner-handle (H3)

test('RDY103 accepts one handle, with or without @, with a parenthesised remark', () => {
  for (const value of ['@ana-m', 'ana-m', '`@ana-m` (DRI, also on call for @li-wei)']) {
    assert.deepEqual(withCode(check(edit(VALID, /^\*\*Owner\*\*: .*$/m, `**Owner**: ${value}`)), 'RDY103'), [], value);
  }
});

test('RDY103 reports a team, a name that is no handle, and an empty owner', () => {
  const team = edit(VALID, '**Owner**: @ana-m', '**Owner**: @cvn/ml-platform');
  const d1 = only(team, 'RDY103');
  assert.equal(textAt(team, d1.range), '@cvn/ml-platform');
  assert.match(d1.message, /one person, not a team/);
  const name = edit(VALID, /^\*\*Owner\*\*: .*$/m, '**Owner**: Ana Martins');
  const d2 = only(name, 'RDY103');
  assert.equal(at(d2.range), '3:11-3:22');
  assert.match(d2.message, /"Ana Martins" is not a GitHub handle: write the owner's handle/);
  const empty = edit(VALID, /^\*\*Owner\*\*: .*$/m, '**Owner**:');
  assert.match(only(empty, 'RDY103').message, /"Owner" line is empty/);
});

test('RDY103 missing Owner line: the fix inserts it after Story with §6\'s DRI', () => {
  const text = edit(VALID, /^\*\*Owner\*\*: .*\n/m, '');
  const d = only(text, 'RDY103');
  assert.equal(at(d.range), '0:0-0:82');
  const fixed = applyFix(text, onlyFinding(text, 'RDY103'));
  assert.equal(fixed, VALID);
});

// ---- RDY104 filled-on-date (H4)

test('RDY104 says why a date does not exist', () => {
  const cases: Array<[string, RegExp]> = [
    ['2026-13-01', /there is no month 13/],
    ['2026-04-31', /April 2026 has 30 days/],
    ['2027-02-29', /February 2027 has 28 days/],
    ['2026-05-00', /days start at 01/],
  ];
  for (const [date, why] of cases) {
    const d = only(edit(VALID, '**Filled on**: 2026-11-02', `**Filled on**: ${date}`), 'RDY104');
    assert.equal(at(d.range), '4:15-4:25');
    assert.match(d.message, why, date);
  }
  assert.deepEqual(withCode(check(edit(VALID, '**Filled on**: 2026-11-02', '**Filled on**: 2024-02-29')), 'RDY104'), []);
});

test('RDY104 reports a date after today, and a value that is not YYYY-MM-DD', () => {
  const future = edit(VALID, '**Filled on**: 2026-11-02', '**Filled on**: 2026-11-27');
  assert.match(only(future, 'RDY104').message, /2026-11-27 is 1 day after today \(2026-11-26\)/);
  assert.deepEqual(withCode(check(future, { today: '2026-11-27' }), 'RDY104'), []);
  const slashes = edit(VALID, '**Filled on**: 2026-11-02', '**Filled on**: 02/11/2026');
  const d = only(slashes, 'RDY104');
  assert.equal(at(d.range), '4:15-4:25');
  assert.match(d.message, /"02\/11\/2026" is not a date in the form YYYY-MM-DD/);
});

test('RDY104 a date written with its month name: the error suggests its ISO form, the fix writes it', () => {
  for (const written of ['2 Nov 2026', 'November 2, 2026', '2nd November 2026', 'Nov. 2 2026']) {
    const text = edit(VALID, '**Filled on**: 2026-11-02', `**Filled on**: ${written}`);
    const d = only(text, 'RDY104');
    assert.equal(at(d.range), `4:15-4:${15 + written.length}`, written);
    assert.equal(d.message, `"${written}" is not in the form YYYY-MM-DD the template asks for: write it as 2026-11-02.`);
    const f = onlyFinding(text, 'RDY104');
    assert.equal(f.fixes[0].title, 'Write the date as 2026-11-02');
    assert.equal(f.fixes[0].safe, true);
    const fixed = applyFix(text, f);
    assert.equal(fixed, VALID, written);
    assert.deepEqual(withCode(check(fixed), 'RDY104'), []);
  }
  // The fix keeps what stands around the date.
  const noted = edit(VALID, '**Filled on**: 2026-11-02', '**Filled on**: 2 Nov 2026 (after the committee)');
  assert.equal(applyFix(noted, onlyFinding(noted, 'RDY104')).split('\n')[4], '**Filled on**: 2026-11-02 (after the committee)');
  // A day that does not exist, or a numeric form whose day and month order is unknown, gets no suggestion.
  for (const written of ['31 Nov 2026', '02/11/2026']) {
    const text = edit(VALID, '**Filled on**: 2026-11-02', `**Filled on**: ${written}`);
    const d = only(text, 'RDY104');
    assert.match(d.message, /is not a date in the form YYYY-MM-DD/, written);
    assert.deepEqual(onlyFinding(text, 'RDY104').fixes, [], written);
  }
});

test('RDY104 option futureToleranceDays allows dates a few days ahead', () => {
  const text = edit(VALID, '**Filled on**: 2026-11-02', '**Filled on**: 2026-11-28');
  assert.equal(withCode(check(text), 'RDY104').length, 1);
  assert.deepEqual(withCode(check(text, { config: { rules: { RDY104: { futureToleranceDays: 2 } } } }), 'RDY104'), []);
});

test('RDY104 missing Filled on line: the fix inserts the line after Owner, its date left for the author', () => {
  const text = edit(VALID, /^\*\*Filled on\*\*: .*\n/m, '');
  const f = onlyFinding(text, 'RDY104');
  assert.match(f.message, /add `\*\*Filled on\*\*: 2026-11-26` \(the day you filled the file\)/);
  const fixed = applyFix(text, f);
  assert.equal(fixed.split('\n')[4], '**Filled on**: YYYY-MM-DD');
  // The day the file was filled is the author's to give: an error until written.
  assert.deepEqual(withCode(check(fixed), 'RDY001').map((d) => textAt(fixed, d.range)), ['YYYY-MM-DD']);
  assert.deepEqual(withCode(check(fixed), 'RDY104'), [], 'the placeholder is RDY001\'s');
  assert.equal(f.fixes[0].snippetEdits?.[0].newText.includes('**Filled on**: ${1:YYYY-MM-DD}'), true);
  assert.deepEqual(addedErrorsPerRule(text, fixed, [4]), []);
  assert.deepEqual(withCode(check(edit(fixed, 'YYYY-MM-DD', '2026-11-20')), 'RDY001'), []);
});

// ---- RDY105 committee-review (H5)

test('RDY105 accepts the session id forms and both verdicts', () => {
  for (const value of ['session 2026-11-03-a (verdict OK)', 'session #41 (verdict OK-WITH-CHANGES)', 'session abc123, verdict: OK']) {
    const text = edit(VALID, /^\*\*Reviewed by committee\*\*: .*$/m, `**Reviewed by committee**: ${value}`);
    assert.deepEqual(withCode(check(text), 'RDY105'), [], value);
  }
});

test('RDY105 reads "OK with changes" in any case and joined by spaces or hyphens as OK-WITH-CHANGES', () => {
  const line = /^\*\*Reviewed by committee\*\*: .*$/m;
  for (const value of ['session 2026-11-03-a (verdict: OK with changes)', 'session 2026-11-03-a — OK-with-changes', 'session 2026-11-03-a (ok_with_changes)']) {
    assert.deepEqual(withCode(check(edit(VALID, line, `**Reviewed by committee**: ${value}`)), 'RDY105'), [], value);
  }
  // Read as the verdict with changes, not as OK: beside a plain OK, those are two verdicts.
  const both = edit(VALID, line, '**Reviewed by committee**: session 2026-11-03-a (verdict OK with changes; first pass OK)');
  assert.match(only(both, 'RDY105').message, /gives 2 verdicts \(OK-WITH-CHANGES, OK\)/);
});

test('RDY105 reads an id-shaped token as the session without the word "session"; a bare date or a word is none', () => {
  const line = /^\*\*Reviewed by committee\*\*: .*$/m;
  for (const value of ['pr_review-2026-11-09-02 — OK', 'committee pr_review-2026-11-09-02, verdict OK-WITH-CHANGES', '2026-11-03-a (verdict OK)']) {
    assert.deepEqual(withCode(check(edit(VALID, line, `**Reviewed by committee**: ${value}`)), 'RDY105'), [], value);
  }
  for (const value of ['2026-11-09 (verdict OK)', 'yes (verdict OK)', 'see https://op.example.com/x-1a (verdict OK)']) {
    assert.match(only(edit(VALID, line, `**Reviewed by committee**: ${value}`), 'RDY105').message, /names no session id/, value);
  }
});

test('RDY105 reports a missing session id, a missing verdict and two verdicts', () => {
  const line = /^\*\*Reviewed by committee\*\*: .*$/m;
  const noSession = edit(VALID, line, '**Reviewed by committee**: yes (verdict OK)');
  const d1 = only(noSession, 'RDY105');
  assert.equal(at(d1.range), '5:27-5:43');
  assert.match(d1.message, /names no session id: write `session <id>`/);
  const noVerdict = edit(VALID, line, '**Reviewed by committee**: session 2026-11-03-a');
  const d2 = only(noVerdict, 'RDY105');
  assert.equal(at(d2.range), '5:27-5:47');
  assert.match(d2.message, /gives no verdict: add `\(verdict OK\)`/);
  const both = edit(VALID, line, '**Reviewed by committee**: session 2026-11-03-a (verdict OK and OK-WITH-CHANGES)');
  const d3 = only(both, 'RDY105');
  assert.equal(textAt(both, d3.range), 'OK-WITH-CHANGES');
  assert.match(d3.message, /gives 2 verdicts \(OK, OK-WITH-CHANGES\): keep only the one/);
  const other = edit(VALID, line, '**Reviewed by committee**: session 2026-11-03-a (verdict approved)');
  assert.match(only(other, 'RDY105').message, /Verdict "approved" does not allow the merge/);
});

test('RDY105 a word after "session" is not a session id: the message says the id is missing and what one looks like', () => {
  const line = /^\*\*Reviewed by committee\*\*: .*$/m;
  const notes = edit(VALID, line, '**Reviewed by committee**: session notes in the OP Story (verdict OK)');
  const d = only(notes, 'RDY105');
  assert.equal(textAt(notes, d.range), 'notes');
  assert.equal(
    d.message,
    'The committee review names no session id ("notes" is a word, not an id): write `session <id>` with the pr_review session\'s id, ' +
      'a token with digits or joined by "-" or "_" such as `pr_review-2026-10-30-04`, e.g. `session 2026-11-03-a (verdict OK)`.',
  );
  // Without a verdict either, both are said.
  const bare = edit(VALID, line, '**Reviewed by committee**: (session notes in the OP Story)');
  const both = withCode(check(bare), 'RDY105').map(plain);
  assert.equal(both.length, 2);
  assert.ok(both.some((x) => /names no session id \("notes" is a word, not an id\)/.test(x.message) && textAt(bare, x.range) === 'notes'));
  assert.ok(both.some((x) => /gives no verdict/.test(x.message)));
  // Ids with digits, or joined by "-" / "_", are still read as ids.
  for (const value of ['session pr_review-2026-10-30-04 (verdict OK)', 'session `pr_review-2026-10-30-04` (verdict OK)', 'session id: abc123 — verdict OK']) {
    assert.deepEqual(withCode(check(edit(VALID, line, `**Reviewed by committee**: ${value}`)), 'RDY105'), [], value);
  }
  // An id-like token the configured pattern refuses is still "not a committee session id".
  const joined = edit(VALID, line, '**Reviewed by committee**: session pr_review-a (verdict OK)');
  assert.match(only(joined, 'RDY105').message, /"pr_review-a" is not a committee session id/);
});

test('RDY105 stays silent about the placeholder part but checks the rest', () => {
  const line = /^\*\*Reviewed by committee\*\*: .*$/m;
  const idPlaceholder = edit(VALID, line, '**Reviewed by committee**: session <id> (verdict REJECT)');
  const d = only(idPlaceholder, 'RDY105');
  assert.match(d.message, /Verdict "REJECT"/);
  const verdictPlaceholder = edit(VALID, line, '**Reviewed by committee**: session 2026-11-03-a (verdict OK / OK-WITH-CHANGES)');
  assert.deepEqual(withCode(check(verdictPlaceholder), 'RDY105'), []);
  assert.equal(withCode(check(verdictPlaceholder), 'RDY001').length, 1);
});

test('RDY105 options verdicts and sessionIdPattern', () => {
  const line = /^\*\*Reviewed by committee\*\*: .*$/m;
  const approved = edit(VALID, line, '**Reviewed by committee**: session 2026-11-03-a (verdict APPROVED)');
  assert.equal(withCode(check(approved), 'RDY105').length, 1);
  assert.deepEqual(withCode(check(approved, { config: { rules: { RDY105: { verdicts: ['APPROVED'] } } } }), 'RDY105'), []);
  const strict = { rules: { RDY105: { sessionIdPattern: 'pr_review-\\d{4}-\\d{2}-\\d{2}-\\d{2}' } } };
  assert.deepEqual(withCode(check(VALID, { config: strict }), 'RDY105'), []);
  const loose = edit(VALID, line, '**Reviewed by committee**: session abc123 (verdict OK)');
  assert.match(only(loose, 'RDY105', { config: strict }).message, /"abc123" is not a committee session id/);
});

test('RDY105 missing line: the fix inserts the template line at the end of the header', () => {
  const text = edit(VALID, /^\*\*Reviewed by committee\*\*: .*\n/m, '');
  const d = only(text, 'RDY105');
  assert.equal(at(d.range), '0:0-0:82');
  const f = onlyFinding(text, 'RDY105');
  const fixed = applyFix(text, f);
  assert.equal(fixed.split('\n')[5], '**Reviewed by committee**: session <id> (verdict OK / OK-WITH-CHANGES)');
  assert.deepEqual(withCode(check(fixed), 'RDY105'), []);
  assert.deepEqual(addedErrorsPerRule(text, fixed, [5]), []);
});

test('a file without any header: every missing field is reported at line 0 and all fixes together rebuild a header', () => {
  const text = readFixture('header/no-header.md');
  const diags = check(text).filter((d) => HEADER_CODES.includes(String(d.code)));
  assert.match(analyseText(text, { path: 'notes/readiness.md' }).findings.find((f) => f.rule.code === 'RDY101')!.fixes[0].edits[0].newText, /^# MLOps readiness — <story id> <title>/);
  assert.deepEqual(diags.map((d) => `${d.code} ${at(d.range)}`).sort(), HEADER_CODES.map((code) => `${code} 0:0-0:34`));
  let fixed = text;
  for (const code of HEADER_CODES) {
    const f = analyseText(fixed).findings.find((x) => x.rule.code === code);
    if (f) fixed = applyFix(fixed, f);
  }
  assert.deepEqual(check(fixed).filter((d) => HEADER_CODES.includes(String(d.code))), []);
  // Every value only the author can give is a placeholder: RDY001 reports each one.
  assert.ok(withCode(check(fixed), 'RDY001').some((d) => textAt(fixed, d.range) === 'YYYY-MM-DD'));
  assert.deepEqual(fixed.split('\n').slice(0, 7), [
    // The story id comes from the file name (documentation/readiness/CVN-N011-EA-S11.md), then from the title.
    '# MLOps readiness — CVN-N011-EA-S11 <title>',
    '',
    '**Story**: CVN-N011-EA-S11 — GH issue #<issue> + OP wp#<number>',
    '**Owner**: <github handle> (DRI for production behaviour of this change)',
    '**Filled on**: YYYY-MM-DD',
    '**Reviewed by committee**: session <id> (verdict OK / OK-WITH-CHANGES)',
    '',
  ]);
});

test('CRLF line ends: ranges hold and inserted lines use CRLF', () => {
  const crlf = edit(VALID, /^\*\*Owner\*\*: .*\n/m, '').replace(/\n/g, '\r\n');
  const f = onlyFinding(crlf, 'RDY103');
  assert.equal(f.fixes[0].edits[0].newText, '**Owner**: @ana-m (DRI for production behaviour of this change)\r\n');
  const bom = '\uFEFF' + edit(VALID, '**Filled on**: 2026-11-02', '**Filled on**: 2026-02-30').replace(/\n/g, '\r\n');
  assert.equal(at(only(bom, 'RDY104').range), '4:15-4:25');
});
