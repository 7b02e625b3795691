// §5's facts: its table and each mechanism's kind (config-only, code deploy) by the configured keywords.
// Read by RDY501, RDY502 and the diff.
import type { ReadinessDocument, Section, Table, TableRow } from '../../model';
import { findSection, hasPlaceholder, sectionTable } from '../document';
import { findKeyword } from '../../util/keywords';
import { fact } from '../fact';

/** §5 and its table. Undefined when either is missing: RDY002 / RDY004 / RDY005 already say so. */
export const rollbackTable = fact((document): { section: Section; table: Table } | undefined => {
  const section = findSection(document, 'rollback');
  const table = sectionTable(section);
  return section && table ? { section, table } : undefined;
});

export type MechanismKind = 'config-only' | 'code-deploy' | 'unknown';

export interface MechanismKeywords {
  configOnlyKeywords: string[];
  codeDeployKeywords: string[];
}

export const DEFAULT_MECHANISM_KEYWORDS: MechanismKeywords = {
  configOnlyKeywords: [
    'ftf',
    'flag*',
    'toggle*',
    'kill switch',
    'alias*',
    'pin*',
    'config*',
    'env var',
    'environment variable',
  ],
  codeDeployKeywords: [
    'deploy*',
    'redeploy*',
    'hotfix*',
    'hot fix*',
    'revert pr',
    'pr revert',
    'revert the pr',
    'revert commit',
    'revert the commit',
    'git revert',
    'code revert',
    'code change',
    'rebuild*',
  ],
};

export interface Mechanism {
  row: TableRow;
  /** The Mechanism cell's value (or the Description's when that is empty), for messages. */
  name: string;
  kind: MechanismKind;
}

/**
 * What a row's revert needs. The Mechanism cell decides; the Description only when the Mechanism
 * names neither kind. A deploy word wins over a config word in the same cell: "config change via
 * hotfix" still ships code.
 */
function classifyMechanism(document: ReadinessDocument, table: Table, row: TableRow, keywords: MechanismKeywords): Mechanism {
  const mechanism = table.cell(row, 'Mechanism');
  const description = table.cell(row, 'Description');
  const name = mechanism?.value || description?.value || '';
  for (const cell of [mechanism, description]) {
    if (!cell || !cell.value || hasPlaceholder(document, cell)) continue;
    if (findKeyword(cell.value, keywords.codeDeployKeywords)) return { row, name, kind: 'code-deploy' };
    if (findKeyword(cell.value, keywords.configOnlyKeywords)) return { row, name, kind: 'config-only' };
  }
  return { row, name, kind: 'unknown' };
}

export function mechanismsOf(document: ReadinessDocument, table: Table, keywords: MechanismKeywords): Mechanism[] {
  return table.rows.map((row) => classifyMechanism(document, table, row, keywords));
}
