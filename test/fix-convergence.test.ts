// Fix convergence (issue 7): for documents built from the examples and the template with random
// mutations, EVERY fix a finding offers (safe or not) must
//   (1) make that finding go away, and
//   (2) add no new error outside the text it inserts,
// and fix-all (fixAll) must be idempotent: applying it to its own result changes nothing.
//
// Seeded: fast-check prints the seed and the shrunk counterexample on failure; rerun with
// FC_SEED=<seed> (and FC_RUNS=<n> for a longer hunt).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import {
  analyse,
  applyEdits,
  disableEdit,
  fixAll,
  memoryWorkspace,
  parseReadiness,
  resolveSettings,
  RULES,
  type Analysis,
  type Fix,
  type ReadinessFinding,
} from '../server/src/service';
import { LineIndex } from '../server/src/service/text/lineIndex';
import { readTemplate, ROOT, TODAY } from './helpers';

const SEED = Number(process.env.FC_SEED ?? 20261126);
const RUNS = Number(process.env.FC_RUNS ?? 40);
const params = { seed: SEED, numRuns: RUNS };

// ---------------------------------------------------------------------------------------------
// The bases: every example readiness file and the raw template, checked in a workspace holding
// the examples' runbooks (so the runbook rules see what they see in `check examples/`).
const EXAMPLES = join(ROOT, 'examples');
const READINESS_DIR = 'documentation/readiness';
const RUNBOOK_DIR = 'documentation/runbooks';
const files: Record<string, string> = {};
for (const name of readdirSync(join(EXAMPLES, RUNBOOK_DIR))) files[`${RUNBOOK_DIR}/${name}`] = readFileSync(join(EXAMPLES, RUNBOOK_DIR, name), 'utf8');
const BASES: Array<[string, string]> = [
  ...readdirSync(join(EXAMPLES, READINESS_DIR)).map((name): [string, string] => [name, readFileSync(join(EXAMPLES, READINESS_DIR, name), 'utf8')]),
  ['the template', readTemplate()],
];
const workspace = memoryWorkspace(files);
const settings = resolveSettings(RULES, []);
const DOCUMENT_PATH = `${READINESS_DIR}/CVN-N011-EA-S11.md`;

function analyseText(text: string): Analysis {
  return analyse(parseReadiness(text), { settings, workspace, documentPath: DOCUMENT_PATH, today: TODAY });
}

// ---------------------------------------------------------------------------------------------
// Mutations a person makes while filling the template: lines lost, doubled, swapped; a cell
// emptied; a value replaced by a wrong (or another row's) one; a box ticked or unticked.
const WRONG = ['P4', 'Slack', 'slack', 'maybe', '-', 'TBD', '<TBD>', '0', 'yes', 'no', '2026-13-45', '2026-11-01', '@nobody', 'team-x', 'TODO', '3d', '1%', 'auto', 'n/a', 'Prometheus', 'histogram', 'Pagerduty', 'P1', 'Shadow', 'Canary', 'Full', 'Data drift', 'Concept drift', '`documentation/runbooks/missing.md`'];

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'toggle'; line: number }
  | { kind: 'swap'; line: number; other: number }
  | { kind: 'empty'; line: number; cell: number }
  | { kind: 'wrong'; line: number; cell: number; value: string }
  | { kind: 'copy'; line: number; cell: number; from: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'toggle' as const), line: fc.nat(400) }),
  fc.record({ kind: fc.constant('swap' as const), line: fc.nat(400), other: fc.nat(400) }),
  // Cell mutations pick among table lines only (the index wraps), so most runs touch a table.
  fc.record({ kind: fc.constant('empty' as const), line: fc.nat(400), cell: fc.nat(8) }),
  fc.record({ kind: fc.constant('wrong' as const), line: fc.nat(400), cell: fc.nat(8), value: fc.constantFrom(...WRONG) }),
  fc.record({ kind: fc.constant('copy' as const), line: fc.nat(400), cell: fc.nat(8), from: fc.nat(400) }),
);

/** Cells of a table row line, split on unescaped pipes (without the outer ones). */
function cellsOf(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
}
const isBodyRow = (line: string) => /^\s*\|/.test(line) && !/^\s*\|[\s|:-]+\|\s*$/.test(line);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const at = (n: number) => n % lines.length;
  const rows = lines.map((line, index) => (isBodyRow(line) ? index : -1)).filter((index) => index >= 0);
  const setCell = (n: number, cell: number, value: (cells: string[], index: number) => string) => {
    if (!rows.length) return;
    const row = rows[n % rows.length];
    const cells = cellsOf(lines[row]);
    const index = cell % cells.length;
    cells[index] = ` ${value(cells, index)} `;
    lines[row] = `|${cells.join('|')}|`;
  };
  switch (m.kind) {
    case 'delete':
      lines.splice(at(m.line), 1);
      break;
    case 'duplicate':
      lines.splice(at(m.line), 0, lines[at(m.line)]);
      break;
    case 'swap':
      [lines[at(m.line)], lines[at(m.other)]] = [lines[at(m.other)], lines[at(m.line)]];
      break;
    case 'toggle': {
      const boxes = lines.map((line, index) => (/^\s*- \[[ xX]\]/.test(line) ? index : -1)).filter((index) => index >= 0);
      if (!boxes.length) break;
      const box = boxes[m.line % boxes.length];
      lines[box] = lines[box].replace(/\[([ xX])\]/, (_, mark: string) => (mark === ' ' ? '[x]' : '[ ]'));
      break;
    }
    case 'empty':
      setCell(m.line, m.cell, () => '');
      break;
    case 'wrong':
      setCell(m.line, m.cell, () => m.value);
      break;
    case 'copy':
      setCell(m.line, m.cell, (_cells, index) => {
        const other = cellsOf(lines[rows[m.from % rows.length]]);
        return (other[index] ?? other[0]).trim();
      });
      break;
  }
  return lines.join('\n');
}

interface Sample {
  base: number;
  mutations: Mutation[];
  crlf: boolean;
}

/** Samples stay small (a base index and the mutations) so a counterexample prints readably. */
const samples: fc.Arbitrary<Sample> = fc.record({
  base: fc.nat(BASES.length - 1),
  mutations: fc.array(mutation, { minLength: 0, maxLength: 4 }),
  crlf: fc.boolean(),
});

function textOf({ base, mutations, crlf }: Sample): string {
  const text = mutations.reduce(mutate, BASES[base][1]);
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
}

// ---------------------------------------------------------------------------------------------
// Mapping positions of the text before an edit to the text after it.

interface EditMap {
  /** The position after the edit of a position before it (a position inside a replaced range maps to its start). */
  map(position: Range['start']): Range['start'];
  /** Where the new text landed, in the edited document (offsets). */
  inserted: Array<{ start: number; end: number }>;
  after: LineIndex;
}

function editMap(before: string, edits: TextEdit[], afterText: string): EditMap {
  const old = new LineIndex(before);
  const after = new LineIndex(afterText);
  const spans = edits
    .map((edit) => ({ start: old.offsetAt(edit.range.start), end: old.offsetAt(edit.range.end), length: edit.newText.length }))
    .sort((a, b) => a.start - b.start);
  const inserted: EditMap['inserted'] = [];
  let shift = 0;
  const placed = spans.map((span) => {
    const start = span.start + shift;
    inserted.push({ start, end: start + span.length });
    shift += span.length - (span.end - span.start);
    return { ...span, newStart: start, shiftAfter: shift };
  });
  return {
    inserted,
    after,
    map(position) {
      const offset = old.offsetAt(position);
      let delta = 0;
      for (const span of placed) {
        if (offset < span.start) break;
        // Inside a replaced range (an insertion point itself counts as "after": the old text moves down).
        if (offset < span.end) return after.positionAt(span.newStart);
        delta = span.shiftAfter;
      }
      return after.positionAt(offset + delta);
    },
  };
}

/** The diagnostic's range touches text the fix inserted (a row-level range covering a new cell counts). */
function touchesInserted(map: EditMap, range: Range): boolean {
  const start = map.after.offsetAt(range.start);
  const end = map.after.offsetAt(range.end);
  return map.inserted.some((span) => start <= span.end && span.start <= end);
}

const describeFinding = (f: ReadinessFinding) => `${f.rule.code} ${f.range.start.line}:${f.range.start.character} ${f.message}`;

// ---------------------------------------------------------------------------------------------
// The properties.

/**
 * "The same diagnostic" after a fix: same code, same message, on the line the finding's line maps
 * to. Counted as a multiset: the template holds identical placeholders on one line, and fixing one
 * of them must leave one fewer, not none.
 */
function sameKey(code: string, message: string, line: number): string {
  return `${code}\u0000${message}\u0000${line}`;
}

/** Every edit inserts whole lines at a line start: the author's text is left exactly as it was. */
function onlyInsertsLines(fix: Fix): boolean {
  return fix.edits.every(
    (e) => e.range.start.line === e.range.end.line && e.range.start.character === 0 && e.range.end.character === 0 && /\n$/.test(e.newText),
  );
}

interface Verdict {
  removed: boolean;
  /** The first problem found, when any. */
  problem?: string;
}

/** Checks one fix; returns a problem description or undefined. */
function checkFix(text: string, analysis: Analysis, finding: ReadinessFinding, fix: Fix): string | undefined {
  return judgeFix(text, analysis, finding, fix).problem;
}

function judgeFix(text: string, analysis: Analysis, finding: ReadinessFinding, fix: Fix): Verdict {
  const afterText = applyEdits(text, fix.edits);
  if (afterText === text) return { removed: false, problem: `fix "${fix.title}" of ${describeFinding(finding)} changes nothing` };
  const map = editMap(text, fix.edits, afterText);
  const afterAnalysis = analyseText(afterText);
  const after = afterAnalysis.findings;

  // (1) The finding is gone.
  const mappedLine = (f: ReadinessFinding) => map.map(f.range.start).line;
  const key = sameKey(finding.rule.code, finding.message, mappedLine(finding));
  const beforeCount = analysis.findings.filter((f) => sameKey(f.rule.code, f.message, mappedLine(f)) === key).length;
  const afterCount = after.filter((f) => sameKey(f.rule.code, f.message, f.range.start.line) === key).length;
  if (afterCount >= beforeCount) {
    return { removed: false, problem: `fix "${fix.title}" did not remove ${describeFinding(finding)}\n--- after:\n${excerpt(afterText, mappedLine(finding))}` };
  }

  // (2) No new error outside the inserted text. An error is "old" when an error of the same code
  // stood on the line that maps to its line (messages may change: "3 stages missing" -> "2"). The
  // fixed finding itself is not an old error any more: a fix that trades it for a different
  // message of the same code on the same line has not fixed it.
  const budget = new Map<string, number>();
  for (const f of analysis.findings) {
    if (f.severity !== 'error' || f === finding) continue;
    const k = `${f.rule.code}@${mappedLine(f)}`;
    budget.set(k, (budget.get(k) ?? 0) + 1);
  }
  // A fix that only inserts whole lines (a table header, a stage row, a section) supplies structure
  // that some rules wait for: RDY406 reads §4 only once it has a table, RDY404 judges the canary
  // prose only once there is a Canary row. Those rules then judge the author's existing text for
  // the first time; what they find was written by the author, not by the fix. So an error on
  // untouched text is exempt when the fix only inserted lines AND its rule said nothing at all in
  // that section before. A rule that was already speaking there gets no such pass.
  const sectionAt = (a: Analysis, line: number) => a.document.sections.filter((section) => section.heading.line <= line).pop()?.id;
  const speaking = new Set(analysis.findings.map((f) => `${f.rule.code}@${sectionAt(analysis, f.range.start.line)}`));
  const unmasked = (g: ReadinessFinding) => onlyInsertsLines(fix) && !speaking.has(`${g.rule.code}@${sectionAt(afterAnalysis, g.range.start.line)}`);
  for (const g of after) {
    if (g.severity !== 'error' || touchesInserted(map, g.range) || unmasked(g)) continue;
    const k = `${g.rule.code}@${g.range.start.line}`;
    const left = budget.get(k) ?? 0;
    if (left > 0) {
      budget.set(k, left - 1);
      continue;
    }
    return {
      removed: true,
      problem: `fix "${fix.title}" of ${describeFinding(finding)} added a new error ${describeFinding(g)}\n--- after:\n${excerpt(afterText, g.range.start.line)}`,
    };
  }
  return { removed: true };
}

function excerpt(text: string, line: number): string {
  return text
    .split(/\r?\n/)
    .map((l, i) => `${i === line ? '>' : ' '}${String(i).padStart(4)} ${l}`)
    .slice(Math.max(0, line - 4), line + 4)
    .join('\n');
}

/**
 * Fixes of one finding that replace the same range with different values ("Replace with P1",
 * "… P2", "… P3") are a choice the user makes, and the choice has consequences the fix cannot
 * know: filling the template's `P1 / P2 / P3` with P2 in the only alert row rightly brings RDY201
 * "No P1 alert", which stayed silent while the value was a placeholder. So for such a choice every
 * alternative must remove the finding, and at least ONE must add no new error (there is always a
 * clean way out). A fix standing alone must meet both conditions itself.
 */
function choices(finding: ReadinessFinding): Fix[][] {
  const groups = new Map<string, Fix[]>();
  for (const fix of finding.fixes) {
    const key = fix.edits.length === 1 ? JSON.stringify(fix.edits[0].range) : `alone:${groups.size}`;
    groups.set(key, [...(groups.get(key) ?? []), fix]);
  }
  return [...groups.values()];
}

function everyFixConverges(text: string): void {
  const analysis = analyseText(text);
  const problems: string[] = [];
  for (const finding of analysis.findings) {
    for (const group of choices(finding)) {
      const verdicts = group.map((fix) => judgeFix(text, analysis, finding, fix));
      const notRemoved = verdicts.filter((v) => !v.removed);
      if (notRemoved.length) problems.push(...notRemoved.map((v) => v.problem!));
      else if (verdicts.every((v) => v.problem)) problems.push(...verdicts.map((v) => v.problem!));
    }
  }
  assert.deepEqual(problems, []);
}

describe('fix convergence', () => {
  for (const [name, text] of BASES) {
    it(`every fix on ${name} removes its finding and adds no error`, () => everyFixConverges(text));
  }

  // Counterexamples the property found, kept as fixed cases (each failed before the rule fix named).
  const REGRESSIONS: Array<[string, Sample]> = [
    // Title moved below §6: the header-field fixes inserted under the title, i.e. inside a section (headerFields.ts).
    ['a title below the sections', { base: 1, mutations: [{ kind: 'copy', line: 246, cell: 0, from: 121 }, { kind: 'swap', line: 0, other: 67 }, { kind: 'wrong', line: 96, cell: 4, value: '0' }], crlf: false }],
    // §4 table read from a stage row (no Stage column): the stage-row fix inserted an empty row (rolloutStages.ts).
    ['a rollout table without a Stage column', { base: 1, mutations: [{ kind: 'swap', line: 288, other: 270 }, { kind: 'swap', line: 279, other: 357 }, { kind: 'copy', line: 47, cell: 1, from: 306 }], crlf: false }],
    // A row with more cells than the header: "Add the column" put the new cell out of reach (tableColumns.ts).
    ['a row wider than its header', { base: 3, mutations: [{ kind: 'empty', line: 201, cell: 6 }, { kind: 'wrong', line: 397, cell: 0, value: '0' }, { kind: 'empty', line: 42, cell: 7 }, { kind: 'swap', line: 161, other: 351 }], crlf: false }],
    // §3's table is another section's (no Drift type column): the drift-row fixes inserted rows of nothing (driftRows.ts).
    ['a drift table without a Drift type column', { base: 3, mutations: [{ kind: 'empty', line: 302, cell: 6 }, { kind: 'swap', line: 229, other: 48 }, { kind: 'swap', line: 174, other: 33 }, { kind: 'duplicate', line: 324 }], crlf: true }],
    // §4's header row moved away: inserting it lets RDY406 read the author's "auto-promotion" (property refined: unmasked).
    ['a rollout table missing its header', { base: 2, mutations: [{ kind: 'swap', line: 134, other: 241 }], crlf: true }],
  ];
  for (const [name, sample] of REGRESSIONS) {
    it(`every fix converges on ${name}`, () => everyFixConverges(textOf(sample)));
  }

  it('every fix on mutated examples and template removes its finding and adds no error', () => {
    fc.assert(
      fc.property(samples, (sample) => everyFixConverges(textOf(sample))),
      params,
    );
  });

  it('"Disable RDYxxx" (the quick fix every diagnostic has) removes its finding and adds no error', () => {
    fc.assert(
      fc.property(samples, (sample) => {
        const text = textOf(sample);
        const analysis = analyseText(text);
        const problems = analysis.findings
          .map((finding) => {
            const { title, edits } = disableEdit(analysis.document, finding.rule.code, finding.range.start.line);
            return checkFix(text, analysis, finding, { title, edits });
          })
          .filter((problem) => problem !== undefined);
        assert.deepEqual(problems, []);
      }),
      { ...params, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('fix-all applied twice equals fix-all applied once', () => {
    fc.assert(
      fc.property(samples, (sample) => {
        const text = textOf(sample);
        const once = fixAll(text, analyseText).text;
        const twice = fixAll(once, analyseText).text;
        assert.equal(twice, once);
      }),
      params,
    );
  });

  it('the property can fail: a fix that leaves its diagnostic is caught', () => {
    // Guards the harness itself: a no-op-ish "fix" that edits a blank line elsewhere is refused.
    const text = BASES.find(([name]) => name === 'the template')![1];
    const analysis = analyseText(text);
    const finding = analysis.findings.find((f) => f.fixes.length)!;
    const blank = text.split('\n').findIndex((line) => line === '');
    const fake: Fix = { title: 'fake', edits: [{ range: { start: { line: blank, character: 0 }, end: { line: blank, character: 0 } }, newText: 'x' }] };
    assert.match(checkFix(text, analysis, finding, fake) ?? '', /did not remove/);
  });
});
