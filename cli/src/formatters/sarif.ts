import { dirname, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsUrl, INPUT_CODE, RULES, type ReportedFinding, type RuleDefinition } from '../../../server/src/service';
import { cliBundledDocs, cliReadme } from '../ruleDocs';
import type { FileReport, Report } from '../report';
import { VERSION } from '../usage';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<string, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

interface RuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  /** The rule's page: the configured `docsBaseUrl`'s, else the bundled one; left out when there is none. */
  helpUri?: string;
  help: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

/** The descriptor of the tool's own input diagnostics (config problems, files over the size limit). */
const INPUT_RULE: RuleDescriptor = {
  id: INPUT_CODE,
  name: 'input',
  shortDescription: { text: 'The configuration and the files given can be read and used.' },
  fullDescription: {
    text: 'A .mlops-readiness.json that is not valid, or a readiness file over the size limit, cannot be checked as asked; the problem is reported on the file itself.',
  },
  help: { text: 'Fix the configuration key named in the message, or raise "maxFileSize".' },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['configuration'] },
};

function descriptor(rule: RuleDefinition<any>, docsBaseUrl: string | undefined): RuleDescriptor {
  const helpUri = docsUrl(rule, docsBaseUrl, cliBundledDocs);
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: sentence(rule.summary) },
    fullDescription: { text: sentence(rule.rationale) },
    ...(helpUri ? { helpUri } : {}),
    help: { text: sentence(rule.fixHint) },
    defaultConfiguration: { level: LEVEL[rule.severity] ?? 'warning' },
    properties: { tags: ['mlops-readiness', ...rule.requirements] },
  };
}

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: every rule in `tool.driver.rules`, results
 * pointing at them by id and index, locations relative to `%SRCROOT%` (the repository root, as
 * code scanning maps them, or the common folder of several), 1-based lines and UTF-16 columns
 * like the editor's. A file not checked gets a tool execution notification as well.
 */
export function formatSarif(report: Report): string {
  // One descriptor per rule for the whole run: the first file's configured pages (one organisation per run).
  const docsBaseUrl = report.files.find((file) => file.docsBaseUrl)?.docsBaseUrl;
  const rules = [...RULES.map((rule) => descriptor(rule, docsBaseUrl)), INPUT_RULE];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const srcRoot = commonFolder(report.files.map(rootOf));
  const results = report.files.flatMap((file) => file.findings.map((d) => result(d, file, srcRoot, index)));
  // A file that was not checked is said so as a tool notification too, beside its RDY000 result.
  const notChecked = report.files
    .filter((file) => file.notChecked !== undefined)
    .map((file) => ({
      level: 'error' as const,
      message: { text: sentence(file.notChecked!) },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(srcRoot ?? rootOf(file), file.absolutePath), uriBaseId: SRCROOT } } }],
    }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlops-readiness',
            fullName: 'MLOps Readiness',
            version: VERSION,
            ...(/^\d+\.\d+\.\d+/.test(VERSION) ? { semanticVersion: VERSION } : {}),
            ...(docsBaseUrl || cliReadme() ? { informationUri: docsBaseUrl ?? cliReadme() } : {}),
            rules,
          },
        },
        originalUriBaseIds: srcRoot === undefined ? {} : { [SRCROOT]: { uri: folderUri(srcRoot) } },
        ...(notChecked.length ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notChecked }] } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(d: ReportedFinding, file: FileReport, srcRoot: string | undefined, index: Map<string, number>) {
  const ruleId = d.code;
  const ruleIndex = index.get(ruleId) ?? index.get(INPUT_CODE)!;
  const { start, end } = d.range;
  return {
    ruleId,
    ruleIndex,
    level: LEVEL[d.severity] ?? 'warning',
    message: { text: sentence(d.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(srcRoot ?? rootOf(file), file.absolutePath), uriBaseId: SRCROOT },
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
  };
}

/** The repository root (what code scanning maps paths against), else the workspace root. */
function rootOf(file: FileReport): string {
  return file.repositoryRoot ?? file.root;
}

/** SARIF wants messages as complete sentences ending with a period (SARIF2001). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A relative URI reference: `/`-separated, each segment percent-encoded (spaces, `#`, `%`). */
function relativeUri(root: string, path: string): string {
  return relative(root, path).split(sep).map(encodeURIComponent).join('/');
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** The deepest folder holding all the given folders. */
function commonFolder(folders: string[]): string | undefined {
  if (!folders.length) return undefined;
  let common = folders[0]!;
  for (const folder of folders.slice(1)) {
    while (relative(common, folder).startsWith('..') && dirname(common) !== common) common = dirname(common);
  }
  return common;
}
