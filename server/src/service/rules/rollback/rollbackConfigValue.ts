import { findSection, sectionTable } from '../../facts/document';
import { defineRule } from '../types';
import { configValuesIn, DEFAULT_CONFIG_VALUE_PATTERN } from '../../facts/rollback/configValue';
import { safeRegExp } from '../../facts/rollback/patterns';

export const rollbackConfigValueRule = defineRule({
  code: 'RDY503',
  name: 'rollback-config-value',
  requirements: ['B3'],
  section: 'rollback',
  severity: 'error',
  summary: 'The rollback plan names, in code, the exact config value that flips the change off (`key=value`).',
  rationale:
    'At 3 a.m. the on-call must not guess which flag to flip: the template asks for the specific config value ' +
    '(e.g. `factor_label_smoothing=0.0` in `ftf_config.base_env`, an ADR-59 FTF factor flag), so the config-only revert ' +
    'the template requires instead of a code deploy (ADR-56) can be done in the 5-minute window.',
  fixHint: 'Write the setting as `key=value` in a code span, e.g. "The config value that flips the change off is `CVN_FACTOR_LABEL_SMOOTHING=off`."',
  defaultOptions: { pattern: DEFAULT_CONFIG_VALUE_PATTERN },
  optionsSchema: {
    pattern: { type: 'string', minLength: 1, description: 'Regular expression a code span (or code line) must match to count as the flip-off config value.' },
  },
  check({ document, options, report }) {
    const section = findSection(document, 'rollback');
    if (!section) return;
    const table = sectionTable(section);
    // A SKIP in place of the table is RDY005's to judge (§5 may not be skipped).
    if (!table && section.skips.length) return;
    const pattern = safeRegExp(options.pattern, DEFAULT_CONFIG_VALUE_PATTERN);
    if (configValuesIn(document, section, pattern).length) return;
    report({
      range: table ? table.header.range : section.heading.range,
      message:
        '§5 does not name the config value that flips the change off: write it as `key=value` in a code span, in a ' +
        'Description cell or a line below the table, e.g. "The config value that flips the change off is `CVN_FACTOR_LABEL_SMOOTHING=off`".',
    });
  },
});
