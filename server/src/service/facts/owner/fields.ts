// §6's facts: the section, its four fields (DRI, Backup DRI, Decision authority, Sunset date), the template's
// wording of each and the fix inserting a missing one. Read by RDY601–RDY608.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Field, FieldKey, ReadinessDocument, Section } from '../../model';
import { parseReadiness } from '../../parser/parse';
import { findSection, hasPlaceholder } from '../document';
import { TEMPLATE_TEXT } from '../../template/templateText';
import { LineIndex } from '../../text/lineIndex';
import { insertAfterIntro, insertLinesBefore } from '../../util/edits';
import type { Finding, Fix } from '../../rules/types';
import { toSnippet } from '../../util/snippets';

/** §6's fields in the template's order. */
export const OWNER_FIELDS = ['dri', 'backup dri', 'decision authority', 'sunset date'] as const;
export type OwnerFieldKey = (typeof OWNER_FIELDS)[number];

const FIELD_LABELS: Record<OwnerFieldKey, string> = {
  dri: 'DRI',
  'backup dri': 'Backup DRI',
  'decision authority': 'Decision authority',
  'sunset date': 'Sunset date',
};

export function ownerSection(document: ReadinessDocument): Section | undefined {
  return findSection(document, 'owner');
}

export function ownerField(section: Section, key: FieldKey): Field | undefined {
  return section.fields.find((field) => field.key === key);
}

let templateFields: Map<FieldKey, { line: string; value: string }> | undefined;

/** The template's own §6 field line and value (`- **DRI**: \`<handle>\` (single human, not a team)`). */
export function templateField(key: OwnerFieldKey): { line: string; value: string } {
  if (!templateFields) {
    templateFields = new Map();
    const lines = new LineIndex(TEMPLATE_TEXT);
    for (const field of findSection(parseReadiness(TEMPLATE_TEXT), 'owner')?.fields ?? []) {
      templateFields.set(field.key, { line: lines.lineText(field.line), value: field.value.text });
    }
  }
  return templateFields.get(key) ?? { line: `- **${FIELD_LABELS[key]}**: <value>`, value: '<value>' };
}

/**
 * A fix inserting a missing field, in the template's order among the fields present. `line` is the
 * whole list item to insert (by default the template's, whose `<handle>` the author then fills).
 */
export function insertFieldFix(document: ReadinessDocument, section: Section, key: OwnerFieldKey, line = templateField(key).line): Fix {
  const edit = insertFieldLine(document, section, key, line);
  return {
    title: `Insert the ${FIELD_LABELS[key]} field`,
    isPreferred: true,
    edits: [edit],
    snippetEdits: [{ range: edit.range, newText: toSnippet(edit.newText) }],
  };
}

function insertFieldLine(document: ReadinessDocument, section: Section, key: OwnerFieldKey, line: string): TextEdit {
  const order = OWNER_FIELDS.indexOf(key);
  const present = section.fields.filter((field) => (OWNER_FIELDS as readonly string[]).includes(field.key));
  const next = present.find((field) => OWNER_FIELDS.indexOf(field.key as OwnerFieldKey) > order);
  if (next) return insertLinesBefore(document, next.line, [line]);
  const previous = present[present.length - 1];
  if (previous) return insertLinesBefore(document, endOfListItem(document, section, previous.line), [line]);
  // No field yet: after the heading and the intro paragraph, as its own list.
  return insertAfterIntro(document, section, [line]);
}

/** The line after a list item and its wrapped continuation lines. */
function endOfListItem(document: ReadinessDocument, section: Section, line: number): number {
  let at = line + 1;
  while (at < section.endLine) {
    const text = document.lines.lineText(at);
    if (text.trim() === '' || /^\s*(?:[-*+]|\d+[.)])\s/.test(text) || /^\s*#/.test(text)) break;
    at++;
  }
  return at;
}

/**
 * The §6 field a rule judges, or undefined when there is nothing to judge: a missing field is
 * reported on the section heading with the fix that inserts it; a value still holding a
 * placeholder is RDY001's alone.
 */
export function fieldToCheck(
  document: ReadinessDocument,
  section: Section,
  key: FieldKey,
  report: (finding: Finding) => void,
  missing: { message: string; fix: () => Fix },
): Field | undefined {
  const field = ownerField(section, key);
  if (!field) {
    report({ range: section.heading.range, message: missing.message, fixes: [missing.fix()] });
    return undefined;
  }
  return hasPlaceholder(document, field.value) ? undefined : field;
}
