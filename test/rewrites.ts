// Meaning-preserving rewrites of a readiness file: the ways people write the same content, each a small named
// function of the lines test/readinessText.ts reads. test/properties.test.ts applies them alone and combined.
import { namesASection, normalise, parse, render, type Heading, type Line, type ReadinessText, type SectionKey } from './readinessText';

export { parse, render } from './readinessText';

export interface Rewrite {
  name: string;
  apply(doc: ReadinessText): ReadinessText;
}

/** Applies rewrites in order. */
export function rewrite(text: string, rewrites: readonly Rewrite[]): { text: string; origins: Array<number | undefined> } {
  return render(rewrites.reduce((doc, r) => r.apply(doc), parse(text)));
}

// ---- helpers for the rewrites -------------------------------------------------------------------------------

const mapLines = (doc: ReadinessText, f: (line: Line) => Line | Line[]): ReadinessText => ({ ...doc, lines: doc.lines.flatMap(f) });
const headings = (f: (h: Heading) => Heading) => (doc: ReadinessText) =>
  mapLines(doc, (line) => (line.kind === 'heading' && line.section ? { ...line, heading: f(line.heading) } : line));
/** The sections whose tables the template defines (§1–§5); a header or §6 table of two columns is left alone. */
const TABLE_SECTIONS: ReadonlySet<SectionKey | undefined> = new Set(['monitoring', 'alerting', 'drift', 'rollout', 'rollback']);
const tableLines = (f: (line: Extract<Line, { kind: 'table' }>) => Line) => (doc: ReadinessText) =>
  mapLines(doc, (line) => (line.kind === 'table' && TABLE_SECTIONS.has(line.section) ? f(line) : line));

/** Index of a column (by header text, case- and markup-insensitive) in the table `table`. */
function column(doc: ReadinessText, table: number, name: string): number {
  const header = doc.lines.find((l) => l.kind === 'table' && l.table === table && l.row === 0);
  return header?.kind === 'table' ? header.cells.findIndex((c) => normalise(c).toLowerCase().startsWith(name.toLowerCase())) : -1;
}

/** Rewrites the cells of one column in the body rows of the tables of a section. */
const cellsOf = (section: SectionKey, name: string, f: (cell: string, row: string[]) => string) => (doc: ReadinessText) =>
  mapLines(doc, (line) => {
    if (line.kind !== 'table' || line.section !== section || line.row < 2) return line;
    const index = column(doc, line.table, name);
    if (index < 0 || index >= line.cells.length) return line;
    const cells = [...line.cells];
    cells[index] = f(cells[index], cells);
    return { ...line, cells };
  });

/** Inserts lines before the heading that follows `section` (or at the end). */
function appendToSection(doc: ReadinessText, section: SectionKey, added: string[]): ReadinessText {
  const start = doc.lines.findIndex((l) => l.kind === 'heading' && l.section === section);
  if (start < 0) return doc;
  let end = doc.lines.findIndex((l, i) => i > start && l.kind === 'heading');
  if (end < 0) end = doc.lines.length;
  const lines = [...doc.lines];
  lines.splice(end, 0, ...added.map((text): Line => ({ kind: 'text', text, section })));
  return { ...doc, lines };
}

/** Inserts lines right before the heading of `section`. */
function insertBeforeHeading(doc: ReadinessText, section: SectionKey, added: string[]): ReadinessText {
  const at = doc.lines.findIndex((l) => l.kind === 'heading' && l.section === section);
  if (at < 0) return doc;
  const lines = [...doc.lines];
  lines.splice(at, 0, ...added.map((text): Line => ({ kind: 'text', text })));
  return { ...doc, lines };
}

/** Wraps each run of guidance lines (blank lines inside a run included) between `open` and `close` lines. */
function wrapGuidance(doc: ReadinessText, open: string[], close: string[]): ReadinessText {
  const lines: Line[] = [];
  const blank = (l: Line | undefined) => l?.kind === 'text' && !l.text.trim();
  for (let i = 0; i < doc.lines.length; i++) {
    if (doc.lines[i].kind !== 'guidance') {
      lines.push(doc.lines[i]);
      continue;
    }
    let end = i;
    while (end + 1 < doc.lines.length && (doc.lines[end + 1].kind === 'guidance' || (blank(doc.lines[end + 1]) && doc.lines[end + 2]?.kind === 'guidance'))) end++;
    lines.push(...open.map((text): Line => ({ kind: 'text', text })), ...doc.lines.slice(i, end + 1), ...close.map((text): Line => ({ kind: 'text', text })));
    i = end;
  }
  return { ...doc, lines };
}

const DAYS = /^(?:≥\s*)?(\d+)\s*d$/;
const durations = (write: (days: number) => string | undefined) =>
  cellsOf('rollout', 'Duration', (cell) => {
    const match = DAYS.exec(cell);
    return match ? (write(Number(match[1])) ?? cell) : cell;
  });
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four'];
const DAY_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen'];
/** `Sign-off checklist (gate before PR merge)` → `Sign-Off Checklist (Gate Before PR Merge)`. */
const titleCase = (text: string) => text.replace(/(^|[\s(-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
const ANCHORS: Record<SectionKey, string> = { monitoring: 'monitoring', alerting: 'alerting', drift: 'drift', rollout: 'rollout', rollback: 'rollback', owner: 'owner', checklist: 'sign-off' };
const STORY_ID = /\b(CVN-N\d+(?:-[A-Z0-9]+)*-S\d+)\b/;
/** A plain handle (`@ana-m`, `` `@ana-m` ``) written as people write a person: `Ana M <@ana-m>` or `@ana-m (Ana M)`. */
const person = (style: 'mention' | 'parenthesised') => (value: string) =>
  // A handle already written with a name (`<@ana-m>`, `@ana-m (Ana M)`) is left as it is.
  value.replace(/(?<![<\w])`?@([a-z0-9]+(?:-[a-z0-9]+)*)`?(?![\w/>-]| \()/gi, (_, handle: string) => {
    const name = titleCase(handle.replace(/-/g, ' '));
    return style === 'mention' ? `${name} <@${handle}>` : `@${handle} (${name})`;
  });
/** A footnote marker after a cell's value, and the note below the section's tables. */
const footnote = (section: SectionKey, column: string, label: string, note: string, when: (cell: string) => boolean) => (doc: ReadinessText) => {
  let marked = false;
  const next = cellsOf(section, column, (cell) => (when(cell) ? ((marked = true), `${cell}[^${label}]`) : cell))(doc);
  return marked ? appendToSection(next, section, [`[^${label}]: ${note}`, '']) : doc;
};
/** A cell that is one code span, as Google Docs exports it: the backticks gone, `_ < > *` escaped. */
const escapeCode = (cell: string) => (/^`[^`]+`$/.test(cell) ? cell.slice(1, -1).replace(/[_<>*]/g, '\\$&') : cell);
/** `"obvious"` → `“obvious”`, `we'll` → `we’ll`, as a word processor types them. */
const smartQuotes = (text: string) => text.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’');
const EMOJI: Record<SectionKey, string> = { monitoring: '📈', alerting: '🚨', drift: '🌊', rollout: '🚦', rollback: '⏪', owner: '👤', checklist: '✅' };

/** The canary's crypto, when the Traffic cell names one symbol alone ("BTCUSDC only (…)"). */
const canaryCell = (write: (symbol: string) => string) =>
  cellsOf('rollout', 'Traffic', (cell, row) => {
    const symbol = /^`?([A-Z]{2,10}USDC)`?\s+only\b/.exec(cell);
    return row[0] === 'Canary' && symbol ? write(symbol[1]) : cell;
  });

/** Every section heading at `level`, in a file whose headings all stand at one level: its own sub-headings would rise to the sections' level. */
const deeperSections = (level: number) => (doc: ReadinessText) => {
  const levels = new Set(doc.lines.flatMap((l) => (l.kind === 'heading' ? [l.heading.level] : [])));
  return levels.size > 1 ? doc : headings((h) => ({ ...h, level }))(doc);
};

// ---- the rewrites ----------------------------------------------------------------------------------------

/** Structure: headings at any level, numbered or not, `§`, "and" for "&", without "(MUST)". */
export const STRUCTURE: Rewrite[] = [
  { name: 'headingsAtLevel3', apply: deeperSections(3) },
  { name: 'headingsAtLevel4', apply: deeperSections(4) },
  {
    // Only where every section heading's words name its section: without numbers, `## People` names none.
    name: 'unnumberedHeadings',
    apply: (doc) =>
      doc.lines.every((l) => l.kind !== 'heading' || !l.section || (namesASection(l.heading.title) && !l.heading.ownWords)) ? headings((h) => ({ ...h, number: undefined }))(doc) : doc,
  },
  { name: 'sectionSignInHeadings', apply: headings((h) => ({ ...h, sectionSign: true })) },
  { name: 'numberWithParenthesis', apply: headings((h) => ({ ...h, numbering: 'paren' })) },
  { name: 'sectionWordInHeadings', apply: headings((h) => ({ ...h, numbering: 'word' })) },
  { name: 'andForAmpersand', apply: headings((h) => ({ ...h, title: h.title.replace(/ & /g, ' and ') })) },
  { name: 'dropMust', apply: headings((h) => ({ ...h, must: false })) },
  { name: 'titleCaseHeadingsWithColons', apply: headings((h) => ({ ...h, title: titleCase(h.title), suffix: ':' })) },
  { name: 'anchorsOnHeadings', apply: (doc) => mapLines(doc, (l) => (l.kind === 'heading' && l.section ? { ...l, heading: { ...l.heading, suffix: ` {#${ANCHORS[l.section]}}` } } : l)) },
  {
    name: 'britishSpelling',
    apply: headings((h) => ({ ...h, title: h.title.replace(/^Staged rollout$/i, 'Staged roll-out').replace(/^Rollback plan$/i, 'Roll-back plan') })),
  },
  {
    // A reader goes by the number where the file numbers its sections: `## 6. People`, `## 2. Who gets woken up`.
    name: 'numberedHeadingsInOwnWords',
    apply: (doc) =>
      mapLines(doc, (l) => (l.kind === 'heading' && (l.section === 'owner' || l.section === 'alerting') ? { ...l, heading: { ...l.heading, ownWords: l.section === 'owner' ? 'People' : 'Who gets woken up' } } : l)),
  },
  { name: 'allCapsHeadings', apply: headings((h) => ({ ...h, title: h.title.toUpperCase(), ownWords: h.ownWords?.toUpperCase() })) },
  // A closed ATX heading (`## 1. Production monitoring ##`): the closing `#`s are no part of the title.
  { name: 'closingHashesOnHeadings', apply: headings((h) => ({ ...h, suffix: `${h.suffix ?? ''} ##` })) },
  { name: 'shortChecklistHeading', apply: headings((h) => ({ ...h, title: h.title.replace(/^(Sign-off checklist) \(.*\)$/, '$1') })) },
  {
    name: 'emojiInHeadings',
    apply: (doc) =>
      mapLines(doc, (line) =>
        line.kind === 'heading' && line.section ? { ...line, heading: { ...line.heading, prefix: EMOJI[line.section] } } : line,
      ),
  },
];

/** Header fields: bold key, colon inside the bold, plain key, a bullet list, a two-column table; prose before them. */
export const HEADER: Rewrite[] = [
  { name: 'headerKeyColonInsideBold', apply: (doc) => ({ ...doc, header: { ...doc.header, key: 'colon-inside-bold' } }) },
  { name: 'plainHeaderKeys', apply: (doc) => ({ ...doc, header: { ...doc.header, key: 'plain' } }) },
  { name: 'headerKeysInHtmlBold', apply: (doc) => ({ ...doc, header: { ...doc.header, key: 'html-bold' } }) },
  { name: 'headerKeysBoldPerWord', apply: (doc) => ({ ...doc, header: { ...doc.header, key: 'bold-per-word' } }) },
  {
    // A Google Docs export: `_` and `#` in the header's text escaped (`session pr\_review-…`, `wp\#92`); code spans and link targets as they were.
    name: 'escapedMarkdownInHeaderValues',
    apply: (doc) =>
      mapLines(doc, (l) =>
        l.kind === 'header'
          ? { ...l, value: l.value.split(/(`[^`]*`|\]\([^)]*\))/).map((piece, i) => (i % 2 ? piece : piece.replace(/(?<!\\)[_#]/g, '\\$&'))).join('') }
          : l,
      ),
  },
  // Pasted from a web page: a zero-width space after each value, invisible in any editor.
  { name: 'zeroWidthSpaceAfterHeaderValues', apply: (doc) => mapLines(doc, (l) => (l.kind === 'header' ? { ...l, value: `${l.value}\u200b` } : l)) },
  { name: 'headerAsBulletList', apply: (doc) => ({ ...doc, header: { ...doc.header, layout: 'bullets' } }) },
  { name: 'headerAsTable', apply: (doc) => ({ ...doc, header: { ...doc.header, layout: 'table' } }) },
  { name: 'headerAsTableWithoutHeaderRow', apply: (doc) => ({ ...doc, header: { ...doc.header, layout: 'key-table' } }) },
  { name: 'headerInBlockQuote', apply: (doc) => ({ ...doc, header: { ...doc.header, layout: 'quote' } }) },
  {
    name: 'storyIdInBackticksInTitle',
    apply: (doc) => mapLines(doc, (l) => (l.kind === 'title' ? { ...l, text: l.text.replace(/\b(CVN-N\d+(?:-[A-Z0-9]+)*-S\d+)\b/, '`$1`') } : l)),
  },
  { name: 'titleWordsInBold', apply: (doc) => mapLines(doc, (l) => (l.kind === 'title' ? { ...l, text: l.text.replace(/^(# )(MLOps readiness)/i, '$1**$2**') } : l)) },
  { name: 'titleWordsInItalics', apply: (doc) => mapLines(doc, (l) => (l.kind === 'title' ? { ...l, text: l.text.replace(/^(# )(MLOps readiness)/i, '$1_$2_') } : l)) },
  {
    name: 'storyIdAsJiraLink',
    apply: (doc) =>
      mapLines(doc, (l) => {
        const link = (text: string) => text.replace(STORY_ID, '[$1](https://jira.cvn-trading.com/browse/$1)');
        if (l.kind === 'title') return { ...l, text: link(l.text) };
        return l.kind === 'header' && l.key === 'Story' ? { ...l, value: link(l.value) } : l;
      }),
  },
  {
    name: 'sessionIdAsLink',
    apply: (doc) =>
      mapLines(doc, (l) =>
        l.kind === 'header' && l.key === 'Reviewed by committee' ? { ...l, value: l.value.replace(/\bsession `?([\w.#-]*\d[\w.#-]*)`?/, 'session [$1](https://op.cvn-trading.com/committee/$1)') } : l,
      ),
  },
  {
    name: 'sessionIdWithoutTheWord',
    apply: (doc) =>
      mapLines(doc, (l) =>
        l.kind === 'header' && l.key === 'Reviewed by committee' ? { ...l, value: l.value.replace(/\bsession `?([A-Za-z][\w.#-]*\d[\w.#-]*)`? \(verdict ([\w-]+)\)/, '$1 — $2') } : l,
      ),
  },
  {
    name: 'verdictWithChangesInWords',
    apply: (doc) => mapLines(doc, (l) => (l.kind === 'header' && l.key === 'Reviewed by committee' ? { ...l, value: l.value.replace(/\bOK-WITH-CHANGES\b/, 'OK with changes') } : l)),
  },
  { name: 'ownerAsNameAndMention', apply: (doc) => mapLines(doc, (l) => (l.kind === 'header' && l.key === 'Owner' ? { ...l, value: person('mention')(l.value) } : l)) },
  {
    name: 'storyIdInBoldOnStoryLine',
    apply: (doc) => mapLines(doc, (l) => (l.kind === 'header' && l.key === 'Story' ? { ...l, value: l.value.replace(/\b(CVN-N\d+(?:-[A-Z0-9]+)*-S\d+)\b/, '**$1**') } : l)),
  },
  {
    name: 'sessionIdKeyedAndInBold',
    apply: (doc) =>
      mapLines(doc, (l) => (l.kind === 'header' && l.key === 'Reviewed by committee' ? { ...l, value: l.value.replace(/\bsession ([\w.#-]*\d[\w.#-]*)/, 'session id: **$1**') } : l)),
  },
  {
    name: 'introParagraphBeforeHeader',
    apply: (doc) => {
      const title = doc.lines.findIndex((l) => l.kind === 'title');
      // A setext (underlined) title is not read as one here: the file is left as it is.
      if (title < 0) return doc;
      const lines = [...doc.lines];
      lines.splice(title + 1, 0, { kind: 'text', text: '' }, { kind: 'text', text: 'Filled by the DRI after the committee session; questions in #cvn-ml.' });
      return { ...doc, lines };
    },
  },
];

/** §6's fields: bullets with plain keys or the colon inside the bold, a numbered list, a two-column table. */
export const OWNER_FIELDS: Rewrite[] = [
  { name: 'ownerFieldsPlainKeys', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, key: 'plain' } }) },
  { name: 'ownerFieldsColonInsideBold', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, key: 'colon-inside-bold' } }) },
  { name: 'ownerFieldsKeysInHtmlStrong', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, key: 'html-strong' } }) },
  { name: 'ownerFieldsKeysBoldPerWord', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, key: 'bold-per-word' } }) },
  {
    // `Ana Martins (GitHub: ana-m)`: the handle labelled, without its `@`.
    name: 'ownerFieldsPeopleLabelledGitHub',
    apply: (doc) =>
      mapLines(doc, (l) =>
        l.kind === 'field' && l.key !== 'Sunset date'
          ? { ...l, value: l.value.replace(/(?<![<\w])(`?)@([a-z0-9]+(?:-[a-z0-9]+)*)\1(?![\w/>-]| \()/gi, (_, _tick: string, handle: string) => `${titleCase(handle.replace(/-/g, ' '))} (GitHub: ${handle})`) }
          : l,
      ),
  },
  { name: 'ownerFieldsAsNumberedList', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, layout: 'numbered' } }) },
  { name: 'ownerFieldsAsTable', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, layout: 'table' } }) },
  { name: 'ownerFieldValuesNested', apply: (doc) => ({ ...doc, ownerFields: { ...doc.ownerFields, layout: 'nested' } }) },
  { name: 'ownerFieldsPeopleAsNameAndMention', apply: (doc) => mapLines(doc, (l) => (l.kind === 'field' && l.key !== 'Sunset date' ? { ...l, value: person('mention')(l.value) } : l)) },
  {
    // A person with their team in brackets is still one human.
    name: 'driWithTeamInParentheses',
    apply: (doc) => mapLines(doc, (l) => (l.kind === 'field' && l.key === 'DRI' && /^`?@[\w-]+`?$/.test(l.value.trim()) ? { ...l, value: `${l.value} (ML platform team)` } : l)),
  },
  { name: 'ownerFieldsPeopleWithNames', apply: (doc) => mapLines(doc, (l) => (l.kind === 'field' && l.key !== 'Sunset date' ? { ...l, value: person('parenthesised')(l.value) } : l)) },
];

/** The sign-off checklist: `[X]`, `*` bullets. */
export const CHECKLIST: Rewrite[] = [
  { name: 'checklistUppercaseX', apply: (doc) => mapLines(doc, (l) => (l.kind === 'text' && l.section === 'checklist' ? { ...l, text: l.text.replace(/^- \[x\]/, '- [X]') } : l)) },
  { name: 'checklistPlusBullets', apply: (doc) => mapLines(doc, (l) => (l.kind === 'text' && l.section === 'checklist' ? { ...l, text: l.text.replace(/^- \[/, '+ [') } : l)) },
  { name: 'checklistStarBullets', apply: (doc) => mapLines(doc, (l) => (l.kind === 'text' && l.section === 'checklist' ? { ...l, text: l.text.replace(/^- \[/, '* [') } : l)) },
];

/** Tables: columns reordered, added, lower-cased; alignment colons; no outer pipes; padding; rich cells. */
export const TABLES: Rewrite[] = [
  { name: 'reorderTableColumns', apply: tableLines((line) => ({ ...line, cells: [...line.cells].reverse() })) },
  {
    name: 'addExtraColumn',
    apply: tableLines((line) => ({ ...line, cells: [...line.cells, line.row === 0 ? 'Notes' : line.row === 1 ? '---' : 'reviewed \\| kept'] })),
  },
  { name: 'lowercaseColumnHeaders', apply: tableLines((line) => (line.row === 0 ? { ...line, cells: line.cells.map((c) => c.toLowerCase()) } : line)) },
  {
    name: 'alignmentColons',
    apply: tableLines((line) => (line.row === 1 ? { ...line, cells: line.cells.map((_, i, all) => (i === 0 ? ':---' : i === all.length - 1 ? '---:' : ':---:')) } : line)),
  },
  // An empty last column (a wiki's table with a spare column); reversed columns make it an empty first one.
  { name: 'emptyTrailingColumn', apply: tableLines((line) => ({ ...line, cells: [...line.cells, line.row === 1 ? '---' : ''] })) },
  {
    // A Google Docs export: code spans become plain text with `_`, `<`, `>` and `*` escaped.
    name: 'escapedMarkdownInCells',
    apply: (doc) =>
      [cellsOf('monitoring', 'Metric', escapeCode), cellsOf('alerting', 'Alert', escapeCode), cellsOf('alerting', 'Trigger', escapeCode)].reduce((d, f) => f(d), doc),
  },
  {
    // Entities a wiki writes: `<&nbsp;1&nbsp;min`, `&lt; 5 min`.
    name: 'revertSlaWithEntities',
    apply: cellsOf('rollback', 'Revert SLA', (cell) => cell.replace(/^< (\d+) min$/, (_, n: string) => (n === '1' ? '<&nbsp;1&nbsp;min' : `&lt; ${n} min`))),
  },
  { name: 'noOuterPipes', apply: (doc) => ({ ...doc, tables: { ...doc.tables, outerPipes: false } }) },
  { name: 'paddedTables', apply: (doc) => ({ ...doc, tables: { ...doc.tables, padded: true } }) },
  { name: 'lineBreaksInThresholds', apply: cellsOf('monitoring', 'Threshold', (cell) => cell.replace(/ \/ (crit\b)/, '<br>$1')) },
  {
    name: 'channelsWithTarget',
    apply: cellsOf('alerting', 'Notification channel', (cell) =>
      cell.replace(/^Slack$/, 'Slack #cvn-ml-alerts').replace(/^Pagerduty$/, 'Pagerduty service `cvn-trading-live`').replace(/^email$/, 'email ml-oncall@cvn-trading.com'),
    ),
  },
  { name: 'britishEmail', apply: cellsOf('alerting', 'Notification channel', (cell) => cell.replace(/^email$/i, 'e-mail')) },
  {
    name: 'severalRunbooksInACell',
    apply: cellsOf('alerting', 'Runbook', (cell) => (/^`documentation\/runbooks\/[^`]+\.md`$/.test(cell) ? `${cell} + \`documentation/runbooks/drift-alert.md\`` : cell)),
  },
  {
    name: 'runbooksAsLinks',
    apply: cellsOf('alerting', 'Runbook', (cell) => cell.replace(/^`(documentation\/runbooks\/([^`<>]+\.md))`$/, '[$2](/$1)')),
  },
  {
    // `[runbook][rb-1]` and `[panel][dash-1]`, with the `[rb-1]: …` definitions at the end of the file.
    name: 'referenceLinksInCells',
    apply: (doc) => {
      const definitions: string[] = [];
      const reference = (prefix: string, target: string, shown: string) => {
        definitions.push(`[${prefix}-${definitions.length + 1}]: ${target}`);
        return `[${shown}][${prefix}-${definitions.length}]`;
      };
      const next = [
        cellsOf('alerting', 'Runbook', (cell) => cell.replace(/^`(documentation\/runbooks\/[^`<>]+\.md)`$/, (_, path: string) => reference('rb', `/${path}`, 'runbook'))),
        cellsOf('monitoring', 'Dashboard', (cell) => (/^https?:\/\/\S+$/.test(cell) ? reference('dash', cell, 'panel') : cell)),
      ].reduce((d, f) => f(d), doc);
      return definitions.length ? { ...next, lines: [...next.lines, ...['', ...definitions].map((text): Line => ({ kind: 'text', text }))] } : doc;
    },
  },
  { name: 'dashboardsAsLinks', apply: cellsOf('monitoring', 'Dashboard', (cell) => (/^https?:\/\/\S+$/.test(cell) ? `[Grafana panel](${cell})` : cell)) },
  { name: 'tabsAroundCells', apply: (doc) => ({ ...doc, tables: { ...doc.tables, tabs: true } }) },
  { name: 'stageTableAsList', apply: (doc) => stageTableAsList(doc, 'numbered') },
  { name: 'stageTableAsKeyedBullets', apply: (doc) => stageTableAsList(doc, 'keyed') },
  { name: 'stageTableAsParagraphs', apply: (doc) => stageTableAsList(doc, 'paragraphs') },
  { name: 'lineBreaksInPassCriteria', apply: cellsOf('rollout', 'Pass criteria', (cell) => cell.replace(/\s*[;,]\s+/g, '<br>')) },
  { name: 'metricOwnersWithNames', apply: cellsOf('monitoring', 'Owner', person('parenthesised')) },
  {
    name: 'footnotesInCells',
    apply: (doc) =>
      [
        footnote('monitoring', 'Type', 'type', 'As emitted by the service, per crypto.', (cell) => /^`?(counter|gauge|histogram)`?$/.test(cell)),
        footnote('alerting', 'Severity', 'sev', 'P1 pages the ML on-call rotation.', (cell) => /^`?P[123]`?$/.test(cell)),
        footnote('rollout', 'Duration', 'days', 'Counted from the first full day of the stage.', (cell) => /\d/.test(cell)),
      ].reduce((d, f) => f(d), doc),
  },
  {
    name: 'emojiStatusMarkers',
    apply: (doc) =>
      [
        cellsOf('monitoring', 'Type', (cell) => (/^`?(counter|gauge|histogram)`?$/.test(cell) ? `📊 ${cell}` : cell)),
        cellsOf('alerting', 'Severity', (cell) => cell.replace(/^(`?)P1\b/, '🔴 $1P1').replace(/^(`?)P2\b/, '🟠 $1P2')),
        cellsOf('rollout', 'Stage', (cell) => cell.replace(/^Shadow$/, '👻 Shadow').replace(/^Canary$/, '🐤 Canary').replace(/^Full$/, '🌍 Full')),
        (d: ReadinessText) => mapLines(d, (l) => (l.kind === 'text' && l.section === 'checklist' && /^- \[x\]/.test(l.text) ? { ...l, text: `${l.text} ✅` } : l)),
      ].reduce((d, f) => f(d), doc),
  },
  {
    name: 'codeSpansInValueCells',
    apply: (doc) =>
      [
        cellsOf('monitoring', 'Type', (cell) => (/^(counter|gauge|histogram)$/.test(cell) ? `\`${cell}\`` : cell)),
        cellsOf('alerting', 'Severity', (cell) => (/^P[123]$/.test(cell) ? `\`${cell}\`` : cell)),
      ].reduce((d, f) => f(d), doc),
  },
];

/** The template's §4 columns, as a stage list names them (`traffic:`, `pass criteria:`, `rollback:`); other columns keep their header as key. */
const STAGE_LIST_KEYS: Record<string, string | undefined> = { stage: undefined, duration: undefined, 'traffic %': 'traffic', 'pass criteria': 'pass criteria', 'rollback trigger': 'rollback' };

/**
 * §4's stage table as a numbered list, one item per stage: `1. **Shadow** — 14d; traffic: 0% (…); pass
 * criteria: …; rollback: …`, as bullets of keyed values (`- Stage: Shadow, Traffic: 0%, …`), or as one paragraph
 * per stage (`**Shadow** — 14d; traffic: …`, blank lines between). Only a table with the template's columns and its three stages in order: a
 * finding on the header row would have no line to move to.
 */
function stageTableAsList(doc: ReadinessText, style: 'numbered' | 'keyed' | 'paragraphs'): ReadinessText {
  const rows = doc.lines.flatMap((line, index) => (line.kind === 'table' && line.section === 'rollout' ? [{ line, index }] : []));
  const header = rows.find(({ line }) => line.row === 0)?.line;
  if (!header || rows.some(({ line }) => line.table !== header.table)) return doc;
  const columns = header.cells.map((cell) => normalise(cell).toLowerCase());
  if (!Object.keys(STAGE_LIST_KEYS).every((key) => columns.includes(key))) return doc;
  const body = rows.filter(({ line }) => line.row >= 2);
  const stage = columns.indexOf('stage');
  const stages = body.map(({ line }) => /shadow|canary|full/i.exec(line.cells[stage] ?? '')?.[0].toLowerCase());
  if (stages.join(' ') !== 'shadow canary full') return doc;
  const value = (cell: string | undefined) => (cell ?? '').replace(/\\\|/g, '|').trim();
  const item = (cells: string[], n: number) => {
    const duration = value(cells[columns.indexOf('duration')]);
    const parts = columns.flatMap((column, i) => {
      if (column === 'stage' || column === 'duration' || !value(cells[i])) return [];
      return [`${STAGE_LIST_KEYS[column] ?? column}: ${value(cells[i])}`];
    });
    if (style === 'keyed') {
      // `- Stage: Shadow, Traffic: 0%, Duration: 14d, Pass criteria: …, Rollback trigger: …`: every value by its key.
      const keyed = columns.flatMap((_, i) => (value(cells[i]) ? [`${normalise(header.cells[i])}: ${value(cells[i])}`] : []));
      return `- ${keyed.join(', ')}`;
    }
    const text = `**${value(cells[stage])}** — ${[/[\p{L}\p{N}]/u.test(duration) ? duration : '', ...parts].filter(Boolean).join('; ')}`;
    return style === 'paragraphs' ? text : `${n}. ${text}`;
  };
  const last = body[body.length - 1].index;
  const blankAfter = doc.lines[last + 1]?.kind !== 'text' || !(doc.lines[last + 1] as { text: string }).text.trim() ? [] : [''];
  const lines = doc.lines.flatMap((line, index): Line[] => {
    if (line.kind !== 'table' || line.section !== 'rollout') return [line];
    if (line.row < 2) return [];
    const n = body.findIndex((row) => row.index === index) + 1;
    const text: Line = { kind: 'text', text: item(line.cells, n), origin: line.origin, section: 'rollout' };
    if (index === last) return [text, ...blankAfter.map((t): Line => ({ kind: 'text', text: t, section: 'rollout' }))];
    return style === 'paragraphs' ? [text, { kind: 'text', text: '', section: 'rollout' }] : [text];
  });
  return { ...doc, lines };
}

/** Template guidance: kept, deleted, re-wrapped, hidden in an HTML comment or a `<details>` block. */
export const GUIDANCE_REWRITES: Rewrite[] = [
  {
    name: 'dropGuidance',
    apply: (doc) => {
      const lines = doc.lines.filter((l) => l.kind !== 'guidance');
      // Collapse the blank lines the deleted paragraphs leave behind.
      return { ...doc, lines: lines.filter((l, i) => !(l.kind === 'text' && !l.text.trim() && lines[i - 1]?.kind === 'text' && !(lines[i - 1] as { text: string }).text.trim())) };
    },
  },
  {
    name: 'rewrapGuidance',
    apply: (doc) =>
      mapLines(doc, (line) => {
        if (line.kind !== 'guidance' || line.text.length <= 72) return line;
        const indent = /^- /.test(line.text) ? '  ' : '';
        const wrapped: string[] = [];
        for (const word of line.text.split(' ')) {
          const last = wrapped.length - 1;
          if (last >= 0 && wrapped[last].length + word.length + 1 <= 72) wrapped[last] += ` ${word}`;
          else wrapped.push(last < 0 ? word : `${indent}${word}`);
        }
        return wrapped.map((text, i): Line => ({ kind: 'guidance', text, origin: i === 0 ? line.origin : undefined, section: line.section }));
      }),
  },
  { name: 'smartQuotesInGuidance', apply: (doc) => mapLines(doc, (l) => (l.kind === 'guidance' ? { ...l, text: smartQuotes(l.text) } : l)) },
  { name: 'guidanceInHtmlComment', apply: (doc) => wrapGuidance(doc, ['<!--'], ['-->']) },
  { name: 'guidanceInDetails', apply: (doc) => wrapGuidance(doc, ['<details>', '<summary>Template guidance</summary>', ''], ['', '</details>']) },
];

/** Additions that say nothing the checks read: comments, notes, extra sections, rules, postponing words that stand for no choice. */
export const ADDITIONS: Rewrite[] = [
  {
    name: 'htmlCommentsUnderHeadings',
    apply: (doc) => mapLines(doc, (line) => (line.kind === 'heading' ? [line, { kind: 'text', text: '' }, { kind: 'text', text: '<!-- checked by the DRI -->' }] : line)),
  },
  {
    name: 'notesInDetails',
    apply: (doc) =>
      appendToSection(doc, 'alerting', ['<details>', '<summary>Notes for reviewers</summary>', '', 'Thresholds come from the champion\'s last 90 days.', '', '</details>', '']),
  },
  {
    name: 'contextSectionBeforeMonitoring',
    apply: (doc) => insertBeforeHeading(doc, 'monitoring', ['## Context', '', 'Why this Story exists, in two lines; the numbers are in the OP Story.', '']),
  },
  {
    name: 'appendixAfterChecklist',
    apply: (doc) => ({
      ...doc,
      lines: [...doc.lines, ...['', '## Appendix: backtest', '', '| Crypto | f1_buy champion | f1_buy challenger |', '|---|---|---|', '| BTCUSDC | 0.41 | 0.44 |'].map((text): Line => ({ kind: 'text', text }))],
    }),
  },
  {
    name: 'horizontalRulesBetweenSections',
    // A blank line first: `---` right under a paragraph line would make that line a heading.
    apply: (doc) => mapLines(doc, (line) => (line.kind === 'heading' && line.section ? [{ kind: 'text', text: '' }, { kind: 'text', text: '---' }, { kind: 'text', text: '' }, line] : line)),
  },
  {
    // Metadata for a site generator: an owner or story written there is no header field.
    name: 'yamlFrontMatter',
    apply: (doc) => ({
      ...doc,
      lines: doc.lines[0]?.kind === 'text' && doc.lines[0].text === '---' ? doc.lines : [...['---', 'title: MLOps readiness', 'owner: "@someone-else"', '', 'tags: [mlops, readiness]', '---', ''].map((text): Line => ({ kind: 'text', text })), ...doc.lines],
    }),
  },
  {
    // §2 split under sub-headings of the author's (the table under Alerts, notes under Runbooks), deeper than any section level.
    name: 'alertingSplitInSubHeadings',
    apply: (doc) => {
      const at = doc.lines.findIndex((l) => l.kind === 'heading' && l.section === 'alerting');
      if (at < 0) return doc;
      const lines = [...doc.lines];
      lines.splice(at + 1, 0, { kind: 'text', text: '', section: 'alerting' }, { kind: 'text', text: '##### Alerts', section: 'alerting' });
      return appendToSection({ ...doc, lines }, 'alerting', ['##### Runbooks', '', 'Each runbook links its Grafana dashboard and Loki queries.', '']);
    },
  },
  { name: 'unrelatedLaterSentence', apply: (doc) => appendToSection(doc, 'rollout', ["The canary's numbers are summarised later in the OP Story.", '']) },
  { name: 'unrelatedToBeDecided', apply: (doc) => appendToSection(doc, 'rollout', ['The date of the full rollout is to be decided by the operator after the canary.', '']) },
];

/** Values: durations in the forms people write, the canary crypto named alone in several ways. */
export const VALUES: Rewrite[] = [
  { name: 'durationsInWords', apply: durations((n) => (n === 7 ? 'one week' : n === 14 ? 'a fortnight' : n % 7 === 0 ? `${NUMBER_WORDS[n / 7]} weeks` : `${n} days`)) },
  { name: 'durationsInWeeks', apply: durations((n) => (n % 7 === 0 ? (n === 7 ? '1w' : `${n / 7} weeks`) : undefined)) },
  { name: 'durationsInDays', apply: durations((n) => `${n} days`) },
  { name: 'durationsAtLeast', apply: durations((n) => `≥ ${n}d`) },
  { name: 'durationsInHours', apply: durations((n) => `${n * 24} hours`) },
  { name: 'durationsAsProduct', apply: durations((n) => `${n}×24h`) },
  { name: 'durationsWithNbspEntity', apply: durations((n) => `${n}&nbsp;days`) },
  { name: 'durationsWithNoBreakSpaces', apply: durations((n) => `≥\u202f${n}\u00a0d`) },
  { name: 'durationsSpelledOut', apply: durations((n) => (n < DAY_WORDS.length ? `${DAY_WORDS[n]} days` : undefined)) },
  { name: 'canaryOnlyWithNote', apply: canaryCell((symbol) => `\`${symbol}\` only (all other cryptos stay on the champion)`) },
  { name: 'canaryOneOutOfFive', apply: canaryCell((symbol) => `${symbol} — 1 crypto out of 5`) },
  { name: 'canarySymbolAlone', apply: canaryCell((symbol) => symbol) },
  { name: 'canaryNoteOnItsOwnLine', apply: canaryCell((symbol) => `\`${symbol}\` only<br>(all other cryptos stay on the champion)`) },
  { name: 'thresholdsWithAbbreviatedLabels', apply: cellsOf('monitoring', 'Threshold', (cell) => cell.replace(/^warn (.+?) \/ crit (.+)$/, 'W: $1, C: $2')) },
  { name: 'thresholdsWithMiddleDot', apply: cellsOf('monitoring', 'Threshold', (cell) => cell.replace(/ \/ (crit\b|`?[<>])/, ' · $1')) },
];

/** Bytes: line ends, byte-order mark, trailing spaces. */
export const ENCODING: Rewrite[] = [
  { name: 'crlf', apply: (doc) => ({ ...doc, crlf: true }) },
  { name: 'bom', apply: (doc) => ({ ...doc, bom: true }) },
  { name: 'trailingSpaces', apply: (doc) => ({ ...doc, trailingSpaces: true }) },
];

/** The sentence saying the revert was tested in shadow (its opening words), and the valid example's whole sentence. */
const REVERT_TESTED = /\bThe revert was tested in shadow:/;
const REVERT_TESTED_SENTENCE = /The revert was tested in shadow: .*?within 40 s\. /;
/** §5's prose with the revert-tested sentence's opening words rewritten. */
const revertTestedWords = (words: string) => (doc: ReadinessText) =>
  mapLines(doc, (l) => (l.kind === 'text' && l.section === 'rollback' ? { ...l, text: l.text.replace(REVERT_TESTED, words) } : l));

/** §5: the revert tested in shadow, written as people write it. */
export const ROLLBACK_VALUES: Rewrite[] = [
  { name: 'revertTestedWithCheckmark', apply: revertTestedWords('Revert tested ✅ (shadow, 2026-10-30):') },
  { name: 'revertFlipRehearsedInShadow', apply: revertTestedWords('Flip rehearsed in shadow on 2026-10-30:') },
  { name: 'revertTestedDuringShadow', apply: revertTestedWords('We tested the rollback during shadow:') },
  { name: 'revertDryRunInShadow', apply: revertTestedWords('Dry-run of the flag flip in shadow ✔:') },
  {
    // The sentence moved out of the paragraph into a ticked list item of its own.
    name: 'revertTestedAsCheckedItem',
    apply: (doc) =>
      mapLines(doc, (l) => {
        if (l.kind !== 'text' || l.section !== 'rollback') return l;
        const sentence = REVERT_TESTED_SENTENCE.exec(l.text);
        if (!sentence) return l;
        return [
          { ...l, text: l.text.replace(sentence[0], '') },
          { kind: 'text', text: '', section: 'rollback' },
          { kind: 'text', text: `- [x] ${sentence[0].trim().replace(REVERT_TESTED, 'revert tested in shadow:')}`, section: 'rollback' },
          { kind: 'text', text: '', section: 'rollback' },
        ];
      }),
  },
  {
    // The sentence replaced by a "Tested in shadow" column, ticked on the primary path.
    name: 'revertTestedInTableColumn',
    apply: (doc) => {
      if (!doc.lines.some((l) => l.kind === 'text' && l.section === 'rollback' && REVERT_TESTED_SENTENCE.test(l.text))) return doc;
      return mapLines(doc, (l) => {
        if (l.kind === 'text' && l.section === 'rollback') return { ...l, text: l.text.replace(REVERT_TESTED_SENTENCE, '') };
        if (l.kind !== 'table' || l.section !== 'rollback') return l;
        const cell = l.row === 0 ? 'Tested in shadow' : l.row === 1 ? '---' : l.row === 2 ? '✅ 2026-10-30' : '—';
        return { ...l, cells: [...l.cells, cell] };
      });
    },
  },
];

/** Every rewrite, by what it varies: the styles the checker reads as the template's own. */
export const REWRITES_BY_KIND: Record<string, Rewrite[]> = {
  'section headings': STRUCTURE,
  'header fields': HEADER,
  '§6 fields': OWNER_FIELDS,
  'checklist boxes': CHECKLIST,
  tables: TABLES,
  'template guidance': GUIDANCE_REWRITES,
  'comments, notes and unrelated words': ADDITIONS,
  'values (durations, canary crypto)': VALUES,
  'line ends, BOM, trailing spaces': ENCODING,
  '§5 revert tested in shadow': ROLLBACK_VALUES,
};

export const REWRITES: Rewrite[] = Object.values(REWRITES_BY_KIND).flat();
