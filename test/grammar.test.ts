// The Markdown injection grammar (syntaxes/readiness.injection.tmLanguage.json), tokenized for real:
// VS Code's own Markdown grammar (shipped by the `tm-grammars` npm package) + our injection, run by
// vscode-textmate on vscode-oniguruma — the same engine VS Code uses to colour a readiness file.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '..');
const INJECTION_PATH = path.join(ROOT, 'syntaxes', 'readiness.injection.tmLanguage.json');
const MARKDOWN_PATH = path.join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'markdown.json');
const ONIG_WASM_PATH = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
const INJECTION_SCOPE = 'markdown.readiness.injection';

const PH = 'invalid.deprecated.placeholder.readiness';
const SKIP = 'keyword.other.skip-justification.readiness';
const ADR = 'constant.other.reference.adr.readiness';
const SEV1 = 'constant.language.severity.p1.readiness';
const SEV2 = 'constant.language.severity.p2.readiness';
const SEV3 = 'constant.language.severity.p3.readiness';
const VERDICT_OK = 'constant.language.verdict.ok.readiness';
const VERDICT_OKWC = 'constant.language.verdict.ok-with-changes.readiness';
const VERDICT_BAD = 'invalid.illegal.verdict.readiness';
const MUST = 'keyword.other.must.readiness';

interface Token {
  text: string;
  scopes: string[];
}

let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(ONIG_WASM_PATH);
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (s: string) => new OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === 'text.html.markdown') return parseRawGrammar(readFileSync(MARKDOWN_PATH, 'utf8'), MARKDOWN_PATH);
      if (scopeName === INJECTION_SCOPE) return parseRawGrammar(readFileSync(INJECTION_PATH, 'utf8'), INJECTION_PATH);
      // Languages embedded by the Markdown grammar (fenced code, HTML) are not needed here.
      return null;
    },
    // What VS Code does for a grammar contributed with `injectTo: ["text.html.markdown"]`.
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const loaded = await registry.loadGrammar('text.html.markdown');
  assert.ok(loaded, 'the Markdown grammar loads');
  grammar = loaded;
});

/** Tokenizes a Markdown document; returns the tokens of every line. */
function tokenize(doc: string): Token[][] {
  let state: StateStack = INITIAL;
  return doc.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The last line's tokens that carry a readiness scope, as [text, readiness scope], adjacent equal ones merged. */
function readiness(doc: string): Array<[string, string]> {
  const lines = tokenize(doc);
  const out: Array<[string, string]> = [];
  let previousScope: string | undefined;
  for (const token of lines[lines.length - 1]!) {
    const scope = token.scopes.find((s) => s.endsWith('.readiness'));
    if (scope !== undefined && scope === previousScope) out[out.length - 1]![0] += token.text;
    else if (scope !== undefined) out.push([token.text, scope]);
    previousScope = scope;
  }
  return out;
}

/** The full scope stack of the token whose text is exactly `text` on the last line of `doc`. */
function scopesOf(doc: string, text: string): string[] {
  const lines = tokenize(doc);
  const token = lines[lines.length - 1]!.find((t) => t.text === text);
  assert.ok(token, `a token "${text}" exists; tokens: ${JSON.stringify(lines[lines.length - 1]!.map((t) => t.text))}`);
  return token.scopes;
}

describe('injection grammar manifest', () => {
  test('has the scope name and injection selector VS Code needs', () => {
    const raw = JSON.parse(readFileSync(INJECTION_PATH, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(raw.scopeName, INJECTION_SCOPE);
    assert.match(raw.injectionSelector, /^L:text\.html\.markdown\b/);
  });
});

describe('placeholders', () => {
  test('<...> placeholders in the header lines', () => {
    assert.deepEqual(readiness('# MLOps readiness — <CVN-N...-S0X title>'), [['<CVN-N...-S0X title>', PH]]);
    assert.deepEqual(readiness('**Story**: <cvn_id> — link to GH issue + OP wp'), [['<cvn_id>', PH]]);
    assert.deepEqual(readiness('**Owner**: <github handle> (DRI for production behaviour of this change)'), [['<github handle>', PH]]);
  });

  test('exact scope stack of a placeholder in a heading, a paragraph and a table cell code span', () => {
    assert.deepEqual(scopesOf('# MLOps readiness — <CVN-N...-S0X title>', '<CVN-N...-S0X title>'), [
      'text.html.markdown', 'markup.heading.markdown', 'heading.1.markdown', 'entity.name.section.markdown', PH,
    ]);
    assert.deepEqual(scopesOf('**Story**: <cvn_id> — link', '<cvn_id>'), ['text.html.markdown', 'meta.paragraph.markdown', PH]);
    assert.deepEqual(scopesOf('| `<handle>` | x |', '<handle>'), [
      'text.html.markdown', 'markup.table.markdown', 'markup.inline.raw.string.markdown', PH,
    ]);
  });

  test('YYYY-MM-DD, also inside code', () => {
    assert.deepEqual(readiness('**Filled on**: YYYY-MM-DD'), [['YYYY-MM-DD', PH]]);
    assert.deepEqual(readiness('- **Sunset date**: `YYYY-MM-DD` (90 days post full rollout)'), [['YYYY-MM-DD', PH]]);
    assert.deepEqual(readiness('**Filled on**: 2026-11-02'), []);
  });

  test('the §1 template row: every cell is a placeholder', () => {
    const row = '| `<event_name.field>` | counter / gauge / histogram | Loki query / Prometheus / OpenTelemetry span | Grafana panel URL | `<` / `>` | `<handle>` |';
    assert.deepEqual(readiness(row), [
      ['<event_name.field>', PH],
      ['counter / gauge / histogram', PH],
      ['Loki query / Prometheus / OpenTelemetry span', PH],
      ['Grafana panel URL', PH],
      ['`<` / `>`', PH],
      ['<handle>', PH],
    ]);
  });

  test('the §2 template row: alert name, trigger, runbook slug, severity and channel alternatives', () => {
    const row = '| `<alert_name>` | `metric > threshold for N min` | `documentation/runbooks/<slug>.md` | P1 / P2 / P3 | Pagerduty / Slack / email |';
    assert.deepEqual(readiness(row), [
      ['<alert_name>', PH],
      ['metric > threshold for N min', PH],
      ['<slug>', PH],
      ['P1 / P2 / P3', PH],
      ['Pagerduty / Slack / email', PH],
    ]);
  });

  test('unchosen alternatives in another order or partly trimmed are still placeholders', () => {
    assert.deepEqual(readiness('| `x` | gauge / counter | Prometheus |'), [['gauge / counter', PH]]);
    assert.deepEqual(readiness('| `a` | `t` | `r` | P1/P2 | Slack / email |'), [['P1/P2', PH], ['Slack / email', PH]]);
  });

  test('the unchosen verdict is a placeholder, not a verdict', () => {
    assert.deepEqual(readiness('**Reviewed by committee**: session <id> (verdict OK / OK-WITH-CHANGES)'), [
      ['<id>', PH],
      ['OK / OK-WITH-CHANGES', PH],
    ]);
  });

  test('placeholders glued inside code identifiers', () => {
    assert.deepEqual(readiness('| Model version pinning | `cvntrade_<MODEL>_<SYMBOL>_<STRATEGY>` MLflow alias | < 5 min |'), [
      ['<MODEL>', PH],
      ['<SYMBOL>', PH],
      ['<STRATEGY>', PH],
    ]);
  });
});

describe('SKIP — JUSTIFICATION marker', () => {
  test('em dash, bold: the marker is highlighted and stays bold', () => {
    const doc = '**SKIP — JUSTIFICATION**: this Story only renames a dashboard';
    assert.deepEqual(readiness(doc), [['SKIP — JUSTIFICATION', SKIP]]);
    assert.deepEqual(scopesOf(doc, 'SKIP — JUSTIFICATION'), ['text.html.markdown', 'meta.paragraph.markdown', 'markup.bold.markdown', SKIP]);
  });

  test('hyphen and en dash variants, with or without bold', () => {
    assert.deepEqual(readiness('SKIP - JUSTIFICATION: covered by the existing expectancy page'), [['SKIP - JUSTIFICATION', SKIP]]);
    assert.deepEqual(readiness('**SKIP – JUSTIFICATION**: calibration-only, shadow=3d because the threshold is a constant'), [
      ['SKIP – JUSTIFICATION', SKIP],
    ]);
    assert.deepEqual(readiness('SKIP—JUSTIFICATION: tight spacing'), [['SKIP—JUSTIFICATION', SKIP]]);
  });

  test('the template\'s example inside a code span: marker and <why> placeholder', () => {
    assert.deepEqual(readiness('If you skip this section, write `**SKIP — JUSTIFICATION**: <why>` and accept committee may reject.'), [
      ['SKIP — JUSTIFICATION', SKIP],
      ['<why>', PH],
    ]);
  });

  test('not a marker: other words', () => {
    assert.deepEqual(readiness('We SKIP the JUSTIFICATION step; SKIPPED — JUSTIFICATION'), []);
  });
});

describe('ADR references, severities, verdicts, (MUST)', () => {
  test('ADR-NN references', () => {
    assert.deepEqual(readiness('| Full | 100% | — | all canary criteria | per ADR-26 oncall procedure (ADR-59) |'), [
      ['ADR-26', ADR],
      ['ADR-59', ADR],
    ]);
    assert.deepEqual(readiness('See ADR-, XADR-12, ADR-12b and ADR 30.'), []);
  });

  test('severities P1 / P2 / P3 as whole words, each with its own scope', () => {
    assert.deepEqual(readiness('| `expectancy_negative` | `expectancy_net < 0 over 24h` | `documentation/runbooks/x.md` | P1 | Pagerduty |'), [
      ['P1', SEV1],
    ]);
    assert.deepEqual(readiness('Escalate P2 to Slack, P3 to email.'), [['P2', SEV2], ['P3', SEV3]]);
    assert.deepEqual(readiness('P10, P4, SP1, P1a, P1-ish and CVN-P1 are not severities'), []);
  });

  test('verdicts after "verdict"', () => {
    const doc = '**Reviewed by committee**: session cs-2026-1102-07 (verdict OK-WITH-CHANGES)';
    assert.deepEqual(readiness(doc), [['OK-WITH-CHANGES', VERDICT_OKWC]]);
    assert.deepEqual(scopesOf(doc, 'OK-WITH-CHANGES'), ['text.html.markdown', 'meta.paragraph.markdown', VERDICT_OKWC]);
    assert.deepEqual(readiness('**Reviewed by committee**: session cs-7 (verdict: OK)'), [['OK', VERDICT_OK]]);
    assert.deepEqual(readiness('- [x] Committee `pr_review` session reviewed this filled template (verdict OK or OK-WITH-CHANGES)'), [
      ['OK', VERDICT_OK],
      ['OK-WITH-CHANGES', VERDICT_OKWC],
    ]);
  });

  test('a verdict other than OK / OK-WITH-CHANGES is flagged', () => {
    assert.deepEqual(readiness('**Reviewed by committee**: session cs-9 (verdict REJECT)'), [['REJECT', VERDICT_BAD]]);
  });

  test('OK elsewhere, OKAY and lowercase ok are not verdicts', () => {
    assert.deepEqual(readiness('All OK on the canary, OK-WITH-CHANGES is a word here too.'), []);
    assert.deepEqual(readiness('(verdict OKAY)'), []);
    assert.deepEqual(readiness('OKAY, the verdict ok was informal'), []);
  });

  test('(MUST) in section headings, with the heading scopes kept', () => {
    const doc = '## 2. Alerting & runbooks (MUST)';
    assert.deepEqual(readiness(doc), [['(MUST)', MUST]]);
    assert.deepEqual(scopesOf(doc, '(MUST)'), [
      'text.html.markdown', 'markup.heading.markdown', 'heading.2.markdown', 'entity.name.section.markdown', MUST,
    ]);
    assert.deepEqual(readiness('Shadow stage MUST be ≥ 7 days'), []);
  });
});

describe('negatives: no readiness scope', () => {
  const negatives: Array<[string, string]> = [
    ['an HTML line break', 'first line<br>second line'],
    ['a self-closing HTML tag', 'first <br/> second <BR> third'],
    ['HTML tags with attributes and closing tags', '<div align="center">centred</div> <img src="x.png"> <details><summary>more</summary>'],
    ['an inline HTML comment', 'text <!-- readiness-disable-next-line RDY201 --> more'],
    ['a comparison with a space', 'page when latency < 5 min and gap > 0.10'],
    ['a comparison inside code', '| `inference_latency_p99` | histogram | Prometheus | https://grafana.example.com/d/x | `> 250ms` / `> 500ms` | `@ana-m` |'],
    ['an autolink', 'dashboard: <https://x.y> and <http://grafana.cvn.internal/d/abc?var=1>'],
    ['an email autolink', 'mail <oncall@cvn.example>'],
    ['a mailto autolink', 'mail <mailto:oncall@cvn.example>'],
    ['OKAY', 'OKAY'],
    ['P10', 'P10'],
    ['an escaped angle bracket', 'write \\<handle\\> literally'],
    ['a less-than between words', 'if a<b and c>d then'],
    ['a filled date and a filled row', '| `pnl_per_trade` | gauge | Prometheus | https://grafana.cvn.example/d/ea | `< 0` / `< -5` | `@ana-m` |'],
  ];
  for (const [what, line] of negatives) {
    test(what, () => {
      assert.deepEqual(readiness(line), []);
    });
  }

  test('an HTML comment block on its own lines', () => {
    assert.deepEqual(readiness('<!-- readiness-disable RDY201 P1 <handle> -->'), []);
    assert.deepEqual(readiness('<!--\nP1 <cvn_id> YYYY-MM-DD\n-->'), []);
  });

  test('fenced code blocks are left alone', () => {
    assert.deepEqual(readiness('```\n<cvn_id> P1 ADR-25 `x`'), []);
    assert.deepEqual(readiness('```yaml\nseverity: P1 # ADR-25 <handle>'), []);
  });
});

describe('the injection does not break Markdown', () => {
  test('autolinks, inline code and headings keep their Markdown scopes', () => {
    assert.ok(scopesOf('see <https://grafana.cvn.example/d/ea>', 'https://grafana.cvn.example/d/ea').includes('markup.underline.link.markdown'));
    assert.deepEqual(scopesOf('the `pnl_per_trade` metric', 'pnl_per_trade'), [
      'text.html.markdown', 'meta.paragraph.markdown', 'markup.inline.raw.string.markdown',
    ]);
    assert.deepEqual(scopesOf('the `pnl_per_trade` metric', '`')[2], 'markup.inline.raw.string.markdown');
    assert.ok(scopesOf('## 4. Staged rollout', '4. Staged rollout').includes('entity.name.section.markdown'));
  });

  test('a table row after the header stays a table', () => {
    const doc = '| Alert | Trigger |\n|---|---|\n| `expectancy_negative` | P1 |';
    assert.deepEqual(scopesOf(doc, 'P1'), ['text.html.markdown', 'markup.table.markdown', SEV1]);
  });
});

describe('the bundled examples, as an author sees them', () => {
  const examples = path.join(ROOT, 'examples', 'documentation', 'readiness');
  const placeholdersIn = (file: string): string[] =>
    tokenize(readFileSync(path.join(examples, file), 'utf8').replace(/\r\n/g, '\n'))
      .flat()
      .filter((t) => t.scopes.includes(PH))
      .map((t) => t.text);

  test('the valid example shows no placeholder outside the template guidance it keeps', () => {
    assert.deepEqual(placeholdersIn('CVN-N011-EA-S11.md'), ['<why>', '<reason>']);
  });

  test('the example with placeholders left shows each of them', () => {
    assert.deepEqual(placeholdersIn('CVN-N012-FX-S03.md'), ['counter / gauge / histogram', 'Grafana panel URL', '<handle>', '<slug>', 'YYYY-MM-DD']);
  });
});
