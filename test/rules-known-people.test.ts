// RDY608 known-people: the Owner, DRI, Backup DRI, Decision authority and metric owners are people the
// repository lists in CODEOWNERS or a people file; the hover on a handle says where it was found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { doComplete, doHover, memoryWorkspace, parseReadiness } from '../server/src/service';
import { checkDocument, at, check, edit, rangeOf, readExample, textAt, withCode, TODAY, type CheckOptions } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const EVERYONE = '*  @ana-m @li-wei @d-okafor @cvn/ml-platform  # the ML team\n';
const PATH = 'documentation/readiness/CVN-N011-EA-S11.md';

const people = (text: string, files: Record<string, string>, config?: CheckOptions['config']) =>
  withCode(check(text, { files, config }), 'RDY608');

describe('RDY608 known-people', () => {
  it('is silent when every person is listed in CODEOWNERS, and when the repository lists nobody', () => {
    assert.deepEqual(people(VALID, { '.github/CODEOWNERS': EVERYONE }), []);
    assert.deepEqual(people(VALID, {}), []);
  });

  it('warns on each handle not listed, on the handle, in every person field and metric Owner', () => {
    const files = { CODEOWNERS: '# owners\n/documentation/ @ana-m\n' };
    const found = people(VALID, files);
    assert.deepEqual(
      found.map((d) => [d.severity, textAt(VALID, d.range), d.message]),
      [
        // §1 Owner cells of @li-wei (three metrics), then §6.
        [2, '@li-wei', 'The metric Owner @li-wei is not listed in `CODEOWNERS`: name a person who is, or add @li-wei there.'],
        [2, '@li-wei', 'The metric Owner @li-wei is not listed in `CODEOWNERS`: name a person who is, or add @li-wei there.'],
        [2, '@li-wei', 'The metric Owner @li-wei is not listed in `CODEOWNERS`: name a person who is, or add @li-wei there.'],
        [2, '@li-wei', 'The Backup DRI @li-wei is not listed in `CODEOWNERS`: name a person who is, or add @li-wei there.'],
        [2, '@d-okafor', 'The Decision authority @d-okafor is not listed in `CODEOWNERS`: name a person who is, or add @d-okafor there.'],
      ],
    );
    assert.equal(at(found[3].range), rangeOf(VALID, '- **Backup DRI**:', '@li-wei'));
    // A typo in the header's Owner.
    const typo = edit(VALID, '**Owner**: @ana-m', '**Owner**: @ana-n');
    const owner = people(typo, { CODEOWNERS: EVERYONE });
    assert.deepEqual(owner.map((d) => d.message), ['The Owner @ana-n is not listed in `CODEOWNERS`: name a person who is, or add @ana-n there.']);
    assert.equal(at(owner[0].range), rangeOf(typo, '**Owner**:', '@ana-n'));
  });

  it('reads a configured people file, alone or with CODEOWNERS, naming the files in the message', () => {
    const peopleFile = { RDY608: { peopleFile: 'docs/people.txt' } };
    const list = '# Who may own a readiness file\n@ana-m  Ana Martins\nli-wei\n';
    const both = people(VALID, { 'docs/people.txt': list, '.github/CODEOWNERS': '* @quinn-r\n' }, { rules: peopleFile });
    assert.deepEqual(both.map((d) => d.message), [
      'The Decision authority @d-okafor is not listed in `.github/CODEOWNERS` or `docs/people.txt`: name a person who is, or add @d-okafor there.',
    ]);
    const alone = people(VALID, { 'docs/people.txt': list + '@d-okafor\n', CODEOWNERS: '* @quinn-r\n' }, { rules: { RDY608: { peopleFile: 'docs/people.txt', codeowners: false } } });
    assert.deepEqual(alone, []);
  });

  it('leaves teams to the other rules: a team from CODEOWNERS as DRI keeps RDY601\'s error', () => {
    const team = edit(VALID, '**DRI**: `@ana-m`', '**DRI**: `@cvn/ml-platform`');
    const diagnostics = check(team, { files: { CODEOWNERS: EVERYONE } });
    assert.deepEqual(withCode(diagnostics, 'RDY608'), []);
    assert.equal(withCode(diagnostics, 'RDY601').length, 1);
    assert.equal(withCode(diagnostics, 'RDY601')[0].severity, 1);
  });

  it('is off where other files are not read, and configurable', () => {
    const files = { CODEOWNERS: '* @ana-m\n' };
    const untrusted = checkDocument({ text: VALID, documentPath: PATH, workspace: memoryWorkspace(files), today: TODAY, crossFileReads: false });
    assert.deepEqual(withCode(untrusted.diagnostics, 'RDY608'), []);
    assert.deepEqual(people(VALID, files, { rules: { 'known-people': 'off' } }), []);
    assert.ok(people(VALID, files, { rules: { RDY608: 'error' } }).every((d) => d.severity === 1));
  });
});

describe('hover on a handle', () => {
  const files = { '.github/CODEOWNERS': '# owners\n* @ana-m @cvn/ml-platform\n' };
  function hoverAt(text: string, marker: string, needle: string): string | undefined {
    const line = text.split('\n').findIndex((l) => l.includes(marker));
    const character = text.split('\n')[line].indexOf(needle, text.split('\n')[line].indexOf(marker)) + 1;
    const document = parseReadiness(text);
    const checked = checkDocument({ text, documentPath: PATH, workspace: memoryWorkspace(files), today: TODAY });
    const hover = doHover(document, { line, character }, { settings: checked.settings, workspace: memoryWorkspace(files), documentPath: PATH, today: TODAY });
    return (hover?.contents as MarkupContent | undefined)?.value;
  }

  it('says where the handle was found, or that it is not listed', () => {
    assert.equal(hoverAt(VALID, '**Owner**:', '@ana-m'), '**@ana-m**: listed in `.github/CODEOWNERS` (line 2).');
    const team = edit(VALID, '**DRI**: `@ana-m`', '**DRI**: `@cvn/ml-platform`');
    assert.match(hoverAt(team, '**DRI**:', '@cvn')!, /^\*\*@cvn\/ml-platform\*\*: a team in `.github\/CODEOWNERS` \(line 2\), not one person\./);
    assert.match(hoverAt(VALID, '**Decision authority**:', '@d-okafor')!, /\*\*@d-okafor\*\*: not listed in `.github\/CODEOWNERS`\.$/);
  });
});

describe('completion of a person', () => {
  it('offers the handles of a configured people file, with where they come from', () => {
    const files = { 'docs/people.txt': '@quinn-r  Quinn Rossi\n', '.mlops-readiness.json': '{"rules": {"RDY608": {"peopleFile": "docs/people.txt"}}}' };
    const workspace = memoryWorkspace(files);
    const checked = checkDocument({ text: VALID, documentPath: PATH, workspace, today: TODAY });
    const lines = VALID.split('\n');
    const line = lines.findIndex((l) => l.startsWith('- **Backup DRI**:'));
    const list = doComplete(parseReadiness(VALID), { line, character: '- **Backup DRI**: '.length }, { settings: checked.settings, workspace, documentPath: PATH, today: TODAY });
    const quinn = list.items.find((item) => item.label === '@quinn-r');
    assert.equal(quinn?.detail, 'from docs/people.txt');
  });
});
