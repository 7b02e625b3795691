import { defineRule } from '../types';
import { parseRequirements, type Requirement } from '../../facts/checklist/requirements';
import { checklistItems, setBoxFix } from '../../facts/checklist/sectionErrors';

interface DependencyOptions {
  /** Requirements files that must declare the same packages (root-relative paths). */
  requirementsFiles: string[];
}

const MAX_NAMED = 10;
const MAX_RELATED = 20;

export const dependencyDeclarationsRule = defineRule<DependencyOptions>({
  code: 'RDY703',
  name: 'dependency-declarations',
  requirements: ['C2'],
  section: 'checklist',
  severity: 'warning',
  summary: 'The dependency box is ticked only when every requirements file declares the same packages.',
  rationale:
    'A package declared in `requirements.txt` but not in `airflow_docker/requirements.txt` imports fine locally and fails in the ' +
    'Airflow image: the missing-dependency regression class (sympy, cleanlab) the checklist item exists to close (ADR-70).',
  fixHint: 'Declare each listed package in every requirements file, or untick the dependency box.',
  crossFile: true,
  defaultOptions: { requirementsFiles: ['requirements.txt', 'airflow_docker/requirements.txt'] },
  optionsSchema: {
    requirementsFiles: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 2,
      description: 'Requirements files (relative to the workspace root) that must declare the same packages; checked only when all exist.',
    },
  },
  check({ document, options, workspace, report }) {
    const item = checklistItems(document).find((candidate) => candidate.topic === 'dependencies' && candidate.checked);
    if (!item) return;
    const files = options.requirementsFiles.map((path) => ({ path, text: workspace.read(path) }));
    if (files.length < 2 || files.some((file) => file.text === undefined)) return;
    const declared = files.map((file) => ({ path: file.path, requirements: byKey(parseRequirements(file.text!)) }));
    const allKeys = new Map<string, { requirement: Requirement; path: string }>();
    for (const file of declared) {
      for (const [key, requirement] of file.requirements) if (!allKeys.has(key)) allKeys.set(key, { requirement, path: file.path });
    }
    const gaps = declared
      .map((file) => ({ path: file.path, missing: [...allKeys.entries()].filter(([key]) => !file.requirements.has(key)) }))
      .filter((gap) => gap.missing.length);
    if (!gaps.length) return;
    const list = (names: string[]) =>
      names.slice(0, MAX_NAMED).join(', ') + (names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : '');
    const parts = gaps.map((gap) => `${list(gap.missing.map(([, where]) => where.requirement.name))} missing from ${gap.path}`);
    const related = gaps
      .flatMap((gap) =>
        gap.missing.map(([, where]) => ({
          location: {
            uri: workspace.uriOf(where.path),
            range: {
              start: { line: where.requirement.line, character: where.requirement.start },
              end: { line: where.requirement.line, character: where.requirement.end },
            },
          },
          message: `${where.requirement.name} is declared in ${where.path} but not in ${gap.path}`,
        })),
      )
      .slice(0, MAX_RELATED);
    report({
      range: item.box.range,
      message: `The dependency box is ticked, but the requirements files disagree: ${parts.join('; ')}. Declare each package in every file, or untick the box.`,
      related,
      fixes: [setBoxFix(item, false, false)],
    });
  },
});

/** First declaration of each package, by normalised name. */
function byKey(requirements: Requirement[]): Map<string, Requirement> {
  const map = new Map<string, Requirement>();
  for (const requirement of requirements) if (!map.has(requirement.key)) map.set(requirement.key, requirement);
  return map;
}
