import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileSystemWorkspace } from '../server/src/node/fsWorkspace';
import { at, checkDocument, readTemplate, ROOT, TODAY, withCode, type TextDiagnostic } from './helpers';

// The examples folder is a workspace of its own (it holds a config file), as the CLI sees it.
const EXAMPLES = join(ROOT, 'examples');
const workspace = fileSystemWorkspace(EXAMPLES);

function checkExample(name: string, transform: (text: string) => string = (t) => t): TextDiagnostic[] {
  const path = `documentation/readiness/${name}`;
  const text = transform(readFileSync(join(EXAMPLES, path), 'utf8'));
  return checkDocument({ text, documentPath: path, workspace, today: TODAY }).diagnostics as TextDiagnostic[];
}

const codes = (diagnostics: TextDiagnostic[]) => [...new Set(diagnostics.map((d) => String(d.code)))].sort();

describe('the bundled examples', () => {
  it('the valid example gives no diagnostic of any severity, with LF, CRLF and a BOM', () => {
    const variants: Array<[string, (text: string) => string]> = [
      ['LF', (t) => t],
      ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
      ['BOM', (t) => '\uFEFF' + t],
      ['BOM + CRLF', (t) => '\uFEFF' + t.replace(/\n/g, '\r\n')],
    ];
    for (const [name, transform] of variants) {
      assert.deepEqual(checkExample('CVN-N011-EA-S11.md', transform).map((d) => `${d.code} ${at(d.range)} ${d.message}`), [], name);
    }
  });

  it('each defective example gives the defects examples/README.md lists', () => {
    assert.deepEqual(codes(checkExample('CVN-N012-FX-S03.md')), ['RDY001', 'RDY118', 'RDY201', 'RDY207', 'RDY701']);
    assert.deepEqual(codes(checkExample('CVN-N014-LB-S02.md')), ['RDY402', 'RDY404', 'RDY406', 'RDY601', 'RDY701']);
    assert.deepEqual(codes(checkExample('CVN-N015-CAL-S01.md')), [
      'RDY002', 'RDY104', 'RDY105', 'RDY303', 'RDY501', 'RDY502', 'RDY503', 'RDY504', 'RDY701',
    ]);
  });

  it('the same positions come out with CRLF line ends', () => {
    const lf = checkExample('CVN-N014-LB-S02.md').map((d) => `${d.code} ${at(d.range)}`);
    const crlf = checkExample('CVN-N014-LB-S02.md', (t) => t.replace(/\n/g, '\r\n')).map((d) => `${d.code} ${at(d.range)}`);
    assert.deepEqual(crlf, lf);
  });
});

describe('the raw template', () => {
  const template = readTemplate();
  const diagnostics = checkDocument({ text: template, documentPath: 'documentation/readiness/x.md', workspace, today: TODAY })
    .diagnostics as TextDiagnostic[];

  it('gives one RDY001 per placeholder and, besides, only the errors of content the template leaves to write', () => {
    assert.equal(withCode(diagnostics, 'RDY001').length, 27);
    const errors = diagnostics.filter((d) => d.severity === 1 && d.code !== 'RDY001');
    // §1 has no metric of any class, the canary crypto is not named, no config value flips the change off.
    assert.deepEqual(codes(errors), ['RDY116', 'RDY404', 'RDY503']);
    // Guidance kept verbatim (the SKIP sentence, the shadow SKIP example) never becomes a finding.
    assert.deepEqual(withCode(diagnostics, 'RDY005'), []);
    assert.deepEqual(withCode(diagnostics, 'RDY006'), []);
  });
});
