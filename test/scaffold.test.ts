// The text that "New readiness file" (VS Code) and `init` (CLI) write: what the author sees first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newReadinessFile, addDays } from '../server/src/service/scaffold';
import { TEMPLATE_TEXT } from '../server/src/service/template/templateText';
import { DEFAULT_STORY_ID_PATTERN, todayIso, validateOwner, validateStoryId, validateTitle } from '../client/src/commands/newFileInputs';

const base = { storyId: 'CVN-N011-EA-S11', title: 'Label smoothing for F1 buy', owner: '@jdoe', today: '2026-03-02' };

function line(text: string, prefix: string): string {
  const found = text.split('\n').find((l) => l.startsWith(prefix));
  assert.ok(found, `no line starting with ${prefix}`);
  return found;
}

test('fills the title, story id, owner and dates from the input', () => {
  const { text } = newReadinessFile(base);
  assert.equal(text.split('\n')[0], '# MLOps readiness — CVN-N011-EA-S11 Label smoothing for F1 buy');
  assert.equal(line(text, '**Story**'), '**Story**: CVN-N011-EA-S11 — #<issue> + wp#<id>');
  assert.equal(line(text, '**Owner**'), '**Owner**: @jdoe (DRI for production behaviour of this change)');
  assert.equal(line(text, '**Filled on**'), '**Filled on**: 2026-03-02');
  // The template calls the Owner the DRI: the DRI line starts as the owner.
  assert.equal(line(text, '- **DRI**'), '- **DRI**: `@jdoe` (single human, not a team)');
  // 2026-03-02 + 7 shadow + 7 canary + 90 = 104 days later.
  assert.match(line(text, '- **Sunset date**'), /^- \*\*Sunset date\*\*: `2026-06-14` \(90 days post full rollout\)/);
});

test('keeps the rest of the template verbatim, placeholders included, so the author sees what to fill', () => {
  const { text } = newReadinessFile(base);
  const changed = new Set(['# MLOps', '**Story**', '**Owner**', '**Filled on**', '- **DRI**', '- **Sunset date**']);
  const keep = (l: string) => ![...changed].some((p) => l.startsWith(p));
  assert.deepEqual(text.split('\n').filter(keep), TEMPLATE_TEXT.split('\n').filter(keep));
  assert.ok(text.includes('**Reviewed by committee**: session <id> (verdict OK / OK-WITH-CHANGES)'));
  assert.ok(text.includes('- **Backup DRI**: `<handle>` (covers when DRI is OOO)'));
  assert.ok(text.endsWith('\n'));
});

test('puts the cursor on the first placeholder after the title: the GitHub issue number', () => {
  const { text, firstPlaceholder } = newReadinessFile(base);
  const lines = text.split('\n');
  assert.deepEqual(firstPlaceholder, { line: 2, character: '**Story**: CVN-N011-EA-S11 — #'.length });
  assert.ok(lines[firstPlaceholder.line]!.slice(firstPlaceholder.character).startsWith('<issue>'));
});

test('sunset date rolls over months, years and leap days', () => {
  const sunset = (today: string, shadowDays?: number, canaryDays?: number) =>
    /Sunset date\*\*: `(\d{4}-\d{2}-\d{2})`/.exec(newReadinessFile({ ...base, today, shadowDays, canaryDays }).text)![1];
  assert.equal(sunset('2026-01-31'), '2026-05-15'); // 104 days across a 28-day February
  assert.equal(sunset('2027-11-20'), '2028-03-03'); // year rollover, then leap February (29 days)
  assert.equal(sunset('2028-02-29'), '2028-06-12'); // starting on a leap day
  assert.equal(sunset('2026-09-30', 0, 0), '2026-12-29'); // exactly 90 days
  assert.equal(sunset('2026-12-31', 14, 10), '2027-04-24'); // 114 days, into the next year
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-02-28', 1), '2025-03-01');
  assert.equal(addDays('2099-12-31', 1), '2100-01-01');
});

test('stage lengths other than 7 days show in the rollout table, consistent with the sunset date', () => {
  const { text } = newReadinessFile({ ...base, shadowDays: 10, canaryDays: 14 });
  assert.match(line(text, '| Shadow |'), /\| ≥ 10d \|/);
  assert.match(line(text, '| Canary |'), /\| ≥ 14d \|/);
  assert.match(text, /Sunset date\*\*: `2026-06-24`/); // 2026-03-02 + 10 + 14 + 90
});

test('rejects a date that is not a calendar date, and negative or fractional stage lengths', () => {
  assert.throws(() => newReadinessFile({ ...base, today: '2026-02-30' }), RangeError);
  assert.throws(() => newReadinessFile({ ...base, today: '2026-3-2' }), RangeError);
  assert.throws(() => newReadinessFile({ ...base, shadowDays: -1 }), RangeError);
  assert.throws(() => newReadinessFile({ ...base, canaryDays: 1.5 }), RangeError);
});

test('user text is inserted literally and trimmed', () => {
  const { text } = newReadinessFile({ ...base, title: '  Costs $1 and $& more  ', owner: ' jdoe ' });
  assert.equal(text.split('\n')[0], '# MLOps readiness — CVN-N011-EA-S11 Costs $1 and $& more');
  assert.equal(line(text, '**Owner**'), '**Owner**: jdoe (DRI for production behaviour of this change)');
});

// What the "New readiness file" prompts accept (client/src/commands/newFileInputs.ts, no editor API needed).
test('the prompts accept story ids of the configured pattern and GitHub handles, and say what to type otherwise', () => {
  assert.equal(validateStoryId('CVN-N011-EA-S11', DEFAULT_STORY_ID_PATTERN), undefined);
  assert.equal(validateStoryId(' CVN-N7-S1 ', DEFAULT_STORY_ID_PATTERN), undefined);
  const message = validateStoryId('CVN-42', DEFAULT_STORY_ID_PATTERN)!;
  assert.match(message, /"CVN-42" is not a Story id: write it like CVN-N011-EA-S11/);
  assert.ok(!message.includes('\\d'), 'an example, not the regular expression');
  assert.match(validateStoryId('', DEFAULT_STORY_ID_PATTERN)!, /Type the Story id/);
  assert.equal(validateStoryId('ML-12', 'ML-\\d+'), undefined, 'a configured pattern replaces the default');
  assert.equal(validateStoryId('CVN-N1-S1', '(unclosed'), undefined, 'a broken pattern falls back to the default');
  assert.match(validateStoryId('a/b', '.+')!, /file name/);

  for (const ok of ['@ana-m', 'ana-m', 'li-wei2', 'A']) assert.equal(validateOwner(ok), undefined, ok);
  for (const bad of ['@org/team', 'ana--m', '-ana', 'ana-', '@ana m', 'ana, bob', '']) assert.match(validateOwner(bad)!, /not a GitHub handle/, bad);
  assert.match(validateOwner('a'.repeat(40))!, /at most 39/);
  assert.match(validateTitle('  ')!, /title/);
});

test("today is the author's local calendar date", () => {
  assert.equal(todayIso(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  assert.equal(todayIso(new Date(2028, 1, 29, 0, 0)), '2028-02-29');
});
