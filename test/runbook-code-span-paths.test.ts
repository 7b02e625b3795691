import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createReadinessService, memoryWorkspace } from '../server/src/service';
import { readExample, TODAY } from './helpers';

// A runbook path in a code span is read from the workspace root, `.` and `..` resolved as the workspace reads
// them; RDY205–RDY206 and "Create runbook" read the same path, and nothing is created outside the root.
const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const PATH = 'documentation/readiness/CVN-N011-EA-S11.md';
const CELL = '`documentation/runbooks/ea-s11-expectancy-negative.md`';
const service = createReadinessService();

function onRow(cell: string) {
  const text = VALID.replace(CELL, cell);
  const line = text.split('\n').findIndex((l) => l.includes(cell));
  const result = service.check({ text, documentPath: PATH, workspace: memoryWorkspace({}, 'file:///ws/'), today: TODAY });
  const document = { ...result, analysis: result.analysis! };
  const findings = document.analysis.findings.filter((f) => f.range.start.line === line && /^RDY20[567]$/.test(f.rule.code));
  const creates = findings.flatMap((f) =>
    service
      .codeActions(document, f.range, { uri: `file:///ws/${PATH}`, createFileSupport: true })
      .filter((action) => action.title.startsWith('Create runbook'))
      .map((action) => {
        const [create, write] = (action.edit?.documentChanges ?? []) as Array<{ kind?: string; uri?: string; textDocument?: { uri: string } }>;
        return { title: action.title, create: create.uri, write: write.textDocument?.uri };
      }),
  );
  return { findings: findings.map((f) => [f.rule.code, f.message.replace(/ does not exist in the workspace:.*$/, ' does not exist').replace(/: write a path.*$/, '')]), creates };
}

describe('a runbook path in a code span, with `./` or `../`', () => {
  for (const written of [
    './documentation/runbooks/new-one.md',
    'documentation/./runbooks/new-one.md',
    'documentation//runbooks/new-one.md',
    'documentation/runbooks/old/../new-one.md',
    'documentation/readiness/../runbooks/new-one.md',
  ]) {
    it(`\`${written}\` is documentation/runbooks/new-one.md for RDY206 and for "Create runbook", whose target is that file`, () => {
      const { findings, creates } = onRow(`\`${written}\``);
      assert.deepEqual(findings, [['RDY206', 'Runbook documentation/runbooks/new-one.md does not exist']]);
      assert.deepEqual(creates, [
        { title: 'Create runbook documentation/runbooks/new-one.md', create: 'file:///ws/documentation/runbooks/new-one.md', write: 'file:///ws/documentation/runbooks/new-one.md' },
      ]);
    });
  }

  for (const written of ['../runbooks/new-one.md', './../documentation/runbooks/new-one.md', 'documentation/runbooks/../../../new-one.md', '..\\runbooks\\new-one.md']) {
    it(`\`${written}\` leads out of the root: only RDY205's finding, no RDY206 and no "Create runbook"`, () => {
      const { findings, creates } = onRow(`\`${written}\``);
      assert.deepEqual(findings, [['RDY205', `Runbook "${written}" must stay inside the workspace`]]);
      assert.deepEqual(creates, []);
    });
  }

  it('a link is read from the file\'s folder, a code span from the root: both name the same file when they mean it', () => {
    const link = onRow('[runbook](../runbooks/new-one.md)');
    const span = onRow('`documentation/runbooks/new-one.md`');
    assert.deepEqual(link.creates, span.creates);
    assert.deepEqual(link.creates.map((c) => c.create), ['file:///ws/documentation/runbooks/new-one.md']);
  });

  it('`..` that stays inside the root but leaves the runbook folder is judged as the path it names', () => {
    const { findings, creates } = onRow('`documentation/runbooks/../new-one.md`');
    assert.deepEqual(findings, [['RDY205', 'Runbook "documentation/new-one.md" is not under documentation/runbooks/: write `documentation/runbooks/new-one.md` (and keep the file there).']]);
    assert.deepEqual(creates, []);
  });
});
