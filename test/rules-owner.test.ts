// §6 Owner & DRI: RDY601 dri-single-human (O1), RDY602 backup-dri (O2), RDY603 backup-engagement (O2),
// RDY604 decision-authority (O3), RDY605 sunset-date (O4), RDY606 sunset-window (O4).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../server/src/service';
import { peopleIn } from '../server/src/service/util/handles';
import { at, check, edit, finding, messageText, newErrors, rangeOf, readExample, textAt, withCode, withRuleOptions, withSection } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const CODES = ['RDY601', 'RDY602', 'RDY603', 'RDY604', 'RDY605', 'RDY606'];
const DRI_LINE = '- **DRI**:';
const BACKUP_LINE = '- **Backup DRI**:';
const AUTHORITY_LINE = '- **Decision authority**:';
const SUNSET_LINE = '- **Sunset date**:';
const HEADING = '## 6. Owner & DRI (MUST)';

/** The range of a field's value: everything after `**Key**: ` on its line. */
function valueRangeOf(text: string, fieldLine: string): string {
  const line = text.split('\n').find((l) => l.startsWith(fieldLine))!;
  return rangeOf(text, fieldLine, line.slice(fieldLine.length).trim());
}

/** Replaces the value of the field line starting with `fieldLine`. */
function withValue(text: string, fieldLine: string, value: string): string {
  const line = text.split('\n').find((l) => l.startsWith(fieldLine));
  assert.ok(line, `no ${fieldLine}`);
  return edit(text, line, `${fieldLine} ${value}`);
}

const msg = messageText;

/** Lines of `after` that `before` does not have (the fix's inserted lines). */
function addedLines(before: string, after: string): number[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').flatMap((l, i) => (old.has(l) ? [] : [i]));
}

describe('the valid example', () => {
  it('gives no §6 diagnostic, also with CRLF line ends and a BOM', () => {
    for (const text of [VALID, VALID.replace(/\n/g, '\r\n'), `\uFEFF${VALID}`]) {
      assert.deepEqual(check(text).filter((d) => CODES.includes(String(d.code))), []);
    }
  });
});

describe('peopleIn (util/handles.ts) on the template\'s DRI remark', () => {
  it('does not read "(single human, not a team)" as a team', () => {
    assert.deepEqual(peopleIn('`@ana-m` (single human, not a team)').teams, []);
    assert.deepEqual(peopleIn('`@ana-m` (single human, not a team)').handles.map((h) => h.text), ['@ana-m']);
    assert.deepEqual(peopleIn('`@cvn/ml-platform` (single human, not a team)').teams.map((h) => h.text), ['@cvn/ml-platform']);
  });
});

describe('RDY601 dri-single-human (O1)', () => {
  it('passes the valid example, a bare handle and a name with the handle in parentheses', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY601'), []);
    assert.deepEqual(withCode(check(withValue(VALID, DRI_LINE, 'ana-m')), 'RDY601'), []);
    assert.deepEqual(withCode(check(withValue(VALID, DRI_LINE, 'Ana Martins (@ana-m)')), 'RDY601'), []);
  });

  it('reports a team handle on the value, keeping the template remark out of it', () => {
    const text = withSection(VALID, 6, 'owner/team-dri.md');
    const [diagnostic, ...rest] = withCode(check(text), 'RDY601');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 1);
    assert.equal(at(diagnostic.range), valueRangeOf(text, DRI_LINE));
    assert.match(msg(diagnostic), /names a team \("@cvn\/ml-platform"\)/);
    assert.match(msg(diagnostic), /one human/);
  });

  it('reads a team written as a mention, `Name <@org/team>`, as a team, not as a placeholder', () => {
    for (const [line, code, label] of [[DRI_LINE, 'RDY601', 'DRI'], [BACKUP_LINE, 'RDY602', 'Backup DRI']] as const) {
      const text = withValue(VALID, line, 'ML platform <@cvn/ml-platform>');
      const findings = check(text).filter((d) => ['RDY001', 'RDY601', 'RDY602'].includes(String(d.code)));
      assert.deepEqual(findings.map((d) => d.code), [code], label);
      assert.match(msg(findings[0]!), /names a team \("@cvn\/ml-platform"\)/);
    }
    // A slot of the same shape is still one to fill in.
    assert.deepEqual(withCode(check(withValue(VALID, DRI_LINE, '<@team>')), 'RDY001').map((d) => msg(d).split(':')[0]), ['Unfilled placeholder `<@team>` in the DRI line']);
  });

  it('reports the team DRI of the CVN-N014 example', () => {
    const text = readExample('documentation/readiness/CVN-N014-LB-S02.md');
    const [diagnostic] = withCode(check(text), 'RDY601');
    assert.equal(at(diagnostic.range), valueRangeOf(text, DRI_LINE));
  });

  it('reports team words, several handles and a value that is no handle', () => {
    for (const [value, message] of [
      ['the ML platform squad', /names a team \("squad"\)/],
      ['`@ana-m` and `@li-wei`', /names 2 people \("@ana-m", "@li-wei"\)/],
      ['Ana from ML', /"Ana from ML" is not a GitHub handle/],
    ] as const) {
      const text = withValue(VALID, DRI_LINE, value);
      const [diagnostic] = withCode(check(text), 'RDY601');
      assert.ok(diagnostic, value);
      assert.equal(at(diagnostic.range), valueRangeOf(text, DRI_LINE));
      assert.match(msg(diagnostic), message);
    }
  });

  it('stays silent on a placeholder (RDY001 reports it)', () => {
    const text = withValue(VALID, DRI_LINE, '`<handle>` (single human, not a team)');
    assert.deepEqual(withCode(check(text), 'RDY601'), []);
    assert.ok(withCode(check(text), 'RDY001').some((d) => textAt(text, d.range) === '<handle>'));
  });

  it('reports a missing DRI on the heading; the fix inserts it with the header Owner\'s handle', () => {
    const text = edit(VALID, /- \*\*DRI\*\*:.*\n/, '');
    const [diagnostic] = withCode(check(text), 'RDY601');
    assert.equal(at(diagnostic.range), rangeOf(text, HEADING));
    assert.match(msg(diagnostic), /no DRI/);
    const fix = finding(text, 'RDY601').fixes[0];
    assert.equal(fix.title, 'Insert the DRI field');
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, VALID.replace('`@ana-m` (single human', '`@ana-m` (single human'));
    assert.deepEqual(withCode(check(fixed), 'RDY601'), []);
    assert.deepEqual(newErrors(text, fixed), []);
  });
});

describe('RDY602 backup-dri (O2)', () => {
  it('passes the valid example', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY602'), []);
  });

  it('reports a Backup DRI who is the DRI, with related information on the DRI line', () => {
    const text = withValue(VALID, BACKUP_LINE, '`@ANA-M` (covers when DRI is OOO), quarterly handoff drill.');
    const [diagnostic, ...rest] = withCode(check(text), 'RDY602');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 1);
    assert.equal(at(diagnostic.range), valueRangeOf(text, BACKUP_LINE));
    assert.match(msg(diagnostic), /"@ANA-M" is also the DRI/);
    assert.match(msg(diagnostic), /different person/);
    const [related] = diagnostic.relatedInformation ?? [];
    assert.equal(related.location.uri, 'file:///workspace/documentation/readiness/CVN-N011-EA-S11.md');
    assert.equal(at(related.location.range), rangeOf(text, DRI_LINE, text.split('\n').find((l) => l.startsWith(DRI_LINE))!));
  });

  it('reports a Backup DRI that is a team or no handle', () => {
    const team = withValue(VALID, BACKUP_LINE, '`@cvn/ml-platform` (covers when DRI is OOO), shared on-call rotation.');
    assert.match(msg(withCode(check(team), 'RDY602')[0]), /names a team \("@cvn\/ml-platform"\)/);
    const nobody = withValue(VALID, BACKUP_LINE, 'whoever is on call');
    const [diagnostic] = withCode(check(nobody), 'RDY602');
    assert.equal(at(diagnostic.range), valueRangeOf(nobody, BACKUP_LINE));
    assert.match(msg(diagnostic), /"whoever is on call" names no GitHub handle/);
  });

  it('reports a missing Backup DRI on the heading; the fix inserts the template line after the DRI', () => {
    const text = edit(VALID, /- \*\*Backup DRI\*\*:.*\n/, '');
    const [diagnostic] = withCode(check(text), 'RDY602');
    assert.equal(at(diagnostic.range), rangeOf(text, HEADING));
    const fix = finding(text, 'RDY602').fixes[0];
    assert.ok(fix.snippetEdits?.[0].newText.includes('${1:handle}'));
    const fixed = applyEdits(text, fix.edits);
    const lines = fixed.split('\n');
    const inserted = lines.findIndex((l) => l.startsWith(BACKUP_LINE));
    assert.ok(lines[inserted - 1].startsWith(DRI_LINE), 'in the template order');
    assert.deepEqual(withCode(check(fixed), 'RDY602'), []);
    // Only the template's own `<handle>` is new, on the inserted line.
    assert.deepEqual(newErrors(text, fixed, [inserted]), []);
  });
});

describe('RDY603 backup-engagement (O2)', () => {
  const KEPT = withSection(VALID, 6, 'owner/template-guidance-kept.md');

  it('passes the valid example (handoff drill) and a shared on-call rotation', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY603'), []);
    const rotation = withValue(VALID, BACKUP_LINE, '`@li-wei` (covers when DRI is OOO) — we share the ML on-call rotation.');
    assert.deepEqual(withCode(check(rotation), 'RDY603'), []);
    assert.deepEqual(withCode(check(readExample('documentation/readiness/CVN-N014-LB-S02.md')), 'RDY603'), []);
  });

  it('reads a §6 written as a two-column table, the engagement in the Backup DRI row', () => {
    const start = VALID.indexOf('- **DRI**');
    const end = VALID.indexOf('If the DRI changes');
    const table = VALID.slice(0, start) +
      '| Role | Who |\n|---|---|\n| DRI | @ana-m |\n| Backup DRI | @li-wei — quarterly handoff drill |\n' +
      '| Decision authority | @d-okafor |\n| Sunset date | 2027-02-21 |\n\n' + VALID.slice(end);
    for (const code of CODES) assert.deepEqual(withCode(check(table), code), [], code);
    const silent = edit(table, '| @li-wei — quarterly handoff drill |', '| @li-wei |');
    assert.equal(withCode(check(silent), 'RDY603').length, 1);
  });

  it('does not count the template\'s own sentence kept verbatim: information on the Backup DRI value', () => {
    const [diagnostic, ...rest] = withCode(check(KEPT), 'RDY603');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 3);
    assert.equal(at(diagnostic.range), valueRangeOf(KEPT, BACKUP_LINE));
    assert.match(msg(diagnostic), /how the Backup DRI stays engaged/);
    assert.match(msg(diagnostic), /handoff drill/);
    assert.match(msg(diagnostic), /on-call rotation/);
  });

  it('does not count it either with other spacing and markup, or wrapped on a second line', () => {
    const bold = edit(KEPT, 'MUST be actively engaged — quarterly', '**MUST** be actively  engaged — quarterly');
    assert.equal(withCode(check(bold), 'RDY603').length, 1);
    const wrapped = edit(KEPT, '(covers when DRI is OOO). MUST', '(covers when DRI is OOO).\n  MUST');
    assert.equal(withCode(check(wrapped), 'RDY603').length, 1);
  });

  it('counts the author\'s own words beside the kept template sentence', () => {
    const text = edit(KEPT, 'is not a backup.', 'is not a backup. Next handoff drill: 2026-12-03.');
    assert.deepEqual(withCode(check(text), 'RDY603'), []);
    const prose = edit(KEPT, 'If the DRI changes ownership', '@li-wei and @ana-m share the on-call rotation.\n\nIf the DRI changes ownership');
    assert.deepEqual(withCode(check(prose), 'RDY603'), []);
  });

  it('option engagementKeywords: the team\'s own word counts once configured', () => {
    const text = withValue(VALID, BACKUP_LINE, '`@li-wei` (covers when DRI is OOO), pairs with the DRI every Friday.');
    assert.equal(withCode(check(text), 'RDY603').length, 1);
    assert.deepEqual(withCode(check(text, withRuleOptions('RDY603', { engagementKeywords: ['pairs with'] })), 'RDY603'), []);
  });
});

describe('RDY604 decision-authority (O3)', () => {
  it('passes the valid example (template lead-in kept) and a handle alone', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY604'), []);
    assert.deepEqual(withCode(check(withValue(VALID, AUTHORITY_LINE, 'd-okafor')), 'RDY604'), []);
    assert.deepEqual(withCode(check(withValue(VALID, AUTHORITY_LINE, 'who can flip the rollback flag without committee: d-okafor')), 'RDY604'), []);
  });

  it('reports a value that is no handle, a team or several people, on the value', () => {
    for (const [value, message] of [
      ['who can flip the rollback flag without committee — the on-call lead', /"the on-call lead" is not a GitHub handle/],
      ['who can flip the rollback flag without committee — `@cvn/ml-platform`', /names a team \("@cvn\/ml-platform"\)/],
      ['who can flip the rollback flag without committee — `@d-okafor` or `@ana-m`', /names 2 people/],
      ['who can flip the rollback flag without committee —', /names nobody/],
    ] as const) {
      const text = withValue(VALID, AUTHORITY_LINE, value);
      const [diagnostic, ...rest] = withCode(check(text), 'RDY604');
      assert.ok(diagnostic, value);
      assert.equal(rest.length, 0);
      assert.equal(diagnostic.severity, 1);
      assert.equal(at(diagnostic.range), valueRangeOf(text, AUTHORITY_LINE));
      assert.match(msg(diagnostic), message);
      assert.match(msg(diagnostic), /flip the rollback flag without the committee/);
    }
  });

  it('reports a missing Decision authority; the fix inserts it before the Sunset date', () => {
    const text = edit(VALID, /- \*\*Decision authority\*\*:.*\n/, '');
    const [diagnostic] = withCode(check(text), 'RDY604');
    assert.equal(at(diagnostic.range), rangeOf(text, HEADING));
    const fixed = applyEdits(text, finding(text, 'RDY604').fixes[0].edits);
    const lines = fixed.split('\n');
    const inserted = lines.findIndex((l) => l.startsWith(AUTHORITY_LINE));
    assert.ok(lines[inserted + 1].startsWith(SUNSET_LINE));
    assert.deepEqual(withCode(check(fixed), 'RDY604'), []);
    assert.deepEqual(newErrors(text, fixed, [inserted]), []);
  });
});

describe('RDY605 sunset-date (O4)', () => {
  it('passes the valid example', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY605'), []);
  });

  it('reports a date that does not exist on the date itself; "Set to" writes the expected date', () => {
    const text = edit(VALID, '`2027-02-21`', '`2027-02-30`');
    const [diagnostic, ...rest] = withCode(check(text), 'RDY605');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 1);
    assert.equal(at(diagnostic.range), rangeOf(text, SUNSET_LINE, '2027-02-30'));
    assert.match(msg(diagnostic), /2027-02-30 does not exist/);
    assert.match(msg(diagnostic), /2027-02-21/);
    const fix = finding(text, 'RDY605').fixes[0];
    assert.equal(fix.title, 'Set to 2027-02-21');
    assert.ok(!fix.safe);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, VALID);
  });

  it('reports a date not after Filled on', () => {
    const text = edit(VALID, '`2027-02-21`', '`2026-11-02`');
    const [diagnostic] = withCode(check(text), 'RDY605');
    assert.equal(at(diagnostic.range), rangeOf(text, SUNSET_LINE, '2026-11-02'));
    assert.match(msg(diagnostic), /2026-11-02 is not after Filled on 2026-11-02/);
    assert.deepEqual(withCode(check(text), 'RDY606'), [], 'one diagnostic per problem');
  });

  it('reports a value with no date on the value; an empty value gets a fix', () => {
    const text = withValue(VALID, SUNSET_LINE, 'end of Q1');
    const [diagnostic] = withCode(check(text), 'RDY605');
    assert.equal(at(diagnostic.range), valueRangeOf(text, SUNSET_LINE));
    assert.match(msg(diagnostic), /"end of Q1" is not a date: write YYYY-MM-DD, e\.g\. 2027-02-21/);
    const empty = withValue(VALID, SUNSET_LINE, '').replace(`${SUNSET_LINE} \n`, `${SUNSET_LINE}\n`);
    const fixed = applyEdits(empty, finding(empty, 'RDY605').fixes[0].edits);
    assert.ok(fixed.includes(`${SUNSET_LINE} \`2027-02-21\`\n`));
    assert.deepEqual(withCode(check(fixed), 'RDY605'), []);
  });

  it('stays silent on the YYYY-MM-DD placeholder (RDY001 reports it)', () => {
    const text = edit(VALID, '`2027-02-21`', '`YYYY-MM-DD`');
    assert.deepEqual(withCode(check(text), 'RDY605'), []);
    assert.deepEqual(withCode(check(text), 'RDY606'), []);
  });

  it('reports a missing Sunset date; the fix inserts the expected date, which passes RDY606 too', () => {
    const text = edit(VALID, /- \*\*Sunset date\*\*:.*\n/, '');
    const [diagnostic] = withCode(check(text), 'RDY605');
    assert.equal(at(diagnostic.range), rangeOf(text, HEADING));
    assert.match(msg(diagnostic), /no Sunset date.*2027-02-21/);
    const fixed = applyEdits(text, finding(text, 'RDY605').fixes[0].edits);
    assert.equal(fixed, VALID, 'the template line with the expected date is the valid example\'s line');
  });

  it('missing fields are inserted after the intro, in the template order, each fix clearing its own error', () => {
    let text = withSection(VALID, 6, 'owner/missing-fields.md');
    const diagnostics = check(text).filter((d) => CODES.includes(String(d.code)));
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['RDY601', 'RDY602', 'RDY604', 'RDY605']);
    for (const d of diagnostics) assert.equal(at(d.range), rangeOf(text, HEADING));
    for (const code of ['RDY605', 'RDY602', 'RDY601', 'RDY604']) {
      const fixed = applyEdits(text, finding(text, code).fixes[0].edits);
      assert.deepEqual(withCode(check(fixed), code), [], code);
      assert.deepEqual(newErrors(text, fixed, addedLines(text, fixed)), [], code);
      text = fixed;
    }
    const section = text.slice(text.indexOf(HEADING), text.indexOf('## Sign-off'));
    assert.deepEqual(
      section.split('\n').filter((l) => l.startsWith('- **')).map((l) => l.slice(0, l.indexOf(':'))),
      ['- **DRI**', '- **Backup DRI**', '- **Decision authority**', '- **Sunset date**'],
    );
    assert.match(section, /for the next 90 days\.\n\n- \*\*DRI\*\*: `@ana-m`/);
    assert.match(section, /- \*\*Sunset date\*\*: `2027-02-21`.*\n\nAna owns this; ask her\./);
  });
});

describe('RDY606 sunset-window (O4)', () => {
  it('passes the valid example (2026-11-02 + 14 + 7 + 90 = 2027-02-21) and the CVN-N014 example (+ 3 + 7 + 90)', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY606'), []);
    assert.deepEqual(withCode(check(readExample('documentation/readiness/CVN-N014-LB-S02.md')), 'RDY606'), []);
  });

  it('accepts a date within 14 days of the expected one', () => {
    assert.deepEqual(withCode(check(edit(VALID, '`2027-02-21`', '`2027-03-07`')), 'RDY606'), []);
    assert.deepEqual(withCode(check(edit(VALID, '`2027-02-21`', '`2027-02-07`')), 'RDY606'), []);
  });

  it('warns on a date far from the expected one, stating the expected date; "Set to" fixes it', () => {
    const text = edit(VALID, '`2027-02-21`', '`2026-12-01`');
    const [diagnostic, ...rest] = withCode(check(text), 'RDY606');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 2);
    assert.equal(at(diagnostic.range), rangeOf(text, SUNSET_LINE, '2026-12-01'));
    assert.match(msg(diagnostic), /2026-12-01 is 82 days before the expected 2027-02-21/);
    assert.match(msg(diagnostic), /Filled on 2026-11-02 \+ shadow 14d \+ canary 7d \+ 90 days/);
    assert.match(msg(diagnostic), /set it to 2027-02-21/);
    const fix = finding(text, 'RDY606').fixes[0];
    assert.equal(fix.title, 'Set to 2027-02-21');
    assert.ok(!fix.safe, 'the author may have planned another date');
    assert.equal(applyEdits(text, fix.edits), VALID);
  });

  it('reads the stage durations from §4', () => {
    const longShadow = edit(VALID, '| 14d |', '| 30d |');
    const [diagnostic] = withCode(check(longShadow), 'RDY606');
    assert.match(msg(diagnostic), /16 days before the expected 2027-03-09/);
    assert.match(msg(diagnostic), /shadow 30d \+ canary 7d/);
  });

  it('option toleranceDays', () => {
    const text = edit(VALID, '`2027-02-21`', '`2027-03-01`');
    assert.deepEqual(withCode(check(text), 'RDY606'), []);
    assert.equal(withCode(check(text, withRuleOptions('RDY606', { toleranceDays: 5 })), 'RDY606').length, 1);
  });

  it('option daysAfterFullRollout', () => {
    const [diagnostic] = withCode(check(VALID, withRuleOptions('RDY606', { daysAfterFullRollout: 120 })), 'RDY606');
    assert.match(msg(diagnostic), /expected 2027-03-23/);
  });

  it('option defaultStageDays: used when a §4 Duration cannot be read', () => {
    const text = edit(VALID, '| 14d |', '| a while |');
    // Shadow counts 7 days by default: expected 2027-02-14, 7 days from the date written.
    assert.deepEqual(withCode(check(text), 'RDY606'), []);
    const [diagnostic] = withCode(check(text, withRuleOptions('RDY606', { defaultStageDays: 30 })), 'RDY606');
    assert.match(msg(diagnostic), /shadow 30d/);
  });
});
