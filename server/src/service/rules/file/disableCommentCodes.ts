import { disableDirectives } from '../../util/disableDirectives';
import { isRuleId } from '../ruleIds';
import { defineRule } from '../types';

export const disableCommentCodesRule = defineRule({
  code: 'RDY007',
  name: 'disable-comment-codes',
  // Not a requirement of the template: it checks the tool's own suppression comments.
  requirements: [],
  section: 'file',
  severity: 'warning',
  // A comment that turns off every rule must not hide the warning that it does.
  suppressible: false,
  summary: 'A readiness-disable comment names only rules that exist.',
  rationale:
    'A `<!-- readiness-disable RDY2O1 -->` with a mistyped code silences nothing, while the author believes the finding was ' +
    'deliberately turned off; the committee then reads a gate (ADR-70) that was never checked the way the comment claims.',
  fixHint: 'Write an existing rule code (`RDY201`) or name (`p1-alert-required`); `mlops-readiness rules` lists them.',
  check({ document, report }) {
    for (const directive of disableDirectives(document)) {
      for (const name of directive.names) {
        if (isRuleId(name.text)) continue;
        // A comment naming no rule id the parser reads means every rule: say so, that is the worse surprise.
        const effect = directive.namesAny ? 'it silences nothing' : 'with no known rule named, the comment turns off every rule';
        report({
          range: name.range,
          message:
            `Unknown rule "${name.text}" in this readiness-${directive.kind} comment: ${effect}. ` +
            'Write a rule code such as `RDY201` or its name such as `p1-alert-required` (completion lists them).',
        });
      }
    }
  },
});
