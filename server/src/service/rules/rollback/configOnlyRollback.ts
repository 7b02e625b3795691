import type { TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument, Table, TableRow } from '../../model';
import { insertLinesBefore } from '../../util/edits';
import { defineRule, type Fix } from '../types';
import { keywordListSchema } from '../../util/keywords';
import { DEFAULT_MECHANISM_KEYWORDS, type Mechanism, mechanismsOf, rollbackTable } from '../../facts/rollback/mechanisms';
import { templateRowLines } from '../../template/exampleRows';
import { toSnippet } from '../../util/snippets';

export const configOnlyRollbackRule = defineRule({
  code: 'RDY501',
  name: 'config-only-rollback',
  requirements: ['B1'],
  section: 'rollback',
  severity: 'error',
  summary: 'The primary rollback mechanism is config-only (flag, alias, pin or config value); a code deploy may only be a secondary path.',
  rationale:
    'A revert that needs a code deploy cannot meet the 5-minute revert window and fails exactly when the deploy path is broken. ' +
    'The template requires the change to be revertable without a code deploy, with the hotfix flow only as a secondary, ' +
    'emergency-only path; anything else is a structural problem for ADR-56 review.',
  fixHint: 'Make the first row a config-only mechanism (FTF factor flag, MLflow alias / model version pin, feature artefact pin, config value).',
  defaultOptions: { ...DEFAULT_MECHANISM_KEYWORDS },
  optionsSchema: {
    configOnlyKeywords: keywordListSchema('Words that mark a Mechanism as config-only (matched at a word start, case-insensitive).'),
    codeDeployKeywords: keywordListSchema('Words that mark a Mechanism as needing a code deploy; they win over config-only words.'),
  },
  check({ document, options, report }) {
    const found = rollbackTable(document);
    if (!found || !found.table.hasColumn('Mechanism')) return;
    const { table } = found;
    const mechanisms = mechanismsOf(document, table, options);
    const configOnly = mechanisms.find((m) => m.kind === 'config-only');
    if (!configOnly) {
      const deploys = mechanisms.filter((m) => m.kind === 'code-deploy').map((m) => `"${m.name}"`);
      const listed = mechanisms.length
        ? `§5 lists ${deploys.length ? `only ${deploys.join(', ')} (code deploy)` : 'no config-only mechanism'}`
        : 'the table lists no mechanism';
      report({
        range: table.header.range,
        message:
          `No config-only rollback: ${listed}. Add a config-only path as the first row — an FTF factor flag ` +
          '(`CVN_FACTOR_<NAME>=off`), an MLflow alias / model version pin, a feature artefact pin or a config value — ' +
          'and keep any code deploy as a secondary path (ADR-56).',
        fixes: insertFlagRowFix(document, table),
      });
      return;
    }
    const primary = mechanisms[0];
    if (primary.kind !== 'code-deploy') return;
    report({
      range: primary.row.range,
      message:
        `The primary (first) rollback mechanism "${primary.name}" is a code deploy: put the config-only path ` +
        `"${configOnly.name}" first; a code deploy or hotfix may only be a secondary, emergency-only path (ADR-56).`,
      fixes: [moveFirstFix(document, configOnly, primary.row)],
    });
  },
});

/** Moves the config-only row above the current first row; the rows themselves are kept as written. */
function moveFirstFix(document: ReadinessDocument, configOnly: Mechanism, first: TableRow): Fix {
  const { lines } = document;
  const eol = lines.eol;
  const rowText = lines.lineText(configOnly.row.line);
  const removeEnd = configOnly.row.line + 1 < lines.lineCount ? { line: configOnly.row.line + 1, character: 0 } : undefined;
  const removal: TextEdit = removeEnd
    ? { range: { start: { line: configOnly.row.line, character: 0 }, end: removeEnd }, newText: '' }
    : // The row is the file's last line: remove it with the line break before it.
      {
        range: {
          start: { line: configOnly.row.line - 1, character: lines.lineText(configOnly.row.line - 1).length },
          end: { line: configOnly.row.line, character: rowText.length },
        },
        newText: '',
      };
  const at = { line: first.line, character: 0 };
  return {
    title: `Make "${configOnly.name}" the primary path (move its row first)`,
    isPreferred: true,
    edits: [{ range: { start: at, end: at }, newText: rowText + eol }, removal],
  };
}

/** The template's FTF factor flag row, as the first row; the author still names the factor. */
function insertFlagRowFix(document: ReadinessDocument, table: Table): Fix[] {
  const row = templateRowLines('rollback')[0];
  if (!row) return [];
  const { lines } = document;
  const line = table.rows.length ? table.rows[0].line : table.header.line + 2;
  // A table ending the file without a line break: append to its last line, never after a blank line.
  const lastLine = table.header.line + 1;
  const endOfTable = { line: lastLine, character: lines.lineText(lastLine).length };
  const plain: TextEdit =
    line < lines.lineCount ? insertLinesBefore(document, line, [row]) : { range: { start: endOfTable, end: endOfTable }, newText: lines.eol + row };
  return [
    {
      title: 'Insert an FTF factor flag row as the primary path',
      edits: [plain],
      snippetEdits: [{ range: plain.range, newText: toSnippet(plain.newText) }],
    },
  ];
}
