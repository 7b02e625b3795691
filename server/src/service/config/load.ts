import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { Node, ParseError } from 'jsonc-parser';

// Loaded with the first config file: most runs have none, and jsonc-parser builds tables as it loads.
const jsonc = () => require('jsonc-parser') as typeof import('jsonc-parser');
import type { Range } from 'vscode-languageserver-types';
import type { RuleDefinition } from '../rules/types';
import { perObject } from '../facts/fact';
import { globProblem } from '../fileKind';
import { patternProblem } from '../util/regex';
import { LineIndex } from '../text/lineIndex';
import { buildConfigSchema } from './schema';
import { CONFIG_FILE_NAME } from './fileName';
import type { ReadinessConfig } from './settings';

export { CONFIG_FILE_NAME };

export interface ConfigProblem {
  /** The config file, relative to the workspace root. */
  file: string;
  /** Dotted path of the offending key, e.g. `rules.RDY201`; empty for a syntax error. */
  key: string;
  message: string;
  range: Range;
}

export interface LoadedConfig {
  config: ReadinessConfig;
  problems: ConfigProblem[];
}

interface ConfigValidator {
  schema: Schema;
  validator: Validator;
}

const validatorFor = perObject((rules: readonly RuleDefinition<any>[]): ConfigValidator => {
  const schema = buildConfigSchema(rules) as Schema;
  // Draft 7, every error reported (no short-circuit), so each bad key gets its own problem.
  return { schema, validator: new Validator(schema, '7', false) };
});

/** jsonc-parser's error codes, said as a person would (its names, e.g. `InvalidSymbol`, mean nothing to the author). */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character (keys and strings take double quotes)',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a ":" is expected after the key',
  CommaExpected: 'a "," is expected between entries',
  CloseBraceExpected: 'a closing "}" is missing',
  CloseBracketExpected: 'a closing "]" is missing',
  EndOfFileExpected: 'more text after the end of the JSON object',
  InvalidCommentToken: 'a malformed comment',
  UnexpectedEndOfComment: 'a comment that is never closed',
  UnexpectedEndOfString: 'a string that is never closed',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape in a string',
  InvalidCharacter: 'a control character in a string',
};

/**
 * Parses and validates a config file's text. A broken file yields problems (with the key and
 * its range) and an empty config; a file with bad entries keeps the entries that are valid.
 */
export function loadConfig(text: string, file: string, rules: readonly RuleDefinition<any>[]): LoadedConfig {
  const lines = new LineIndex(text);
  const rangeOf = (offset: number, length: number): Range => ({
    start: lines.positionAt(offset),
    end: lines.positionAt(offset + length),
  });
  const errors: ParseError[] = [];
  // A byte-order mark (Notepad writes one) is no JSON: read as a space, so offsets stay the file's.
  const { parseTree, printParseErrorCode } = jsonc();
  const root = parseTree(text.replace(/^\uFEFF/, ' '), errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root) {
    const first = text.trim() === '' ? undefined : errors[0];
    return {
      config: {},
      problems: [
        {
          file,
          key: '',
          message: first
            ? `${file}: not valid JSON at line ${lines.positionAt(first.offset).line + 1}, column ${lines.positionAt(first.offset).character + 1}: ${JSON_ERRORS[printParseErrorCode(first.error)] ?? 'a syntax error'}`
            : `${file}: the file is empty; write a JSON object such as {"rules": {}}`,
          range: first ? rangeOf(first.offset, first.length) : rangeOf(0, 0),
        },
      ],
    };
  }
  const value = nodeValue(root);
  const { schema, validator } = validatorFor(rules);
  const result = validator.validate(value);
  const schemaProblems = result.valid
    ? []
    : reportable(result.errors).map((error) => {
        const path = instancePath(error);
        const valueNode = nodeAt(root, path);
        // An unknown key is marked on the key itself; a bad value on the value.
        const target = (error.keyword === 'false' ? valueNode?.parent?.children?.[0] : valueNode) ?? root;
        return { file, key: path.join('.'), message: `${file}: ${describe(error, path, schema)}`, range: rangeOf(target.offset, target.length) };
      });
  const reported = new Set(schemaProblems.map((problem) => problem.key));
  const problems = [
    ...schemaProblems,
    ...unusableMatchers(value).flatMap(({ path, problem }) => {
      const key = path.join('.');
      if (reported.has(key)) return [];
      const target = nodeAt(root, path) ?? root;
      return [{ file, key, message: `${file}: "${key}" is ${problem}`, range: rangeOf(target.offset, target.length) }];
    }),
  ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (!problems.length) return { config: value as ReadinessConfig, problems: [] };
  return { config: stripInvalid(value, problems), problems };
}

/** Rule options holding a regular expression: `pattern` or a name ending in `Pattern` (e.g. `storyIdPattern`). */
export const PATTERN_OPTION = /^pattern$|Pattern$/;

/**
 * The configured patterns and globs the checker could not run in linear time (or at all): a
 * repository's config is untrusted, and a pattern such as `(a+)+$` would hang a backtracking
 * engine. They are reported on their key and dropped, so the defaults apply.
 */
function unusableMatchers(value: unknown): Array<{ path: string[]; problem: string }> {
  const found: Array<{ path: string[]; problem: string }> = [];
  if (!value || typeof value !== 'object') return found;
  const config = value as Record<string, unknown>;
  if (Array.isArray(config.files)) {
    config.files.forEach((glob, index) => {
      const problem = typeof glob === 'string' ? globProblem(glob) : undefined;
      if (problem) found.push({ path: ['files', String(index)], problem });
    });
  }
  if (config.rules && typeof config.rules === 'object') {
    for (const [rule, entry] of Object.entries(config.rules as Record<string, unknown>)) {
      if (!entry || typeof entry !== 'object') continue;
      for (const [option, pattern] of Object.entries(entry as Record<string, unknown>)) {
        if (!PATTERN_OPTION.test(option) || typeof pattern !== 'string') continue;
        const problem = patternProblem(pattern);
        if (problem) found.push({ path: ['rules', rule, option], problem });
      }
    }
  }
  return found;
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value, p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/**
 * The node at a path of keys; array items are addressed by their index. jsonc-parser's
 * `findNodeAtLocation` wants numbers for array items, and the validator's paths are all strings:
 * turning digits into numbers would lose an object key that is digits.
 */
function nodeAt(root: Node, path: string[]): Node | undefined {
  let node: Node | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'array') node = node.children?.[Number(segment)];
    else if (node.type === 'object') node = node.children?.find((p) => p.children?.[0].value === segment)?.children?.[1];
    else return undefined;
  }
  return node;
}

/** The segments of a JSON pointer as the validator writes them (`#/rules/a~1b` → rules, a/b). */
function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function instancePath(error: OutputUnit): string[] {
  return pointerSegments(error.instanceLocation);
}

/** The schema object that holds an error's keyword, following `$ref`s as the validator did. */
function schemaOf(error: OutputUnit, schema: Schema): Schema | undefined {
  let node: any = schema;
  const segments = pointerSegments(error.keywordLocation);
  for (const segment of segments.slice(0, -1)) {
    if (segment === '$ref' && typeof node?.$ref === 'string') {
      node = pointerSegments(node.$ref).reduce((at: any, key) => at?.[key], schema);
    } else {
      node = node?.[segment];
    }
  }
  return node && typeof node === 'object' ? node : undefined;
}

/**
 * The errors worth a message, one per key. The validator reports every level: a key's failure
 * is also reported on each object around it ("properties", "$ref", "items", …), and a failed
 * `oneOf` reports what each alternative disliked. Kept: the innermost errors; for a `oneOf`, the
 * errors of the one alternative that fits the value's kind (a rule entry written as an object is
 * judged as the options object), or the `oneOf` itself when none or several fit.
 */
function reportable(errors: OutputUnit[]): OutputUnit[] {
  const dropped = new Set<OutputUnit>();
  for (const oneOf of errors.filter((e) => e.keyword === 'oneOf')) {
    const branches = new Map<string, OutputUnit[]>();
    for (const error of errors) {
      const match = error.keywordLocation.startsWith(oneOf.keywordLocation + '/') && /^\d+/.exec(error.keywordLocation.slice(oneOf.keywordLocation.length + 1));
      if (match) branches.set(match[0], [...(branches.get(match[0]) ?? []), error]);
    }
    // An alternative "fits" unless it rejects the value's kind itself (its type or enum, at the value).
    const fitting = [...branches.values()].filter(
      (branchErrors) => !branchErrors.some((e) => e.instanceLocation === oneOf.instanceLocation && (e.keyword === 'type' || e.keyword === 'enum')),
    );
    for (const branchErrors of branches.values()) {
      if (fitting.length !== 1 || branchErrors !== fitting[0]) branchErrors.forEach((e) => dropped.add(e));
    }
    if (fitting.length === 1) dropped.add(oneOf);
  }
  const leaves = errors.filter((e) => !dropped.has(e) && !CONTAINER_KEYWORDS.has(e.keyword));
  const byPath = new Map<string, OutputUnit>();
  for (const error of leaves) {
    const key = error.instanceLocation;
    const known = byPath.get(key);
    if (!known || rank(error) > rank(known)) byPath.set(key, error);
  }
  return [...byPath.values()];
}

/** Keywords that only say "something inside failed"; the inner error says what. */
const CONTAINER_KEYWORDS = new Set(['properties', 'patternProperties', 'additionalProperties', 'items', 'additionalItems', '$ref', 'allOf', 'anyOf']);

/** Unknown key first, then a wrong kind of value, then the value's limits. */
function rank(error: OutputUnit): number {
  return error.keyword === 'false' ? 3 : error.keyword === 'type' ? 2 : error.keyword === 'oneOf' ? 0 : 1;
}

const KINDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

function describe(error: OutputUnit, path: string[], schema: Schema): string {
  const key = path.join('.');
  const name = key ? `"${key}"` : 'the file';
  const at = schemaOf(error, schema);
  switch (error.keyword) {
    case 'false': {
      const unknown = path[path.length - 1];
      return path[0] === 'rules' && path.length === 2
        ? `"${key}": unknown rule "${unknown}"; run \`mlops-readiness rules\` for the list`
        : `"${key}": unknown setting "${unknown}"`;
    }
    case 'type': {
      const kinds = ([] as string[]).concat(at?.type ?? []).map((kind) => KINDS[kind] ?? kind);
      return `${name} must be ${kinds.join(' or ')}`;
    }
    case 'enum':
      return `${name} must be one of ${(at?.enum ?? []).join(', ')}`;
    case 'minLength':
      return at?.minLength === 1 ? `${name} must not be empty` : `${name} must have at least ${at?.minLength} characters`;
    case 'minItems':
      return `${name} must have at least ${at?.minItems} item${at?.minItems === 1 ? '' : 's'}`;
    case 'minimum':
      return `${name} must be at least ${at?.minimum}`;
    case 'exclusiveMinimum':
      return `${name} must be greater than ${at?.exclusiveMinimum}`;
    case 'oneOf':
      if (path[0] === 'rules' && path.length === 2) {
        const levels = (at?.oneOf?.find((branch) => Array.isArray(branch.enum))?.enum ?? []) as string[];
        return `${name} must be one of ${levels.join(', ')}, or an object with "severity" and the rule's options`;
      }
      return `${name} must match exactly one of its allowed forms`;
    default:
      return `${name} is invalid: ${error.error}`;
  }
}

/** Drops the top-level entries that have problems, so one bad rule entry does not void the file. */
function stripInvalid(value: unknown, problems: ConfigProblem[]): ReadinessConfig {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const config = { ...(value as Record<string, unknown>) };
  const rules = config.rules && typeof config.rules === 'object' ? { ...(config.rules as Record<string, unknown>) } : undefined;
  for (const problem of problems) {
    const [top, second] = problem.key.split('.');
    if (top === 'rules' && second && rules) delete rules[second];
    else delete config[top];
  }
  if (rules) config.rules = rules;
  return config as ReadinessConfig;
}
