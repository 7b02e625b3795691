// Property: rewriting a readiness file in another style that means the same (test/rewrites.ts lists the styles)
// changes nothing the checker says. Valid files stay free of errors and warnings; defective files keep each of
// their findings, on the line the original line became.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { memoryWorkspace, type WorkspaceView } from '../server/src/service';
import { describeDifferences, type Expected, type Reported } from './expectations';
import { checkDocument, edit, ROOT, TODAY } from './helpers';
import { parse, render, REWRITES, REWRITES_BY_KIND, rewrite, type Rewrite } from './rewrites';

/** The runbooks of a workspace folder, by root-relative path. */
function runbooksOf(root: string): WorkspaceView {
  const folder = join(root, 'documentation/runbooks');
  return memoryWorkspace(Object.fromEntries(readdirSync(folder).map((name) => [`documentation/runbooks/${name}`, readFileSync(join(folder, name), 'utf8')])));
}

const EXAMPLES = join(ROOT, 'examples');
const CORPUS = join(ROOT, 'test/corpus');
const exampleRunbooks = runbooksOf(EXAMPLES);
const corpusRunbooks = runbooksOf(CORPUS);

interface Base {
  name: string;
  text: string;
  /** Root-relative path the file is checked at. */
  path: string;
  workspace: WorkspaceView;
  /** Findings of the original file (1-based lines); none for a valid file. */
  expected: Expected[];
}

const example = (name: string, expected: Array<[string, number]> = []): Base => ({
  name: `examples/${name}`,
  text: readFileSync(join(EXAMPLES, 'documentation/readiness', name), 'utf8'),
  path: `documentation/readiness/${name}`,
  workspace: exampleRunbooks,
  expected: expected.map(([code, line]) => ({ code, line })),
});
const corpusFile = (name: string): Base => {
  const path = join(CORPUS, 'documentation/readiness', name);
  return {
    name: `corpus/${name}`,
    text: readFileSync(path, 'utf8'),
    path: `documentation/readiness/${name}`,
    workspace: corpusRunbooks,
    expected: JSON.parse(readFileSync(path.replace(/\.md$/, '.expected.json'), 'utf8')) as Expected[],
  };
};

const VALID: Base[] = [
  example('CVN-N011-EA-S11.md'),
  corpusFile('valid/CVN-N027-CAL-S02.md'),
  corpusFile('valid/CVN-N026-MT-S02.md'),
];

const twoCryptoCanary = example('CVN-N011-EA-S11.md', [['RDY403', 84], ['RDY701', 128]]);
const DEFECTIVE: Base[] = [
  // R2 3-day shadow, R4 "we'll pick later", R5 auto-promotion, O1 team as DRI, C1 ticked boxes.
  example('CVN-N014-LB-S02.md', [['RDY402', 50], ['RDY404', 51], ['RDY406', 52], ['RDY601', 69], ['RDY701', 79], ['RDY701', 81]]),
  // F1 placeholders, A1 no P1 alert, A5 incomplete runbook, C1 ticked boxes.
  example('CVN-N012-FX-S03.md', [
    ['RDY001', 16], ['RDY001', 16], ['RDY001', 16], ['RDY201', 23], ['RDY207', 25], ['RDY207', 25], ['RDY001', 26], ['RDY001', 66], ['RDY701', 70], ['RDY701', 71],
  ]),
  // H4 future date, H5 REJECT, D3 silent retrain, B1–B4 code-deploy rollback, F2 §6 missing, C1 ticked boxes.
  example('CVN-N015-CAL-S01.md', [
    ['RDY104', 5], ['RDY105', 6], ['RDY303', 36], ['RDY501', 52], ['RDY503', 52], ['RDY504', 52], ['RDY502', 54], ['RDY002', 56], ['RDY701', 60], ['RDY701', 62], ['RDY701', 63],
  ]),
  // R3 a canary on two cryptos at once.
  { ...twoCryptoCanary, name: 'examples/CVN-N011-EA-S11.md with a `SOLUSDC + ETHUSDC` canary', text: edit(twoCryptoCanary.text, 'BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book', '`SOLUSDC + ETHUSDC`') },
];

/** Bases every rewrite is tried on alone: the template's layout, valid and with each kind of defect. */
const BASES = [...VALID, ...DEFECTIVE];

/** The valid example with another canary: more than one crypto (R3), or none named (R4). */
const CANARY_CELL = 'BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book';
const canary = (traffic: string, codes: string[]): Base => ({
  ...example('CVN-N011-EA-S11.md', [...codes.map((code): [string, number] => [code, 84]), ['RDY701', 128]]),
  name: `examples/CVN-N011-EA-S11.md with the canary on "${traffic}"`,
  text: edit(readFileSync(join(EXAMPLES, 'documentation/readiness/CVN-N011-EA-S11.md'), 'utf8'), CANARY_CELL, traffic),
});
/** Bases the checker still gets wrong (by name), with what it gets wrong: checked apart, as TODO, not hidden. */
const KNOWN_GAPS: Record<string, string> = {};

const ALL_CANARY_BASES: Base[] = [
  ...['SOLUSDC, ETHUSDC', 'SOLUSDC and ETHUSDC', 'SOLUSDC & ETHUSDC', 'SOLUSDC/ETHUSDC', '`BTCUSDC` + `XRPUSDC` only'].map((t) => canary(t, ['RDY403'])),
  ...['all cryptos', 'every crypto at 10% size', '5 cryptos', '100%'].map((t) => canary(t, ['RDY403', 'RDY404'])),
  ...['TBD', 'to be decided with the desk', "one crypto, we'll pick later", 'BTCUSDC or ETHUSDC'].map((t) => canary(t, ['RDY404'])),
];
const CANARY_BASES = ALL_CANARY_BASES.filter((base) => !(base.name in KNOWN_GAPS));

/**
 * Corpus files the rewrites cannot read back byte for byte, with the reason; every other corpus file is a
 * base of the random combinations too, its sidecar giving its findings.
 */
const NOT_REWRITTEN: Record<string, string> = {
  'valid/CVN-N025-XG-S04.md': 'tables without outer pipes',
  'valid/CVN-N031-LQ-S01.md': 'tables padded by a formatter',
  'valid/CVN-N111-KV-S01.md': 'tables padded by a formatter',
  'valid/CVN-N032-NW-S01.md': 'a header table without a header row',
  'valid/CVN-N088-WN-S01.md': 'tabs around table cells',
  'defective/CVN-N098-WN-S02.md': 'tabs around table cells',
  'defective/CVN-N050-LQ-S02.md': 'tables padded by a formatter',
  'defective/CVN-N052-XG-S05.md': 'tables without outer pipes',
  'defective/CVN-N058-NW-S02.md': 'a header table without a header row',
  'defective/CVN-N059-LQ-S03.md': 'tables padded by a formatter',
  'valid/CVN-N122-NB-S01.md': 'a zero-width space and no-break spaces after header keys',
  'valid/CVN-N125-TB-S01.md': 'rows without their trailing pipe',
  'defective/CVN-N132-NB-S02.md': 'a zero-width space and no-break spaces after header keys',
};
const corpusNames = ['valid', 'defective'].flatMap((folder) =>
  readdirSync(join(CORPUS, 'documentation/readiness', folder))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `${folder}/${name}`),
);
const CORPUS_BASES = corpusNames.filter((name) => !(name in NOT_REWRITTEN)).map(corpusFile).filter((base) => !(base.name in KNOWN_GAPS));

function checkText(base: Base, text: string): Reported[] {
  const { diagnostics } = checkDocument({ text, documentPath: base.path, workspace: base.workspace, today: TODAY });
  const severities = ['error', 'warning', 'information', 'hint'] as const;
  return diagnostics.map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: severities[(d.severity ?? 1) - 1],
    code: String(d.code),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
}

/** The differences between what the rewritten base gets and what the original's findings, moved with their lines, say. */
function differences(base: Base, rewrites: readonly Rewrite[]): string | undefined {
  const { text, origins } = rewrite(base.text, rewrites);
  const expected = base.expected.map(({ code, line }) => {
    const moved = origins.indexOf(line - 1);
    assert.ok(moved >= 0, `${base.name}: line ${line} (${code}) was removed by ${rewrites.map((r) => r.name).join(' + ')}`);
    return { code, line: moved + 1 };
  });
  return describeDifferences(`${base.name} rewritten by ${rewrites.map((r) => r.name).join(' + ') || 'nothing'}`, expected, checkText(base, text));
}

describe('meaning-preserving rewrites (test/rewrites.ts)', () => {
  it('read every base back unchanged when no rewrite applies, and the originals give their findings', () => {
    for (const base of [...BASES, ...CANARY_BASES, ...CORPUS_BASES]) {
      assert.equal(render(parse(base.text)).text, base.text, base.name);
    }
    for (const name of Object.keys(NOT_REWRITTEN)) {
      assert.notEqual(render(parse(corpusFile(name).text)).text, corpusFile(name).text, `${name} reads back now: use it as a base`);
    }
    const problems = [...BASES, ...CANARY_BASES].map((base) => differences(base, [])).filter(Boolean);
    assert.deepEqual(problems, []);
  });

  for (const [name, gap] of Object.entries(KNOWN_GAPS)) {
    it(`${name}, rewritten or not`, { todo: gap }, () => {
      const base = [...ALL_CANARY_BASES, ...corpusNames.map(corpusFile)].find((b) => b.name === name);
      assert.ok(base, `no base ${name}`);
      const problems = differences(base, []);
      if (problems) assert.fail(problems);
    });
  }

  it('each rewrite changes at least one base', () => {
    const inert = REWRITES.filter((r) => BASES.every((base) => rewrite(base.text, [r]).text === base.text));
    assert.deepEqual(inert.map((r) => r.name), []);
  });

  describe('one rewrite at a time', () => {
    for (const [kind, rewrites] of Object.entries(REWRITES_BY_KIND)) {
      describe(kind, () => {
        for (const r of rewrites) {
          it(r.name, () => {
            const problems = BASES.map((base) => differences(base, [r])).filter(Boolean);
            if (problems.length) assert.fail(problems.join('\n'));
          });
        }
      });
    }
  });

  it('random combinations, in random order, on the template-layout files, canary variants and the corpus: nothing changes', () => {
    // Names, not objects, so that a counterexample reads as `[base, [rewrites…]]`.
    const bases = new Map([...BASES, ...CANARY_BASES, ...CORPUS_BASES].map((base) => [base.name, base]));
    const rewrites = new Map(REWRITES.map((r) => [r.name, r]));
    fc.assert(
      fc.property(fc.constantFrom(...bases.keys()), fc.shuffledSubarray([...rewrites.keys()], { minLength: 2 }), (baseName, names) => {
        const problems = differences(bases.get(baseName)!, names.map((name) => rewrites.get(name)!));
        if (problems) throw new Error(problems);
      }),
      // PROPERTY_RUNS=2000 for a deeper search; PROPERTY_SEED replays the seed a failure prints.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 120), seed: Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31) },
    );
  });
});
