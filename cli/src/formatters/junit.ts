import { INPUT_CODE, RULES, type ReportedFinding } from '../../../server/src/service';
import type { FileReport, Report } from '../report';

// Characters XML 1.0 cannot carry at all, even escaped: replaced so the report stays well formed.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute value or element content. */
export function escapeXml(text: string, attribute = false): string {
  const escaped = text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
  // In an attribute, a raw line break would be normalised to a space by any XML parser.
  return attribute ? escaped.replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped.replace(/\r/g, '&#13;');
}

interface Case {
  name: string;
  /** Errors and warnings: the test case fails. */
  failures: ReportedFinding[];
  /** Information and hints: reported, but the case passes. */
  notes: ReportedFinding[];
}

/**
 * JUnit XML as CI test reporters read it: one `<testsuite>` per checked file, one `<testcase>` per
 * rule (every rule, so a passing rule shows as a passing test). A rule with errors or warnings
 * fails, its `<failure>` listing every finding as `line:col severity message`; information
 * findings go to the case's `<system-out>` and do not fail it. A file that was not checked (over
 * the size limit) passes no rule: each rule's case is `<skipped>` with the reason, and the input
 * case (RDY000) fails unless its severity was configured below warning. A configuration file with
 * problems is a suite of its RDY000 case alone.
 */
export function formatJunit(report: Report): string {
  const suites = report.files.map(suite);
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const skipped = suites.reduce((n, s) => n + s.skipped, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mlops-readiness" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(file: FileReport): { xml: string; tests: number; failures: number; skipped: number } {
  // A configuration file is no readiness file: no rule ran on it, so it passes none; its suite is its problems.
  const ran = file.configuration ? [] : RULES;
  const cases = new Map<string, Case>(ran.map((rule) => [rule.code, { name: `${rule.code} ${rule.name}`, failures: [], notes: [] }]));
  for (const d of file.findings) {
    const code = d.code;
    let entry = cases.get(code);
    if (!entry) cases.set(code, (entry = { name: code === INPUT_CODE ? `${INPUT_CODE} input` : code, failures: [], notes: [] }));
    const severity = d.severity;
    (severity === 'error' || severity === 'warning' ? entry.failures : entry.notes).push(d);
  }
  const failing = [...cases.values()].filter((c) => c.failures.length).length;
  const ruleCodes = new Set(RULES.map((rule) => rule.code));
  const skipped = file.notChecked === undefined ? 0 : ruleCodes.size;
  const name = escapeXml(file.file, true);
  const lines = [`  <testsuite name="${name}" tests="${cases.size}" failures="${failing}" errors="0" skipped="${skipped}">`];
  for (const [code, c] of cases) {
    const open = `    <testcase classname="${name}" name="${escapeXml(c.name, true)}"`;
    if (file.notChecked !== undefined && ruleCodes.has(code)) {
      lines.push(`${open}>`, `      <skipped message="${escapeXml(file.notChecked, true)}"/>`, '    </testcase>');
      continue;
    }
    if (!c.failures.length && !c.notes.length) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    if (c.failures.length) {
      const first = c.failures[0]!;
      const summary = c.failures.length === 1 ? first.message : `${c.failures.length} findings; first: ${first.message}`;
      lines.push(
        `      <failure message="${escapeXml(summary, true)}" type="${first.severity}">${escapeXml(c.failures.map((d) => describe(file, d)).join('\n'))}</failure>`,
      );
    }
    if (c.notes.length) lines.push(`      <system-out>${escapeXml(c.notes.map((d) => describe(file, d)).join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), tests: cases.size, failures: failing, skipped };
}

function describe(file: FileReport, d: ReportedFinding): string {
  return `${file.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message}`;
}
