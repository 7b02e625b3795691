import { hasPlaceholder } from '../../facts/document';
import { defineRule } from '../types';
import { alertRows, kebab, replaceCell } from '../../facts/alerting/alertTable';
import { DEFAULT_RUNBOOK_FOLDER, judgeRunbookPath, normaliseFolder, runbookMentionsOf } from '../../facts/alerting/runbookPaths';

export interface RunbookFolderOptions {
  /** Root-relative folder every runbook lives in; RDY206 and RDY207 read it from here. */
  runbookFolder: string;
}

export const runbookPathRule = defineRule<RunbookFolderOptions>({
  code: 'RDY205',
  name: 'runbook-path',
  requirements: ['A5'],
  section: 'alerting',
  severity: 'error',
  summary: 'Each alert names its runbook: a Markdown file under documentation/runbooks/ (configurable), inside the workspace.',
  rationale:
    'The template requires a runbook in `documentation/runbooks/` for each alert, so the on-call finds symptom, diagnosis, ' +
    'remediation and escalation in one known place at 3 a.m.; an alert without one fails silently in practice (ADR-25, ADR-70).',
  fixHint: 'Write the runbook\'s path from the repository root, e.g. `documentation/runbooks/<alert>.md`.',
  defaultOptions: { runbookFolder: DEFAULT_RUNBOOK_FOLDER },
  optionsSchema: {
    runbookFolder: {
      type: 'string',
      description: 'Folder (relative to the workspace root) that holds the runbooks; RDY206 and RDY207 use it too.',
      default: DEFAULT_RUNBOOK_FOLDER,
    },
  },
  check({ document, options, documentPath, report }) {
    const folder = normaliseFolder(options.runbookFolder);
    for (const { row, alert, runbook } of alertRows(document)) {
      if (!runbook) continue; // no Runbook column: RDY004
      if (hasPlaceholder(document, runbook)) continue; // RDY001 reports it
      // `[runbook][rb-x]` with no `[rb-x]: …` line: a reference to nothing, not a path.
      const reference = /^\[([^\[\]]+)\]\[([^\[\]]*)\]$/.exec(runbook.value.trim());
      const label = reference && (reference[2] || reference[1]).trim().replace(/\s+/g, ' ').toLowerCase();
      if (label && !document.linkDefinitions.has(label)) {
        report({
          range: runbook.range,
          message: `Runbook link "${runbook.value.trim()}" points at no definition: add a line \`[${label}]: ${folder}<alert>.md\` to the file, or write the runbook's path.`,
        });
        continue;
      }
      const mentions = runbookMentionsOf(runbook, documentPath, document.linkDefinitions);
      const paths = mentions.map((mention) => mention.path);
      const name = alert?.value ? `Alert "${alert.value}"` : `The alert on line ${row.line + 1}`;
      // Each runbook the cell gives (`a.md + b.md`); a fix rewrites the cell, so only a lone path gets one.
      const lone = paths.length <= 1;
      for (const [index, written] of (paths.length ? paths : [undefined]).entries()) {
        const verdict = judgeRunbookPath(written, folder);
        const target = mentions[index]?.linkTarget;
        // A link read from the document's folder: say so, the author may have meant the root.
        const opened = target ? `link "${target}" opens ${verdict.kind === 'misplaced' ? verdict.path : written} (read from the file's folder), which` : undefined;
        switch (verdict.kind) {
          case 'ok':
            break;
          case 'empty': {
            const slug = alert?.value && !hasPlaceholder(document, alert) ? kebab(alert.value) : '';
            const suggestion = slug ? `${folder}${slug}.md` : undefined;
            report({
              range: runbook.range,
              message: `${name} has no runbook: write the path of its runbook, e.g. \`${suggestion ?? `${folder}<alert>.md`}\`.`,
              fixes: suggestion
                ? [{ title: `Write runbook path ${suggestion}`, isPreferred: true, edits: [replaceCell(document, runbook, `\`${suggestion}\``)] }]
                : undefined,
            });
            break;
          }
          case 'url':
            report({
              range: runbook.range,
              message: `Runbook "${verdict.path}" is a URL: runbooks live in the repository — write a path under ${folder}, e.g. \`${folder}<alert>.md\`.`,
            });
            break;
          case 'outside':
            report({
              range: runbook.range,
              message: `Runbook "${verdict.path}" must stay inside the workspace: write a path relative to the repository root, under ${folder} (no \`..\`, not absolute).`,
            });
            break;
          case 'misplaced': {
            const problems = [
              verdict.outsideFolder ? `is not under ${folder}` : undefined,
              verdict.notMarkdown ? 'does not end in .md' : undefined,
            ].filter(Boolean);
            report({
              range: runbook.range,
              message: opened
                ? `Runbook ${opened} ${problems.join(' and ')}: write \`${verdict.suggestion}\` (and keep the file there).`
                : `Runbook "${verdict.path}" ${problems.join(' and ')}: write \`${verdict.suggestion}\` (and keep the file there).`,
              fixes: lone
                ? [
                    {
                      title: `Change to ${verdict.suggestion}`,
                      isPreferred: true,
                      edits: [{ range: runbook.range, newText: `\`${verdict.suggestion}\`` }],
                    },
                  ]
                : undefined,
            });
            break;
          }
        }
      }
    }
  },
});
