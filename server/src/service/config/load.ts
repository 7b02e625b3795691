import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import type { RuleDefinition } from '../rules/types';
import { LineIndex } from '../text/lineIndex';
import { buildConfigSchema } from './schema';
import type { ReadinessConfig } from './settings';

export const CONFIG_FILE_NAME = '.mlops-readiness.json';

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

const compiled = new WeakMap<readonly RuleDefinition<any>[], ValidateFunction>();

function validatorFor(rules: readonly RuleDefinition<any>[]): ValidateFunction {
  let validate = compiled.get(rules);
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: false }).compile(buildConfigSchema(rules));
    compiled.set(rules, validate);
  }
  return validate;
}

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
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !root) {
    const first = errors[0];
    return {
      config: {},
      problems: [
        {
          file,
          key: '',
          message: first
            ? `${file}: invalid JSON (${printParseErrorCode(first.error)}) at line ${lines.positionAt(first.offset).line + 1}`
            : `${file}: the file is empty; write a JSON object such as {"rules": {}}`,
          range: first ? rangeOf(first.offset, first.length) : rangeOf(0, 0),
        },
      ],
    };
  }
  const value = nodeValue(root);
  const validate = validatorFor(rules);
  if (validate(value)) return { config: value as ReadinessConfig, problems: [] };

  const problems = dedupe(validate.errors ?? []).map((error) => {
    const path = pathOf(error);
    const valueNode = findNodeAtLocation(root, path);
    // An unknown key is marked on the key itself; a bad value on the value.
    const target = (error.keyword === 'additionalProperties' ? valueNode?.parent?.children?.[0] : valueNode) ?? root;
    return { file, key: path.join('.'), message: `${file}: ${describe(error, path)}`, range: rangeOf(target.offset, target.length) };
  });
  return { config: stripInvalid(value, problems), problems };
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

function pathOf(error: ErrorObject): string[] {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  return path;
}

function describe(error: ErrorObject, path: string[]): string {
  const key = path.join('.');
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    return path[0] === 'rules' && path.length === 2
      ? `"${key}": unknown rule "${name}"; run \`mlops-readiness rules\` for the list`
      : `"${key}": unknown setting "${name}"`;
  }
  if (error.keyword === 'enum') return `"${key}" must be one of ${(error.params.allowedValues as string[]).join(', ')}`;
  if (error.keyword === 'oneOf' && path[0] === 'rules') {
    return `"${key}" must be "off", "information", "warning", "error" or an object with "severity" and the rule's options`;
  }
  return `"${key}" ${error.message ?? 'is invalid'}`;
}

/** oneOf reports each branch; the user needs one message per key. */
function dedupe(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    const key = pathOf(error).join('.');
    const known = byPath.get(key);
    // Prefer the most specific message: unknown key, enum, then type/oneOf.
    if (!known || rank(error) > rank(known)) byPath.set(key, error);
  }
  // A rule entry with a bad option reports at the option; drop its parent's generic oneOf.
  return [...byPath.values()].filter((error) => {
    const key = pathOf(error).join('.');
    return !(error.keyword === 'oneOf' && [...byPath.keys()].some((other) => other.startsWith(key + '.')));
  });
}

function rank(error: ErrorObject): number {
  return ['additionalProperties', 'enum', 'type', 'minimum', 'minLength'].includes(error.keyword) ? 2 : error.keyword === 'oneOf' ? 1 : 0;
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
