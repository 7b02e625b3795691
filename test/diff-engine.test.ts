// The engine's comparison of two revisions of a readiness file (server/src/service/diff): changes in
// meaning, section by section, read from the document model; the findings introduced and fixed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { memoryWorkspace } from '../server/src/service';
import { compareRevisions } from '../server/src/service/diff';
import { edit, readExample, ROOT, TODAY } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
// The example's runbooks, so its §2 checks pass as in examples/.
const RUNBOOKS = Object.fromEntries(
  readdirSync(join(ROOT, 'examples/documentation/runbooks')).map((name) => [
    `documentation/runbooks/${name}`,
    readFileSync(join(ROOT, 'examples/documentation/runbooks', name), 'utf8'),
  ]),
);
const workspace = memoryWorkspace(RUNBOOKS);
const revision = (text: string) => ({ text, documentPath: 'documentation/readiness/CVN-N011-EA-S11.md', workspace, today: TODAY });
const compare = (before: string, after: string) => compareRevisions(revision(before), revision(after))!;
const changes = (before: string, after: string) => compare(before, after).changes.map((c) => `${c.section}: ${c.message}`);

function edits(text: string, ...pairs: Array<[string | RegExp, string]>): string {
  return pairs.reduce((result, [from, to]) => edit(result, from, to), text);
}

describe('comparing two revisions', () => {
  it('names each change in meaning in the section it belongs to, in template order', () => {
    const after = edits(
      VALID,
      ['| P3 | email |', '| P1 | Pagerduty |'],
      ['`feature_pipeline_failures > 3 for 60 min`', '`feature_pipeline_failures > 1 for 30 min`'],
      ['| 0% (predictions logged, not acted) | 14d |', '| 0% (predictions logged, not acted) | 21d |'],
      // The same duration written another way: no change.
      ['| 7d | live', '| 7 days | live'],
      ['BTCUSDC only (1 crypto out of 5), chosen', 'ETHUSDC only (1 crypto out of 5), chosen'],
      ['| < 5 min |\n| Feature', '| < 15 min |\n| Feature'],
      ['| rolling 7d vs training window |', '| rolling 30d vs training window |'],
      ['who can flip the rollback flag without committee — `@d-okafor`', 'who can flip the rollback flag without committee — `@quinn-r`'],
      ['- [x] §5 rollback', '- [ ] §5 rollback'],
      ['warn `> 250 ms` / crit `> 500 ms`', 'warn `> 400 ms` / crit `> 800 ms`'],
      ['session pr_review-2026-10-30-04', 'session pr_review-2026-11-20-01'],
    );
    assert.deepEqual(changes(VALID, after), [
      'header: Committee session changed from `pr_review-2026-10-30-04` to `pr_review-2026-11-20-01`',
      'monitoring: metric `inference_latency_p99`: threshold changed from `warn > 250 ms / crit > 500 ms` to `warn > 400 ms / crit > 800 ms`',
      'alerting: P3 alert `ea_s11_feature_pipeline_failures` upgraded to P1',
      'alerting: alert `ea_s11_feature_pipeline_failures`: trigger changed from `feature_pipeline_failures > 3 for 60 min` to `feature_pipeline_failures > 1 for 30 min`',
      'alerting: alert `ea_s11_feature_pipeline_failures`: notification channel changed from `email` to `Pagerduty`',
      'drift: Data drift: window changed from `rolling 7d vs training window` to `rolling 30d vs training window`',
      'rollout: shadow lengthened from 14d to 21d',
      'rollout: canary moved from BTCUSDC to ETHUSDC',
      'rollback: rollback mechanism `Model version pinning`: revert SLA changed from `< 5 min` to `< 15 min`',
      'owner: Decision authority changed `@d-okafor` → `@quinn-r`',
      'checklist: box "§5 rollback" unticked',
    ]);
  });

  it('says a removed section once, what rollback remains once, and the findings each direction brings', () => {
    const after = edits(
      VALID,
      [
        /\| FTF factor flag \|.*\n\| Model version pinning \|.*\n\| Feature artefact pinning \|.*\n/,
        '| Hotfix deploy | ship the revert | < 30 min |\n| Redeploy | redeploy the previous image | < 20 min |\n',
      ],
      [/## 3\. Drift detection[\s\S]*?(?=## 4\.)/, ''],
      ['- **Sunset date**: `2027-02-21`', '- **Sunset date**: `YYYY-MM-DD`'],
      [' (verdict OK-WITH-CHANGES)', ''],
    );
    const forward = compare(VALID, after);
    assert.deepEqual(forward.changes.map((c) => `${c.section}: ${c.message}`), [
      'header: Committee verdict OK-WITH-CHANGES removed',
      'drift: §3 removed',
      'rollback: rollback mechanism `FTF factor flag` removed',
      'rollback: rollback mechanism `Model version pinning` removed',
      'rollback: rollback mechanism `Feature artefact pinning` removed — only a code deploy remains (`Hotfix deploy`, `Redeploy`)',
      'rollback: rollback mechanism `Hotfix deploy` added (code deploy)',
      'rollback: rollback mechanism `Redeploy` added (code deploy)',
      'owner: sunset date removed (was 2027-02-21)',
    ]);
    assert.deepEqual(forward.fixed, []);
    const introduced = forward.introduced.map((f) => f.code);
    const backward = compare(after, VALID);
    assert.deepEqual(backward.introduced, []);
    assert.deepEqual(backward.fixed.map((f) => f.code), introduced);
    assert.deepEqual(introduced, ['RDY105', 'RDY002', 'RDY501', 'RDY502', 'RDY001', 'RDY701', 'RDY701', 'RDY701']);
  });

  it('sees no change when rows move, cells are re-padded or markup changes, and lines shift', () => {
    const after = edits(
      VALID,
      [/(\| FTF factor flag \|.*\n)(\| Model version pinning \|.*\n)/, '$2$1'],
      ['| `pnl_per_trade` | histogram |', '|  `pnl_per_trade`  |  **histogram**  |'],
      ['## 1. Production monitoring (MUST)\n', '## 1. Production monitoring (MUST)\n\nA sentence of the author.\n'],
    );
    const result = compare(VALID, after);
    assert.deepEqual(result.changes, []);
    assert.deepEqual(result.introduced, []);
    assert.deepEqual(result.fixed, []);
  });

  it('summarises an added file and keeps the last state of a removed one', () => {
    const added = compareRevisions(undefined, revision(VALID))!;
    assert.equal(added.status, 'added');
    assert.deepEqual(added.summary, {
      story: 'CVN-N011-EA-S11',
      title: 'Label smoothing for entry-alignment buy labels',
      dri: '@ana-m',
      stages: 'shadow 14d → canary 7d (BTCUSDC) → full',
      sunset: '2027-02-21',
      errors: 0,
      warnings: 0,
    });
    const removed = compareRevisions(revision(VALID), undefined)!;
    assert.equal(removed.status, 'removed');
    assert.equal(removed.summary.story, 'CVN-N011-EA-S11');
    // Markdown that is no readiness file (by path or title) on either side: nothing to say.
    assert.equal(compareRevisions({ ...revision('# Notes\n\nNot a readiness file.\n'), documentPath: 'docs/notes.md' }, undefined), undefined);
  });
});
