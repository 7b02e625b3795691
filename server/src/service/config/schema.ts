import type { RuleDefinition } from '../rules/types';
import { RULE_LEVELS } from './ruleSettings';

const LEVEL = { enum: [...RULE_LEVELS] };

/** The JSON Schema of `.mlops-readiness.json`, derived from the rule registry. */
export function buildConfigSchema(rules: readonly RuleDefinition<any>[]): Record<string, unknown> {
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of rules) {
    const entry = {
      description: `${rule.code} ${rule.name}: ${rule.summary} (default: ${rule.severity})`,
      oneOf: [
        { ...LEVEL },
        {
          type: 'object',
          properties: { severity: LEVEL, ...(rule.optionsSchema ?? {}) },
          additionalProperties: false,
        },
      ],
    };
    ruleProperties[rule.code] = entry;
    ruleProperties[rule.name] = { $ref: `#/properties/rules/properties/${rule.code}` };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://mlops-readiness.dev/schemas/mlops-readiness.schema.json',
    title: 'MLOps Readiness configuration (.mlops-readiness.json)',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      files: {
        description: 'Globs, relative to the workspace root, naming readiness files.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      maxFileSize: { description: 'Files larger than this many bytes are not checked.', type: 'integer', minimum: 1 },
      maxFileSizeSeverity: {
        description: 'Severity of the message on a file over maxFileSize, which was not checked (default: error, so it fails the gate).',
        enum: ['error', 'warning', 'information'],
      },
      adrFolder: { description: 'Folder of ADR files (hovers and links on ADR-NN).', type: 'string', minLength: 1 },
      docsBaseUrl: {
        description: 'Base URL of your own copy of the rule pages: a rule links <docsBaseUrl>/<code>.md (default: the pages bundled with the tool).',
        type: 'string',
        pattern: '^https?://',
      },
      rules: {
        description: 'Per rule, by code or name: a severity ("off" turns it off) or an object with "severity" and options.',
        type: 'object',
        properties: ruleProperties,
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
}
