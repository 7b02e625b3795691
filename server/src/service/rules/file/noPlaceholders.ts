import { placeholderAdvice } from '../../template/placeholderAdvice';
import { defineRule } from '../types';

export const noPlaceholdersRule = defineRule({
  code: 'RDY001',
  name: 'no-placeholders',
  requirements: ['F1'],
  section: 'file',
  severity: 'error',
  summary: 'No template placeholder may be left in the file.',
  rationale:
    'A placeholder such as `<handle>`, `YYYY-MM-DD` or `P1 / P2 / P3` means the committee reviews a form, not a plan. ' +
    'Every slot must hold the real value before review (ADR-70: a signed-off readiness file gates the merge).',
  fixHint: 'Replace the placeholder with the real value; for a list of alternatives, keep exactly one.',
  check({ document, report }) {
    for (const placeholder of document.placeholders) {
      const advice = placeholderAdvice(placeholder, document);
      report({
        range: placeholder.range,
        message: `Unfilled placeholder ${quote(placeholder.text)}${advice.where ? ` ${advice.where}` : ''}: ${advice.instruction}`,
        fixes: advice.choices.map((choice, index) => ({
          title: `Replace with "${choice}"`,
          isPreferred: advice.choices.length === 1 && index === 0,
          edits: [{ range: placeholder.range, newText: choice }],
        })),
      });
    }
  },
});

function quote(text: string): string {
  return text.includes('`') ? text : `\`${text}\``;
}
