import { docsUrl, RULES } from '../../../server/src/service';
import { cliBundledDocs } from '../ruleDocs';
import { UsageError, type CliIo } from '../io';

/** `mlops-readiness rules`: every rule with code, name, default severity and docs link. */
export function runRules(args: string[], io: CliIo): number {
  const unknown = args.find((arg) => arg !== '--json');
  if (unknown !== undefined) throw new UsageError(`rules takes only --json, not "${unknown}" (see mlops-readiness --help)`);
  if (args.includes('--json')) {
    const rules = RULES.map((rule) => ({
      code: rule.code,
      name: rule.name,
      severity: rule.severity,
      requirements: rule.requirements,
      summary: rule.summary,
      docs: docsUrl(rule, undefined, cliBundledDocs),
    }));
    io.stdout(JSON.stringify(rules, null, 2) + '\n');
    return 0;
  }
  const width = Math.max(...RULES.map((rule) => rule.name.length));
  for (const rule of RULES) {
    io.stdout(`${rule.code}  ${rule.name.padEnd(width)}  ${rule.severity.padEnd(11)}  ${docsUrl(rule, undefined, cliBundledDocs) ?? ''}\n`);
  }
  return 0;
}
