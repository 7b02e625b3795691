// `mlops-readiness report`: all readiness files in one table, what needs attention first. The CLI
// is spawned built (cli/out/cli.js) in a real git repository whose files are committed in the test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EXAMPLE, EXAMPLE_PATH, gitRepository, run, RUNBOOKS } from './gitRepo';
import { TODAY } from './helpers';

const story = (id: string, title: string) => EXAMPLE.replace(/CVN-N011-EA-S11/g, id).replace('Label smoothing for entry-alignment buy labels', title);

const FILES: Record<string, string> = {
  ...RUNBOOKS,
  // Fine, 87 days left.
  [EXAMPLE_PATH]: EXAMPLE,
  // The sunset passed 25 days ago.
  'documentation/readiness/CVN-N030-OLD-S01.md': story('CVN-N030-OLD-S01', 'Old momentum filter').replace('`2027-02-21`', '`2026-11-01`').replace('**Filled on**: 2026-11-02', '**Filled on**: 2026-08-01'),
  // Five days left.
  'documentation/readiness/CVN-N031-SOON-S01.md': story('CVN-N031-SOON-S01', 'Volatility regime switch').replace('`2027-02-21`', '`2026-12-01`'),
  // A team as DRI: an error.
  'documentation/readiness/CVN-N032-TEAM-S01.md': story('CVN-N032-TEAM-S01', 'Spread | fee *model* & "costs"').replace('**DRI**: `@ana-m`', '**DRI**: @cvn/ml-platform'),
  'README.md': '# Not a readiness file\n',
};

describe('mlops-readiness report', () => {
  it('prints one Markdown table, passed sunsets first, then errors, sunsets coming, the rest', () => {
    const dir = gitRepository(FILES);
    const { code, stdout, stderr } = run(['report', '--today', TODAY], dir);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '## MLOps readiness report',
        '',
        '4 readiness files as of 2026-11-26: 1 with errors, 1 past the sunset date.',
        '',
        '| Needs | File | Story | Title | DRI | Sections passing | Errors | Warnings | Filled on | Sunset | Days left |',
        '|---|---|---|---|---|---:|---:|---:|---|---|---:|',
        '| sunset passed | documentation/readiness/CVN-N030-OLD-S01.md | CVN-N030-OLD-S01 | Old momentum filter | `@ana-m` | 7/7 | 0 | 2 | 2026-08-01 | 2026-11-01 | -25 |',
        '| errors | documentation/readiness/CVN-N032-TEAM-S01.md | CVN-N032-TEAM-S01 | Spread \\| fee \\*model\\* & "costs" | `@cvn/ml-platform` | 6/7 | 1 | 1 | 2026-11-02 | 2027-02-21 | 87 |',
        '| sunset soon | documentation/readiness/CVN-N031-SOON-S01.md | CVN-N031-SOON-S01 | Volatility regime switch | `@ana-m` | 7/7 | 0 | 1 | 2026-11-02 | 2026-12-01 | 5 |',
        '| ok | documentation/readiness/CVN-N011-EA-S11.md | CVN-N011-EA-S11 | Label smoothing for entry-alignment buy labels | `@ana-m` | 7/7 | 0 | 0 | 2026-11-02 | 2027-02-21 | 87 |',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON with the same rows; a path narrows them', () => {
    const dir = gitRepository(FILES);
    const { code, stdout } = run(['report', 'documentation/readiness/CVN-N031-SOON-S01.md', EXAMPLE_PATH, '--format', 'json', '--today', TODAY], dir);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), {
      version: 1,
      today: TODAY,
      files: [
        {
          file: 'documentation/readiness/CVN-N031-SOON-S01.md',
          story: 'CVN-N031-SOON-S01',
          title: 'Volatility regime switch',
          dri: '@ana-m',
          sectionsPassing: 7,
          sections: 7,
          errors: 0,
          warnings: 1,
          filledOn: '2026-11-02',
          sunset: '2026-12-01',
          daysLeft: 5,
          attention: 'sunset soon',
        },
        {
          file: EXAMPLE_PATH,
          story: 'CVN-N011-EA-S11',
          title: 'Label smoothing for entry-alignment buy labels',
          dri: '@ana-m',
          sectionsPassing: 7,
          sections: 7,
          errors: 0,
          warnings: 0,
          filledOn: '2026-11-02',
          sunset: '2027-02-21',
          daysLeft: 87,
          attention: 'ok',
        },
      ],
    });
  });

  it('writes one self-contained HTML page: no network, inline CSS, every value escaped', () => {
    const hostile = story('CVN-N033-XSS-S01', '<script>alert("x")</script> & <img src=http://evil.example/x.png>');
    const dir = gitRepository({ ...FILES, 'documentation/readiness/CVN-N033-XSS-S01.md': hostile });
    const { code, stdout } = run(['report', '--format', 'html', '--today', TODAY], dir);
    assert.equal(code, 0);
    assert.equal(XMLValidator.validate(stdout.replace(/^<!DOCTYPE html>\n/, '')), true);
    // The only elements are the page's own; none loads anything.
    const tags = new Set([...stdout.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)].map((m) => m[1].toLowerCase()));
    assert.deepEqual([...tags].sort(), ['body', 'h1', 'head', 'html', 'meta', 'p', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr']);
    assert.doesNotMatch(stdout.replace(/&lt;[^<]*/g, ''), /\b(src|href)=|@import|url\(/i);
    assert.match(stdout, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &lt;img src=http:\/\/evil.example\/x.png&gt;/);
    assert.match(stdout, /<style>[^<]+<\/style>/);
    const page = new XMLParser({ ignoreAttributes: false }).parse(stdout.replace(/^<!DOCTYPE html>\n/, ''));
    const rows = page.html.body.table.tbody.tr as Array<{ '@_class': string; td: Array<string | number | { '#text': string }> }>;
    const text = (cell: string | number | { '#text': string }) => String(typeof cell === 'object' ? cell['#text'] : cell);
    assert.deepEqual(
      rows.map((row) => [row['@_class'], text(row.td[2]), text(row.td[3])]),
      [
        ['sunset-passed', 'CVN-N030-OLD-S01', 'Old momentum filter'],
        // Angle brackets in a title read as unfilled placeholders (RDY001): more errors, listed first.
        ['errors', 'CVN-N033-XSS-S01', '<script>alert("x")</script> & <img src=http://evil.example/x.png>'],
        ['errors', 'CVN-N032-TEAM-S01', 'Spread | fee *model* & "costs"'],
        ['sunset-soon', 'CVN-N031-SOON-S01', 'Volatility regime switch'],
        ['ok', 'CVN-N011-EA-S11', 'Label smoothing for entry-alignment buy labels'],
      ],
    );
  });

  it('bad input: unknown format, bad date, missing path — one line, exit 2', () => {
    const dir = gitRepository(FILES);
    for (const [args, message] of [
      [['report', '--format', 'pdf'], 'mlops-readiness: unknown format "pdf" for report (use markdown, json, html)\n'],
      [['report', '--today', '26/11/2026'], 'mlops-readiness: --today takes a date as YYYY-MM-DD\n'],
      [['report', 'nowhere'], 'mlops-readiness: no such file or folder: nowhere\n'],
    ] as const) {
      const result = run([...args], dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr, message);
      assert.equal(result.stdout, '');
    }
  });
});
