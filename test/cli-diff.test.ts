// `mlops-readiness diff`: what a range of commits changed in meaning in the readiness files. Every
// test builds a real git repository with commits and spawns the BUILT CLI (cli/out/cli.js).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withoutMentions } from '../cli/src/diffFormat';
import { commit, EXAMPLE, EXAMPLE_PATH, git, gitRepository, run, RUNBOOKS, write } from './gitRepo';
import { TODAY } from './helpers';

/** The example with a hotfix as its only non-config mechanism, so removing the flag leaves a deploy. */
const BASE = EXAMPLE.replace(
  /\| Model version pinning \|.*\n\| Feature artefact pinning \|.*\n/,
  '| Hotfix deploy | revert the PR and ship through the hotfix flow (`OPERATIONS.md` §16.7) | < 30 min |\n',
);

function edit(text: string, ...replacements: Array<[string | RegExp, string]>): string {
  let result = text;
  for (const [from, to] of replacements) {
    const next = result.replace(from, to);
    assert.notEqual(next, result, `the fixture has ${String(from)}`);
    result = next;
  }
  return result;
}

/** The review-relevant edits the issue lists, in one commit. */
const RISKY = edit(
  BASE,
  ['| P1 | Pagerduty |', '| P2 | Pagerduty |'],
  ['| 0% (predictions logged, not acted) | 14d |', '| 0% (predictions logged, not acted) | 3d |'],
  ['\n## 5. Rollback plan', '\n**SKIP — JUSTIFICATION**: calibration-only, shadow=3d because only the decision threshold moves\n\n## 5. Rollback plan'],
  ['| BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book |', '| all cryptos |'],
  [/\| FTF factor flag \|.*\n/, ''],
  ['**DRI**: `@ana-m`', '**DRI**: `@b-chen`'],
  ['`2027-02-21`', '`2027-09-01`'],
  ['(verdict OK-WITH-CHANGES)', '(verdict OK)'],
);

/** Rows moved, table re-padded, alignment added: the same meaning. */
const RELAID = edit(
  EXAMPLE,
  [/(\| `ea_s11_buy_signal_starvation` .*\n)(\| `ea_s11_feature_pipeline_failures` .*\n)/, '$2$1'],
  ['|---|---|---|---|---|\n| `ea_s11', '| --- | :--- | --- | --- | --- |\n| `ea_s11'],
  ['| `pnl_per_trade` | histogram |', '|   `pnl_per_trade`   |   histogram   |'],
);

const ALERTING_SKIPPED = edit(
  EXAMPLE,
  [
    /(## 2\. Alerting & runbooks \(MUST\)\n)[\s\S]*?(\n## 3\.)/,
    '$1\n**SKIP — JUSTIFICATION**: the existing `expectancy_negative` alert of the champion already pages for this track\n$2',
  ],
  [
    /\| `api_calls_per_trade` .*\n/,
    '| `signals.capture_rate_per_fold` | gauge | OpenTelemetry span | https://grafana.cvn-trading.com/d/cvn-features/pipeline?orgId=1&viewPanel=11 | warn `< 90%` / crit `< 80%` | `@ana-m` |\n',
  ],
  ['**Backup DRI**: `@li-wei`', '**Backup DRI**: `@d-okafor`'],
);

const OTHER_PATH = 'documentation/readiness/CVN-N012-FX-S03.md';
const NEW_PATH = 'documentation/readiness/CVN-N020-NEW-S01.md';

describe('mlops-readiness diff', () => {
  it('lists what changed in meaning, section by section, with the findings introduced', () => {
    const dir = gitRepository({ [EXAMPLE_PATH]: BASE, ...RUNBOOKS });
    git(dir, 'checkout', '-q', '-b', 'feature');
    commit(dir, { [EXAMPLE_PATH]: RISKY }, 'riskier rollout');
    const { code, stdout, stderr } = run(['diff', '--base', 'main', '--head', 'feature', '--today', TODAY], dir);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '## MLOps readiness changes: main → feature',
        '',
        '1 readiness file: 1 changed.',
        '',
        '### `documentation/readiness/CVN-N011-EA-S11.md` (changed)',
        '',
        '**CVN-N011-EA-S11 — Label smoothing for entry-alignment buy labels**',
        '',
        '**Header**',
        '',
        '- Committee verdict changed from OK-WITH-CHANGES to OK',
        '',
        '**§2 Alerting & runbooks**',
        '',
        '- P1 alert `ea_s11_expectancy_negative` downgraded to P2',
        '- No P1 alert remains',
        '',
        '**§4 Staged rollout**',
        '',
        '- Shadow shortened from 14d to 3d (SKIP added)',
        '- Canary moved from BTCUSDC to `all cryptos`',
        '',
        '**§5 Rollback plan**',
        '',
        '- Rollback mechanism `FTF factor flag` removed — only a hotfix deploy remains',
        '',
        '**§6 Owner & DRI**',
        '',
        '- DRI changed `@ana-m` → `@b-chen`',
        '- Sunset moved from 2027-02-21 to 2027-09-01',
        '',
        '**Findings introduced** (4 errors, 5 warnings)',
        '',
        '- error RDY201 line 44: No P1 alert: add one that pages on-call (Pagerduty) for the failure that would silently lose revenue, e.g. `pnl_per_trade` < 0 over 24h.',
        '- error RDY404 line 84: The Canary row names no crypto: write the symbol that hosts the canary, e.g. `BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book`.',
        '- error RDY403 line 84: Canary traffic "all cryptos" is more than one crypto: the canary runs on a single crypto first, never all at once: write e.g. `BTCUSDC only (1 crypto out of 5)`.',
        '- error RDY501 line 100: No config-only rollback: §5 lists only "Hotfix deploy" (code deploy). Add a config-only path as the first row — an FTF factor flag (`CVN_FACTOR_<NAME>=off`), an MLflow alias / model version pin, a feature artefact pin or a config value — and keep any code deploy as a secondary path (ADR-56).',
        '- warning RDY502 line 102: The primary (first) rollback path "Hotfix deploy" reverts in 30 min (Revert SLA "< 30 min"), over the 5 min revert window: put a config-only path that reverts within 5 min first (an FTF factor flag takes `< 1 min`).',
        '- warning RDY606 line 119: The Sunset date 2027-09-01 is 203 days after the expected 2027-02-10 (Filled on 2026-11-02 + shadow 3d + canary 7d + 90 days after full rollout, ± 14 days): set it to 2027-02-10.',
        '- warning RDY701 line 126: §2 is ticked, but no P1 alert (line 44, RDY201): fix §2, or untick the box.',
        '- warning RDY701 line 128: §4 is ticked, but the Canary row names no crypto (line 84, RDY404), and 1 more error: fix §4, or untick the box.',
        '- warning RDY701 line 129: §5 is ticked, but no config-only rollback (line 100, RDY501): fix §5, or untick the box.',
        '',
        'Now: 4 errors, 5 warnings.',
        '',
      ].join('\n'),
    );
    // Undoing it fixes what it introduced.
    commit(dir, { [EXAMPLE_PATH]: BASE }, 'undo');
    const back = run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json', '--today', TODAY], dir);
    const reverse = JSON.parse(back.stdout).files[0];
    assert.deepEqual(reverse.introduced, []);
    assert.deepEqual(
      reverse.fixed.map((f: { code: string }) => f.code),
      ['RDY201', 'RDY404', 'RDY403', 'RDY501', 'RDY502', 'RDY606', 'RDY701', 'RDY701', 'RDY701'],
    );
    assert.ok(reverse.changes.some((c: { message: string }) => c.message === 'P2 alert `ea_s11_expectancy_negative` upgraded to P1'));
  });

  it('summarises an added file, says a removed one, and sees no change in moved or re-padded rows (working tree included)', () => {
    const dir = gitRepository({ [EXAMPLE_PATH]: EXAMPLE, [OTHER_PATH]: EXAMPLE.replace(/CVN-N011-EA-S11/g, 'CVN-N012-FX-S03'), ...RUNBOOKS });
    git(dir, 'checkout', '-q', '-b', 'feature');
    commit(dir, { [EXAMPLE_PATH]: RELAID }, 'layout only');
    git(dir, 'rm', '-q', OTHER_PATH);
    git(dir, 'commit', '-q', '-m', 'retired');
    // Not committed yet, not even added: the working tree is the head by default.
    write(dir, {
      [NEW_PATH]: edit(
        EXAMPLE.replace(/CVN-N011-EA-S11/g, 'CVN-N020-NEW-S01'),
        ['Label smoothing for entry-alignment buy labels', 'Funding-rate feature'],
        ['**DRI**: `@ana-m`', '**DRI**: @ana-m, @li-wei'],
      ),
    });
    const { code, stdout, stderr } = run(['diff', '--base', 'main', '--today', TODAY], dir);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '## MLOps readiness changes: main → the working tree',
        '',
        '3 readiness files: 1 added, 1 changed, 1 removed.',
        '',
        '### `documentation/readiness/CVN-N011-EA-S11.md` (changed)',
        '',
        '**CVN-N011-EA-S11 — Label smoothing for entry-alignment buy labels**',
        '',
        'No change in meaning (wording or layout only).',
        '',
        '### `documentation/readiness/CVN-N012-FX-S03.md` (removed)',
        '',
        '**CVN-N012-FX-S03 — Label smoothing for entry-alignment buy labels**',
        '',
        'The readiness file was removed.',
        '',
        '### `documentation/readiness/CVN-N020-NEW-S01.md` (added)',
        '',
        '**CVN-N020-NEW-S01 — Funding-rate feature**',
        '',
        '- DRI: `@ana-m`, `@li-wei`',
        '- Stages: shadow 14d → canary 7d (BTCUSDC) → full',
        '- Sunset: 2027-02-21',
        '- Findings: 2 errors, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON: skipped section, metrics added and removed, backup changed; paths narrow the files', () => {
    const dir = gitRepository({ [EXAMPLE_PATH]: EXAMPLE, [OTHER_PATH]: EXAMPLE, ...RUNBOOKS });
    commit(dir, { [EXAMPLE_PATH]: ALERTING_SKIPPED, [OTHER_PATH]: RISKY }, 'both');
    const { code, stdout } = run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json', '--today', TODAY, EXAMPLE_PATH], dir);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), {
      version: 1,
      base: 'HEAD~1',
      head: 'HEAD',
      files: [
        {
          file: EXAMPLE_PATH,
          previousFile: null,
          status: 'changed',
          story: 'CVN-N011-EA-S11',
          title: 'Label smoothing for entry-alignment buy labels',
          changes: [
            { section: 'monitoring', message: 'metric `signals.capture_rate_per_fold` added' },
            { section: 'monitoring', message: 'metric `api_calls_per_trade` removed' },
            // The skip says it all: the alerts that go with it are not listed one by one.
            { section: 'alerting', message: '§2 now skipped' },
            { section: 'owner', message: 'Backup DRI changed `@li-wei` → `@d-okafor`' },
          ],
          introduced: [
            {
              code: 'RDY118',
              rule: 'metric-encouraged',
              severity: 'information',
              message:
                '§1 has no cost metric (API calls per trade, compute $ per training run, MLflow storage growth): the template recommends one as a health metric, e.g. `api_calls_per_trade`.',
              line: 12,
              section: 'monitoring',
            },
            {
              code: 'RDY006',
              rule: 'skip-may-be-rejected',
              severity: 'warning',
              message: 'Section "2. Alerting & runbooks (MUST)" is skipped: the committee may reject the skip; fill the section if you can.',
              line: 42,
              section: 'alerting',
            },
          ],
          fixed: [],
          summary: {
            story: 'CVN-N011-EA-S11',
            title: 'Label smoothing for entry-alignment buy labels',
            dri: '@ana-m',
            stages: 'shadow 14d → canary 7d (BTCUSDC) → full',
            sunset: '2027-02-21',
            errors: 0,
            warnings: 1,
          },
        },
      ],
    });
  });

  it('says so when no readiness file changed (other Markdown, images), from any folder of the repository', () => {
    const dir = gitRepository({ [EXAMPLE_PATH]: EXAMPLE, 'README.md': '# Project\n' });
    commit(dir, { 'README.md': '# Project\n\nMore.\n', 'documentation/readiness/chart.png': '\u0089PNG\r\n' }, 'docs');
    const expected = '## MLOps readiness changes: HEAD~1 → the working tree\n\nNo readiness file was added, changed or removed.\n';
    for (const [args, cwd] of [
      [['diff', '--base', 'HEAD~1'], dir],
      [['diff', '--base', 'HEAD~1', '..'], join(dir, 'documentation')],
    ] as const) {
      const { code, stdout } = run([...args], cwd);
      assert.equal(code, 0);
      assert.equal(stdout, expected);
    }
  });

  it('pairs a renamed file with its old revision', () => {
    const dir = gitRepository({ [EXAMPLE_PATH]: EXAMPLE, ...RUNBOOKS });
    const renamed = 'documentation/readiness/archive/CVN-N011-EA-S11.md';
    mkdirSync(join(dir, 'documentation/readiness/archive'));
    git(dir, 'mv', EXAMPLE_PATH, renamed);
    commit(dir, { [renamed]: EXAMPLE.replace('**Backup DRI**: `@li-wei`', '**Backup DRI**: `@d-okafor`') }, 'archived, new backup');
    const { code, stdout } = run(['diff', '--base', 'HEAD~1', '--head', 'HEAD', '--today', TODAY], dir);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '## MLOps readiness changes: HEAD~1 → HEAD',
        '',
        '1 readiness file: 1 changed.',
        '',
        '### `documentation/readiness/archive/CVN-N011-EA-S11.md` (changed, renamed from `documentation/readiness/CVN-N011-EA-S11.md`)',
        '',
        '**CVN-N011-EA-S11 — Label smoothing for entry-alignment buy labels**',
        '',
        '**§6 Owner & DRI**',
        '',
        '- Backup DRI changed `@li-wei` → `@d-okafor`',
        '',
        'Now: 0 errors, 0 warnings.',
        '',
      ].join('\n'),
    );
  });

  it('bad input: unknown ref, shallow clone without the base, path outside the repository — one line, exit 2', () => {
    const dir = gitRepository({ [EXAMPLE_PATH]: EXAMPLE });
    commit(dir, { [EXAMPLE_PATH]: RISKY }, 'second');
    const unknown = run(['diff', '--base', 'no-such-branch'], dir);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stdout, '');
    assert.equal(unknown.stderr, 'mlops-readiness: --base: "no-such-branch" is not a commit in this repository (in CI, fetch it first, e.g. git fetch origin no-such-branch)\n');

    const outside = run(['diff', '--base', 'HEAD~1', join(dir, '..')], dir);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^mlops-readiness: \S+ is outside the repository \(.+\)\n$/);

    const format = run(['diff', '--format', 'sarif'], dir);
    assert.equal(format.code, 2);
    assert.equal(format.stderr, 'mlops-readiness: unknown format "sarif" for diff (use markdown, json)\n');

    // A CI checkout of depth 1: the base commit is not there.
    const clone = join(dir, '..', `${dir.split(/[\\/]/).pop()}-shallow`);
    git(join(dir, '..'), 'clone', '-q', '--depth', '1', `file://${dir}`, clone);
    const base = git(dir, 'rev-parse', 'HEAD~1').trim();
    const shallow = run(['diff', '--base', base], clone);
    assert.equal(shallow.code, 2);
    assert.equal(
      shallow.stderr,
      `mlops-readiness: --base: "${base}" is not in this shallow clone: fetch it with its history (e.g. actions/checkout with fetch-depth: 0)\n`,
    );
    rmSync(clone, { recursive: true, force: true });

    const notRepository = run(['diff'], mkdtempSync(join(tmpdir(), 'readiness-no-git-')));
    assert.equal(notRepository.code, 2);
    assert.equal(notRepository.stderr, 'mlops-readiness: diff needs a git repository: run it inside one\n');
  });

  it('never notifies the people a report names: handles outside code spans get one', () => {
    assert.equal(withoutMentions('DRI @ana-m and team @org/ml, `@kept` a@b.c'), 'DRI `@ana-m` and team `@org/ml`, `@kept` a@b.c');
  });
});
