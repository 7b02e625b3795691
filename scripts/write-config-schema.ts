// Writes schemas/mlops-readiness.schema.json from the rule registry (run: npm run schema).
// A test fails when the committed file and the registry disagree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConfigSchema, RULES } from '../server/src/service';

export const SCHEMA_PATH = join(__dirname, '..', 'schemas', 'mlops-readiness.schema.json');

export function schemaText(): string {
  return JSON.stringify(buildConfigSchema(RULES), null, 2) + '\n';
}

if (require.main === module) {
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
