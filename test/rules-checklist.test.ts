// Checklist rules RDY701–RDY704 (RULES.md C1–C3): ticked boxes agree with the sections, the
// requirements files and the committee review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll } from '../server/src/service';
import { parseRequirements } from '../server/src/service/facts/checklist/requirements';
import { analyseText, applyFix, at, check, type CheckOptions, edit, only, onlyFinding, readExample, readFixture, textAt, withCode } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const CODES = ['RDY701', 'RDY702', 'RDY703', 'RDY704'];
const lineOf = (text: string, start: string) => text.split(/\r?\n/).findIndex((l) => l.startsWith(start));
const box = (text: string, start: string) => `${lineOf(text, start)}:2-${lineOf(text, start)}:5`;
const untick = (text: string, start: string) => edit(text, `- [x] ${start}`, `- [ ] ${start}`);

const REQUIREMENTS = {
  'requirements.txt': readFixture('checklist/requirements.txt'),
  'airflow_docker/requirements.txt': readFixture('checklist/airflow-requirements.txt'),
};
const MISSING = { ...REQUIREMENTS, 'airflow_docker/requirements.txt': readFixture('checklist/airflow-requirements-missing.txt') };

const errors = (text: string, options: CheckOptions = {}) => check(text, options).filter((d) => d.severity === 1);

test('the valid example gives no checklist diagnostic, also with both requirements files in agreement', () => {
  for (const code of CODES) {
    assert.deepEqual(withCode(check(VALID), code), [], code);
    assert.deepEqual(withCode(check(VALID, { files: REQUIREMENTS }), code), [], `${code} with requirements`);
  }
});

// ---- RDY701 checklist-consistency (C1, warning)

// A §2 severity left as the template's alternatives: an error only RDY001 reports once §2's own rules are off.
const P1_PLACEHOLDER = edit(VALID, '| P1 | Pagerduty |', '| P1 / P2 / P3 | Pagerduty |');
const ONLY_FILE_RULES = { rules: Object.fromEntries(['RDY201', 'RDY202', 'RDY203', 'RDY204', 'RDY205', 'RDY206', 'RDY207'].map((c) => [c, 'off'])) };

test('RDY701 a ticked box over a section with an error names that error and points at it', () => {
  const d = only(P1_PLACEHOLDER, 'RDY701', { config: ONLY_FILE_RULES as never });
  assert.equal(d.severity, 2);
  assert.equal(at(d.range), box(P1_PLACEHOLDER, '- [x] §2'));
  const placeholderLine = lineOf(P1_PLACEHOLDER, '| `ea_s11_expectancy_negative`');
  assert.match(d.message, new RegExp(`^§2 is ticked, but unfilled placeholder \`P1 / P2 / P3\` in §2's Severity column \\(line ${placeholderLine + 1}, RDY001\\): fix §2, or untick the box\\.$`));
  assert.equal(d.relatedInformation?.length, 1);
  assert.equal(textAt(P1_PLACEHOLDER, d.relatedInformation![0].location.range), 'P1 / P2 / P3');
  assert.equal(d.relatedInformation![0].location.uri, 'file:///workspace/documentation/readiness/CVN-N011-EA-S11.md');
  assert.match(d.relatedInformation![0].message, /^RDY001: Unfilled placeholder/);
});

test('RDY701 quotes the error whole when its quoted value holds a colon', () => {
  const text = edit(VALID, 'warn `> 250 ms` / crit `> 500 ms`', 'p99: 250 ms, sustained');
  const d = withCode(check(text), 'RDY701').find((x) => x.message.startsWith('§1'));
  assert.ok(d, 'the §1 box is reported');
  assert.match(d.message, /^§1 is ticked, but threshold "p99: 250 ms, sustained" gives a single value \(line \d+, RDY114\): fix §1, or untick the box\.$/);
});

test('RDY701 with every rule on: the first error of the section, whatever rule found it, and the count of the others', () => {
  const analysis = analyseText(P1_PLACEHOLDER);
  const line = lineOf(P1_PLACEHOLDER, '- [x] §2');
  const first = analysis.findings
    .filter((f) => f.severity === 'error' && f.range.start.line < line)
    .filter((f) => f.range.start.line >= lineOf(P1_PLACEHOLDER, '## 2.'))
    .filter((f) => f.range.start.line < lineOf(P1_PLACEHOLDER, '## 3.'));
  assert.ok(first.length >= 1);
  const d = only(P1_PLACEHOLDER, 'RDY701');
  assert.deepEqual(d.relatedInformation![0].location.range, first[0].range);
  assert.ok(d.message.includes(`(line ${first[0].range.start.line + 1}, ${first[0].rule.code})`), d.message);
  if (first.length > 1) assert.match(d.message, new RegExp(`, and ${first.length - 1} more errors?: fix §2`));
});

test('RDY701 counts errors only: a section whose errors are downgraded to warnings passes', () => {
  const config = { rules: { ...ONLY_FILE_RULES.rules, RDY001: 'warning' } };
  assert.deepEqual(withCode(check(P1_PLACEHOLDER, { config: config as never }), 'RDY701'), []);
});

test('RDY701 a ticked box whose section is missing; the next section is not blamed for it', () => {
  const start = VALID.indexOf('## 3. Drift detection');
  const text = VALID.slice(0, start) + VALID.slice(VALID.indexOf('## 4. Staged rollout'));
  const d = only(text, 'RDY701');
  assert.equal(at(d.range), box(text, '- [x] §3'));
  assert.match(d.message, /^§3 is ticked, but section "3\. Drift detection \(MUST\)" is missing: add the section, or untick the box\.$/);
  // RDY002 stands on §4's heading, yet §4 has no error of its own.
  assert.equal(withCode(check(text), 'RDY002').length, 1);
  assert.equal(lineOf(text, '## 4.'), withCode(check(text), 'RDY002')[0].range.start.line);
});

test('RDY701 the "Untick" fix removes the warning and adds no error', () => {
  const f = onlyFinding(P1_PLACEHOLDER, 'RDY701');
  assert.equal(f.fixes[0].title, 'Untick the box');
  assert.notEqual(f.fixes[0].safe, true, 'fixing the section is the better choice: never applied blindly');
  const fixed = applyFix(P1_PLACEHOLDER, f, 'Untick');
  assert.ok(fixed.includes('- [ ] §2 alerting'));
  assert.deepEqual(withCode(check(fixed), 'RDY701'), []);
  assert.deepEqual(withCode(check(fixed), 'RDY702'), [], 'a failing section is not ready to tick');
  assert.deepEqual(errors(fixed), errors(P1_PLACEHOLDER));
});

// ---- RDY702 checklist-ready (C1, information)

test('RDY702 an unticked box whose section passes: information and a "Tick" fix the author applies, never --fix', () => {
  const text = untick(VALID, '§3 drift');
  const d = only(text, 'RDY702');
  assert.equal(d.severity, 3);
  assert.equal(at(d.range), box(text, '- [ ] §3'));
  assert.match(d.message, /^§3 has no error: tick this box/);
  const f = onlyFinding(text, 'RDY702');
  assert.equal(f.fixes[0].title, 'Tick the box');
  // Ticking signs the section off: the author's answer, so neither safe (--fix, fix on save) nor preferred.
  assert.notEqual(f.fixes[0].safe, true);
  assert.notEqual(f.fixes[0].isPreferred, true);
  assert.equal(applyFix(text, f, 'Tick'), VALID);
  assert.equal(fixAll(text, (t) => analyseText(t)).text, text, 'fix-all leaves the box unticked');
});

test('RDY702 stays silent for a section with an error, a missing section, a skipped section and the other boxes', () => {
  assert.deepEqual(withCode(check(untick(P1_PLACEHOLDER, '§2 alerting')), 'RDY702'), []);
  const start = VALID.indexOf('## 3. Drift detection');
  const noDrift = VALID.slice(0, start) + VALID.slice(VALID.indexOf('## 4. Staged rollout'));
  assert.deepEqual(withCode(check(untick(noDrift, '§3 drift')), 'RDY702'), []);
  const section2 = VALID.slice(VALID.indexOf('## 2. Alerting'), VALID.indexOf('## 3. Drift'));
  const skipped = untick(edit(VALID, section2, '## 2. Alerting & runbooks (MUST)\n\n**SKIP — JUSTIFICATION**: no new alert; the existing P1 `pnl_drop` covers it\n\n'), '§2 alerting');
  assert.equal(withCode(check(skipped), 'RDY006').length, 1);
  assert.deepEqual(withCode(check(skipped), 'RDY702'), []);
  const others = untick(untick(VALID, 'Dependency declarations'), 'Story OP comment');
  assert.deepEqual(withCode(check(others), 'RDY702'), []);
});

// ---- RDY703 dependency-declarations (C2, warning)

test('requirement lines are read as pip reads them: comments, options, extras, markers, versions, continuations, URLs', () => {
  const names = (text: string) => parseRequirements(text).map((r) => `${r.key}@${r.line}:${r.start}`);
  assert.deepEqual(names(REQUIREMENTS['requirements.txt']), [
    'apache-airflow@3:0',
    'numpy@4:0',
    'pandas@5:0',
    'scikit-learn@6:0',
    'xgboost@7:0',
    'sympy@8:0',
    'cleanlab@9:0',
  ]);
  assert.deepEqual(names('  Foo.Bar__baz>=1 # x\nhttps://x.org/p.zip#egg=Zed_Pkg\n#c\n-c constraints.txt\n../local/pkg\nqux; os_name=="nt"'), [
    'foo-bar-baz@0:2',
    'zed-pkg@1:24',
    'qux@5:0',
  ]);
});

test('RDY703 the dependency box is ticked while a package is declared in one file only', () => {
  const d = only(VALID, 'RDY703', { files: MISSING });
  assert.equal(d.severity, 2);
  assert.equal(at(d.range), box(VALID, '- [x] Dependency'));
  assert.match(
    d.message,
    /^The dependency box is ticked, but the requirements files disagree: pyarrow missing from requirements\.txt; sympy, cleanlab missing from airflow_docker\/requirements\.txt\. Declare each package in every file, or untick the box\.$/,
  );
  const related = d.relatedInformation!.map((r) => `${r.location.uri} ${at(r.location.range)}`);
  assert.deepEqual(related, [
    'file:///workspace/airflow_docker/requirements.txt 6:0-6:7',
    'file:///workspace/requirements.txt 8:0-8:5',
    'file:///workspace/requirements.txt 9:0-9:8',
  ]);
  assert.match(d.relatedInformation![1].message, /sympy is declared in requirements\.txt but not in airflow_docker\/requirements\.txt/);
});

test('RDY703 is silent when one file is missing or the box is not ticked; its fix unticks', () => {
  assert.deepEqual(withCode(check(VALID, { files: { 'requirements.txt': REQUIREMENTS['requirements.txt'] } }), 'RDY703'), []);
  const unticked = untick(VALID, 'Dependency declarations');
  assert.deepEqual(withCode(check(unticked, { files: MISSING }), 'RDY703'), []);
  const f = onlyFinding(VALID, 'RDY703', { files: MISSING });
  assert.equal(applyFix(VALID, f, 'Untick'), unticked);
});

test('RDY703 option requirementsFiles names the files to compare', () => {
  const files = { 'requirements.txt': REQUIREMENTS['requirements.txt'], 'docker/requirements.in': readFixture('checklist/airflow-requirements-missing.txt') };
  assert.deepEqual(withCode(check(VALID, { files }), 'RDY703'), []);
  const config = { rules: { RDY703: { requirementsFiles: ['requirements.txt', 'docker/requirements.in'] } } };
  assert.match(only(VALID, 'RDY703', { files, config }).message, /sympy, cleanlab missing from docker\/requirements\.in/);
});

// ---- RDY704 committee-box (C3, error)

test('RDY704 the committee box is ticked while the header names no session id', () => {
  const line = /^\*\*Reviewed by committee\*\*: .*$/m;
  const pending = edit(VALID, line, '**Reviewed by committee**: pending (verdict OK)');
  const d = only(pending, 'RDY704');
  assert.equal(d.severity, 1);
  assert.equal(at(d.range), box(pending, '- [x] Committee'));
  assert.match(d.message, /^The committee box is ticked, but the header's "Reviewed by committee" line names no session id: write/);
  assert.equal(at(d.relatedInformation![0].location.range), '5:0-5:47');
  // A placeholder is no session id either, and a missing line is reported too.
  assert.equal(withCode(check(edit(VALID, line, '**Reviewed by committee**: session <id> (verdict OK)')), 'RDY704').length, 1);
  const missing = edit(VALID, /^\*\*Reviewed by committee\*\*: .*\n/m, '');
  assert.match(only(missing, 'RDY704').message, /the header has no "Reviewed by committee" line/);
  // The box unticked: nothing to say.
  assert.deepEqual(withCode(check(untick(pending, 'Committee')), 'RDY704'), []);
});

test('RDY704 "Untick" fix removes the error; RDY105\'s sessionIdPattern decides what a session id is', () => {
  const pending = edit(VALID, /^\*\*Reviewed by committee\*\*: .*$/m, '**Reviewed by committee**: pending (verdict OK)');
  const fixed = applyFix(pending, onlyFinding(pending, 'RDY704'), 'Untick');
  assert.deepEqual(withCode(check(fixed), 'RDY704'), []);
  assert.deepEqual(
    errors(fixed).map((d) => d.code),
    errors(pending).map((d) => d.code).filter((c) => c !== 'RDY704'),
  );
  const strict = { rules: { RDY105: { sessionIdPattern: '#\\d+' } } };
  assert.equal(withCode(check(VALID, { config: strict }), 'RDY704').length, 1);
  assert.deepEqual(withCode(check(VALID), 'RDY704'), []);
});

test('the checklist rules run last: a defective example gets RDY701 on the boxes of its failing sections', () => {
  const text = readExample('documentation/readiness/CVN-N015-CAL-S01.md');
  const boxes = withCode(check(text), 'RDY701').map((d) => text.split('\n')[d.range.start.line].slice(6, 8));
  assert.ok(boxes.includes('§3') && boxes.includes('§5') && boxes.includes('§6'), boxes.join(' '));
});
