// snippets/readiness.code-snippets: the file VS Code reads, checked as VS Code would read it (JSON with
// comments), and the snippets expanded the way VS Code expands them (tab stops, choices, variables) to check
// that what an author gets matches the organisation's template.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { TEMPLATE_TEXT } from '../server/src/service/template/templateText';

const SNIPPETS_PATH = path.resolve(__dirname, '..', 'snippets', 'readiness.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
  scope?: string;
}

function loadSnippets(): Record<string, Snippet> {
  const errors: ParseError[] = [];
  const value: unknown = parse(readFileSync(SNIPPETS_PATH, 'utf8'), errors, { allowTrailingComma: true, disallowComments: false });
  assert.deepEqual(
    errors.map((e) => `${printParseErrorCode(e.error)} at offset ${e.offset}`),
    [],
    'the snippets file is valid JSON with comments',
  );
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), 'the snippets file is an object of snippets');
  return value as Record<string, Snippet>;
}

const snippets = loadSnippets();
const byPrefix = new Map<string, Snippet>();
for (const s of Object.values(snippets)) for (const p of [s.prefix].flat()) byPrefix.set(p, s);

function bodyOf(prefix: string): string {
  const s = byPrefix.get(prefix);
  assert.ok(s, `a snippet with prefix "${prefix}" exists`);
  return [s.body].flat().join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// A small expander for VS Code's snippet syntax: $N, ${N}, ${N:default}, ${N|a,b|}, $VAR, ${VAR}, ${VAR:default}
// and the escapes \$ \} \\ (\, and \| inside choices). Anything else (transforms, unbalanced braces) throws,
// so a malformed snippet fails the tests instead of being inserted half-expanded.

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'stop'; index: number; children?: Part[]; choices?: string[] }
  | { kind: 'var'; name: string; children?: Part[] };

function parseSnippet(src: string): Part[] {
  let i = 0;
  function parseParts(inPlaceholder: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i]!;
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1]!)) {
        text += src[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        flush();
        return parts;
      } else if (c === '$') {
        const simple = /^\$(\d+|[A-Z_][A-Z0-9_]*)/.exec(src.slice(i));
        const braced = /^\$\{(\d+|[A-Z_][A-Z0-9_]*)([:|}])?/.exec(src.slice(i));
        if (simple) {
          flush();
          parts.push(/^\d/.test(simple[1]!) ? { kind: 'stop', index: Number(simple[1]) } : { kind: 'var', name: simple[1]! });
          i += simple[0].length;
        } else if (braced) {
          flush();
          const name = braced[1]!;
          const isStop = /^\d/.test(name);
          i += braced[0].length;
          if (braced[2] === '}') {
            parts.push(isStop ? { kind: 'stop', index: Number(name) } : { kind: 'var', name });
          } else if (braced[2] === ':') {
            const children = parseParts(true);
            if (src[i] !== '}') throw new Error(`unterminated \${${name}: in snippet`);
            i++;
            parts.push(isStop ? { kind: 'stop', index: Number(name), children } : { kind: 'var', name, children });
          } else if (braced[2] === '|' && isStop) {
            const choices: string[] = [];
            let choice = '';
            for (;;) {
              if (i >= src.length) throw new Error(`unterminated choice \${${name}|`);
              const d = src[i]!;
              if (d === '\\' && ',|\\$}'.includes(src[i + 1] ?? '')) {
                choice += src[i + 1];
                i += 2;
              } else if (d === ',') {
                choices.push(choice);
                choice = '';
                i++;
              } else if (d === '|' && src[i + 1] === '}') {
                choices.push(choice);
                i += 2;
                break;
              } else {
                choice += d;
                i++;
              }
            }
            parts.push({ kind: 'stop', index: Number(name), choices });
          } else {
            throw new Error(`unsupported snippet syntax at "${src.slice(i - braced[0].length, i + 20)}"`);
          }
        } else {
          text += c;
          i++;
        }
      } else {
        text += c;
        i++;
      }
    }
    if (inPlaceholder) throw new Error('unterminated placeholder in snippet');
    flush();
    return parts;
  }
  return parseParts(false);
}

interface Expansion {
  text: string;
  /** Every tab stop's choices, by index. */
  choices: Map<number, string[]>;
  stops: Set<number>;
}

/** Expands a snippet body: `values[N]` for tab stop N when given, else its default / first choice (as VS Code inserts it). */
function expand(body: string, values: Record<number, string> = {}, variables: Record<string, string> = {}): Expansion {
  const parts = parseSnippet(body);
  const defaults = new Map<number, Part[]>();
  const choices = new Map<number, string[]>();
  const stops = new Set<number>();
  const collect = (ps: Part[]) => {
    for (const p of ps) {
      if (p.kind === 'stop') {
        stops.add(p.index);
        if (p.children) {
          assert.ok(!defaults.has(p.index), `tab stop $${p.index} has one default, not several`);
          defaults.set(p.index, p.children);
          collect(p.children);
        }
        if (p.choices) choices.set(p.index, p.choices);
      }
      if (p.kind === 'var' && p.children) collect(p.children);
    }
  };
  collect(parts);
  const render = (ps: Part[]): string =>
    ps
      .map((p) => {
        if (p.kind === 'text') return p.text;
        if (p.kind === 'var') {
          const v = variables[p.name];
          if (v !== undefined) return v;
          if (p.children) return render(p.children);
          throw new Error(`unknown snippet variable $${p.name}`);
        }
        if (values[p.index] !== undefined) return values[p.index];
        const choice = choices.get(p.index);
        if (choice) return choice[0];
        const d = defaults.get(p.index);
        if (d) return render(d);
        if (p.index === 0) return '';
        throw new Error(`tab stop $${p.index} is used without a default, a choice or a value`);
      })
      .join('');
  return { text: render(parts), choices, stops };
}

// ---------------------------------------------------------------------------------------------------------
// Markdown structure, as markdown-it sees it.

const md = new MarkdownIt();

interface Structure {
  headings: string[];
  tableHeaders: string[][];
}

function structure(markdown: string): Structure {
  const tokens = md.parse(markdown, {});
  const headings: string[] = [];
  const tableHeaders: string[][] = [];
  let inThead = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') headings.push(`${t.tag} ${tokens[i + 1]!.content}`);
    if (t.type === 'thead_open') {
      inThead = true;
      tableHeaders.push([]);
    }
    if (t.type === 'thead_close') inThead = false;
    if (inThead && t.type === 'inline') tableHeaders[tableHeaders.length - 1]!.push(t.content);
  }
  return { headings, tableHeaders };
}

/** The body cells of a table made of `header`, its delimiter row and `row`. */
function bodyCells(header: string, row: string): string[] {
  const columns = header.split('|').length - 2;
  const tokens = md.parse(`${header}\n|${'---|'.repeat(columns)}\n${row}\n`, {});
  const open = tokens.findIndex((t) => t.type === 'tbody_open');
  assert.ok(open >= 0, `"${row}" is read as a table row`);
  return tokens.slice(open).filter((t) => t.type === 'inline').map((t) => t.content);
}

function rawCellCount(row: string): number {
  const trimmed = row.trim();
  assert.ok(trimmed.startsWith('|') && trimmed.endsWith('|'), `"${row}" starts and ends with a pipe`);
  return trimmed.slice(1, -1).split('|').length;
}

const template = structure(TEMPLATE_TEXT);
const templateLines = TEMPLATE_TEXT.split('\n');
const templateHeading = (prefix: string): string => {
  const h = template.headings.find((x) => x.startsWith(prefix));
  assert.ok(h, `the template has a heading "${prefix}"`);
  return h;
};
const templateHeaderRow = (firstColumn: string): string => {
  const line = templateLines.find((l) => l.startsWith(`| ${firstColumn} |`));
  assert.ok(line, `the template has a table starting with "${firstColumn}"`);
  return line;
};

const SAMPLE_VARIABLES = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '02' };

// ---------------------------------------------------------------------------------------------------------

describe('snippets file', () => {
  test('every snippet has a prefix, a body and a description, and is scoped to Markdown', () => {
    const entries = Object.entries(snippets);
    assert.ok(entries.length >= 19, `all the snippets are there (found ${entries.length})`);
    for (const [name, s] of entries) {
      const prefixes = [s.prefix].flat();
      assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.length > 0), `${name}: prefix`);
      const body = [s.body].flat();
      assert.ok(body.length > 0 && body.every((l) => typeof l === 'string') && body.join('').trim().length > 0, `${name}: body`);
      assert.ok(typeof s.description === 'string' && s.description.trim().length > 0, `${name}: description`);
      assert.equal(s.scope, 'markdown', `${name}: scope`);
    }
  });

  test('prefixes are unique and start with "readiness"', () => {
    const prefixes = Object.values(snippets).flatMap((s) => [s.prefix].flat());
    assert.deepEqual(prefixes.filter((p, i) => prefixes.indexOf(p) !== i), [], 'no duplicate prefix');
    for (const p of prefixes) assert.match(p, /^readiness(-[a-z0-9]+)*$/);
  });

  test('the documented prefixes exist', () => {
    for (const p of [
      'readiness', 'readiness-monitoring', 'readiness-alerting', 'readiness-drift', 'readiness-rollout', 'readiness-rollback',
      'readiness-owner', 'readiness-checklist', 'readiness-metric', 'readiness-alert-p1', 'readiness-alert',
      'readiness-drift-data', 'readiness-drift-concept', 'readiness-stage-shadow', 'readiness-stage-canary',
      'readiness-stage-full', 'readiness-rollback-row', 'readiness-skip', 'readiness-skip-shadow',
    ]) {
      assert.ok(byPrefix.has(p), `prefix ${p}`);
    }
  });

  test('every body is valid snippet syntax', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.doesNotThrow(() => expand([s.body].flat().join('\n'), {}, SAMPLE_VARIABLES), `${name} expands`);
    }
  });

  test('the expander rejects malformed snippets (so the check above can fail)', () => {
    assert.throws(() => expand('${1:unterminated'));
    assert.throws(() => expand('${1|a,b}'));
    assert.throws(() => expand('mirror $3 of nothing'));
  });
});

describe('whole-template snippet (prefix "readiness")', () => {
  const body = bodyOf('readiness');
  const filled = expand(body, { 1: 'CVN-N011-EA-S11', 2: 'Entry alignment smoothing', 5: '@ana-m' }, SAMPLE_VARIABLES);

  test('has the same section headings as the template', () => {
    const got = structure(filled.text).headings;
    assert.equal(got[0], 'h1 MLOps readiness — CVN-N011-EA-S11 Entry alignment smoothing');
    assert.match(template.headings[0]!, /^h1 MLOps readiness — /);
    assert.deepEqual(got.slice(1), template.headings.slice(1));
  });

  test('has the same table headers as the template', () => {
    const got = structure(filled.text).tableHeaders;
    assert.equal(got.length, 5);
    assert.deepEqual(got, template.tableHeaders);
  });

  test('keeps the template guidance verbatim', () => {
    const lines = new Set(filled.text.split('\n'));
    const guidance = templateLines.filter((l) => l.trim() && !/^(\||#|\*\*|- \*\*)/.test(l));
    assert.ok(guidance.length > 30);
    for (const l of guidance) assert.ok(lines.has(l), `template line kept: ${l}`);
  });

  test('header fields: story id mirrored, Filled on is today, verdict is a choice', () => {
    const text = filled.text;
    assert.match(text, /^\*\*Story\*\*: CVN-N011-EA-S11 — /m);
    assert.match(text, /^\*\*Owner\*\*: @ana-m \(DRI/m);
    assert.match(text, /^\*\*Filled on\*\*: 2026-11-02$/m);
    assert.match(body, /\$\{\d+:\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE\}/);
    assert.match(text, /^- \*\*DRI\*\*: `@ana-m`/m, 'the DRI defaults to the owner');
    const verdict = /verdict \$\{(\d+)\|/.exec(body);
    assert.ok(verdict);
    assert.deepEqual(filled.choices.get(Number(verdict[1])), ['OK', 'OK-WITH-CHANGES']);
  });

  test('enumerated cells are choices with exactly the allowed values', () => {
    const choiceSets = [...filled.choices.values()].map((c) => c.join(','));
    assert.ok(choiceSets.includes('counter,gauge,histogram'), 'metric type');
    assert.ok(choiceSets.some((c) => [...c.split(',')].sort().join(',') === 'Loki query,OpenTelemetry span,Prometheus'), 'metric source');
    assert.ok(choiceSets.includes('BTCUSDC,ETHUSDC,SOLUSDC,BNBUSDC,XRPUSDC'), 'canary crypto');
  });

  test('typing the issue and work-package numbers over their tab stops keeps the # and wp# marks', () => {
    const story = expand(body, { 1: 'CVN-N011-EA-S11', 3: '412', 4: '92' }, SAMPLE_VARIABLES).text.split('\n').find((l) => l.startsWith('**Story**'));
    assert.equal(story, '**Story**: CVN-N011-EA-S11 — #412 + wp#92');
  });

  test('left at its defaults, every unfilled field is still visibly a placeholder', () => {
    const untouched = expand(body, {}, SAMPLE_VARIABLES).text;
    for (const needle of ['<title>', '#<issue>', 'wp#<id>', '@<handle>', '<metric_name>', '<alert_name>', '<slug>', '<NAME>', '@<backup_handle>', '`YYYY-MM-DD`']) {
      assert.ok(untouched.includes(needle), `${needle} stays until filled`);
    }
  });
});

describe('section snippets', () => {
  const sections: Array<[string, string, string | null]> = [
    ['readiness-monitoring', 'h2 1. Production monitoring', 'Metric'],
    ['readiness-alerting', 'h2 2. Alerting & runbooks', 'Alert'],
    ['readiness-drift', 'h2 3. Drift detection', 'Drift type'],
    ['readiness-rollout', 'h2 4. Staged rollout', 'Stage'],
    ['readiness-rollback', 'h2 5. Rollback plan', 'Mechanism'],
    ['readiness-owner', 'h2 6. Owner & DRI', null],
    ['readiness-checklist', 'h2 Sign-off checklist', null],
  ];
  for (const [prefix, heading, firstColumn] of sections) {
    test(`${prefix}: the template's heading${firstColumn ? ' and table header' : ''}`, () => {
      const s = structure(expand(bodyOf(prefix), {}, SAMPLE_VARIABLES).text);
      assert.deepEqual(s.headings, [templateHeading(heading)]);
      if (firstColumn) {
        const expected = template.tableHeaders.find((h) => h[0] === firstColumn);
        assert.deepEqual(s.tableHeaders, [expected]);
      } else {
        assert.deepEqual(s.tableHeaders, []);
      }
    });
  }

  test('readiness-checklist: every box of the template, unticked', () => {
    const text = expand(bodyOf('readiness-checklist')).text;
    const boxes = templateLines.filter((l) => l.startsWith('- [ ] '));
    assert.equal(boxes.length, 9);
    for (const b of boxes) assert.ok(text.split('\n').includes(b), b);
  });

  test('readiness-owner: DRI, Backup DRI with the handoff drill, Decision authority, Sunset date', () => {
    const text = expand(bodyOf('readiness-owner'), { 1: '@ana-m', 2: '@li-wei', 3: '@ops-lead', 4: '2027-03-01' }).text;
    assert.match(text, /^- \*\*DRI\*\*: `@ana-m`/m);
    assert.match(text, /^- \*\*Backup DRI\*\*: `@li-wei`.*quarterly handoff drill/m);
    assert.match(text, /^- \*\*Decision authority\*\*: .*`@ops-lead`$/m);
    assert.match(text, /^- \*\*Sunset date\*\*: `2027-03-01`/m);
  });
});

describe('table-row snippets', () => {
  const rows: Array<[string, string]> = [
    ['readiness-metric', 'Metric'],
    ['readiness-alert-p1', 'Alert'],
    ['readiness-alert', 'Alert'],
    ['readiness-drift-data', 'Drift type'],
    ['readiness-drift-concept', 'Drift type'],
    ['readiness-stage-shadow', 'Stage'],
    ['readiness-stage-canary', 'Stage'],
    ['readiness-stage-full', 'Stage'],
    ['readiness-rollback-row', 'Mechanism'],
  ];
  for (const [prefix, firstColumn] of rows) {
    test(`${prefix}: one row with a non-empty cell for each column of the template's table`, () => {
      const header = templateHeaderRow(firstColumn);
      const row = expand(bodyOf(prefix)).text;
      assert.equal(row.split('\n').length, 1, 'a single line');
      assert.equal(rawCellCount(row), rawCellCount(header), 'as many cells as the header');
      const cells = bodyCells(header, row);
      assert.equal(cells.length, rawCellCount(header));
      for (const c of cells) assert.ok(c.trim().length > 0, `non-empty cell in ${row}`);
    });
  }

  test('cells that take one of a fixed list are choices', () => {
    const metric = expand(bodyOf('readiness-metric'));
    assert.deepEqual(metric.choices.get(2), ['counter', 'gauge', 'histogram']);
    assert.deepEqual([...metric.choices.get(3)!].sort(), ['Loki query', 'OpenTelemetry span', 'Prometheus']);
    const alert = expand(bodyOf('readiness-alert'));
    assert.deepEqual([...alert.choices.get(4)!].sort(), ['P1', 'P2', 'P3']);
    assert.deepEqual([...alert.choices.get(5)!].sort(), ['Pagerduty', 'Slack', 'email']);
    const canary = expand(bodyOf('readiness-stage-canary'));
    assert.deepEqual(canary.choices.get(1), ['BTCUSDC', 'ETHUSDC', 'SOLUSDC', 'BNBUSDC', 'XRPUSDC']);
  });

  test('the P1 alert row pages via Pagerduty, with a duration in its trigger', () => {
    const cells = bodyCells(templateHeaderRow('Alert'), expand(bodyOf('readiness-alert-p1'), { 1: 'expectancy_negative', 2: 'expectancy_net < 0 over 24h', 3: 'expectancy-negative' }).text);
    assert.deepEqual(cells, ['`expectancy_negative`', '`expectancy_net < 0 over 24h`', '`documentation/runbooks/expectancy-negative.md`', 'P1', 'Pagerduty']);
  });

  test('shadow is 0% for ≥ 7 days, canary ≥ 7 days on one crypto, full needs operator sign-off', () => {
    const header = templateHeaderRow('Stage');
    const shadow = bodyCells(header, expand(bodyOf('readiness-stage-shadow')).text);
    assert.equal(shadow[0], 'Shadow');
    assert.match(shadow[1]!, /^0%/);
    assert.equal(shadow[2], '≥ 7d');
    const canary = bodyCells(header, expand(bodyOf('readiness-stage-canary')).text);
    assert.equal(canary[0], 'Canary');
    assert.match(canary[1]!, /^BTCUSDC\b/);
    assert.equal(canary[2], '≥ 7d');
    const full = bodyCells(header, expand(bodyOf('readiness-stage-full')).text);
    assert.equal(full[0], 'Full');
    assert.match(full[3]!, /explicit operator sign-off in the OP Story/);
  });

  test('drift rows open a drift_alert entry and never retrain silently', () => {
    for (const prefix of ['readiness-drift-data', 'readiness-drift-concept']) {
      const action = bodyCells(templateHeaderRow('Drift type'), expand(bodyOf(prefix)).text)[4]!;
      assert.match(action, /drift_alert/);
      assert.doesNotMatch(action, /auto-retrain|retrain automatically|silently/i);
    }
  });
});

describe('SKIP justification snippets', () => {
  test('readiness-skip', () => {
    assert.equal(expand(bodyOf('readiness-skip'), { 1: 'covered by the existing expectancy page' }).text, '**SKIP — JUSTIFICATION**: covered by the existing expectancy page');
  });

  test('readiness-skip-shadow', () => {
    assert.equal(bodyOf('readiness-skip-shadow').replace(/\$0$/, ''), '**SKIP — JUSTIFICATION**: calibration-only, shadow=${1:N}d because ${2:reason}');
    assert.equal(
      expand(bodyOf('readiness-skip-shadow'), { 1: '3', 2: 'the threshold is a config constant' }).text,
      '**SKIP — JUSTIFICATION**: calibration-only, shadow=3d because the threshold is a config constant',
    );
  });
});
