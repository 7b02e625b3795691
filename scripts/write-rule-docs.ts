// Writes the parts of docs/rules/<code>.md that the rule's metadata says (run: npm run docs:rules): the
// severity line under the summary and the options table, each between marker comments; the prose around
// them is written by hand. A test fails when a committed page and the registry disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, type RuleDefinition } from '../server/src/service';

export const RULE_DOCS = join(__dirname, '..', 'docs', 'rules');

const COMMAND = '`npm run docs:rules`';
const SEVERITY_START = `<!-- severity: written by ${COMMAND} from the rule's metadata -->`;
const SEVERITY_END = '<!-- /severity -->';
const OPTIONS_START = `<!-- options: written by ${COMMAND} from the rule's metadata -->`;
const OPTIONS_END = '<!-- /options -->';

export const pagePath = (rule: Pick<RuleDefinition<any>, 'code'>) => join(RULE_DOCS, `${rule.code}.md`);

/** The severity line: default severity, requirements, and how the rule runs when that differs from the rest. */
export function severityLine(rule: RuleDefinition<any>): string {
  const parts = [`Severity: **${rule.severity}**.`];
  if (rule.requirements.length) parts.push(`${rule.requirements.length > 1 ? 'Requirements' : 'Requirement'} ${rule.requirements.join(', ')}.`);
  if (rule.crossFile) parts.push('Cross-file: reads other files of the workspace, so not in an untrusted one.');
  if (rule.suppressible === false) parts.push('Disable comments cannot silence it; only the configuration turns it off.');
  return parts.join(' ');
}

/** A JSON Schema type as a reader says it: `string[]`, `integer ≥ 1`, `object`. */
function typeOf(schema: Record<string, any>): string {
  if (schema.type === 'array') return `${typeOf(schema.items ?? {})}[]`;
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) return `${schema.type} ≥ ${schema.minimum}`;
    if (schema.exclusiveMinimum !== undefined) return `${schema.type} > ${schema.exclusiveMinimum}`;
  }
  return schema.type ?? 'any';
}

/** A default as it is written in `.mlops-readiness.json` (arrays spaced as people write them). */
function jsonText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonText).join(', ')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${jsonText(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/** Text for a table cell: a pipe would end the cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A code span holding `text`, with a fence longer than any run of backticks inside. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** The options table (key, type, default, meaning), or "None." for a rule without options. */
export function optionsTable(rule: RuleDefinition<any>): string {
  const schema = (rule.optionsSchema ?? {}) as Record<string, Record<string, any>>;
  const defaults = (rule.defaultOptions ?? {}) as Record<string, unknown>;
  const keys = Object.keys(schema);
  if (!keys.length) return 'None.';
  const rows = keys.map((key) => `| ${code(key)} | ${typeOf(schema[key])} | ${cell(code(jsonText(defaults[key])))} | ${cell(schema[key].description ?? '')} |`);
  return ['| Key | Type | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** `text` with what stands between `start` and `end` (markers kept) replaced by `content`. */
function between(text: string, start: string, end: string, content: string, where: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`${where}: no "${start}" … "${end}"`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

/** The page as the rule's metadata writes it. */
export function renderedPage(rule: RuleDefinition<any>, page: string): string {
  const where = `docs/rules/${rule.code}.md`;
  const title = `# ${rule.code} ${rule.name}\n`;
  if (!page.startsWith(title)) throw new Error(`${where}: the first line must be "${title.trim()}"`);
  return between(between(page, SEVERITY_START, SEVERITY_END, severityLine(rule), where), OPTIONS_START, OPTIONS_END, optionsTable(rule), where);
}

if (require.main === module) {
  let written = 0;
  for (const rule of RULES) {
    const page = readFileSync(pagePath(rule), 'utf8');
    const next = renderedPage(rule, page);
    if (next !== page) {
      writeFileSync(pagePath(rule), next);
      written++;
    }
  }
  console.log(`${written} of ${RULES.length} rule pages rewritten in ${RULE_DOCS}`);
}
