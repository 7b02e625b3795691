// The texts the VS Code extension shows about checks (client/src/summaries.ts), read without VS Code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAllSummary, checkTimeText } from '../client/src/summaries';

describe('extension texts', () => {
  it('"Check all" ends with files, errors and warnings', () => {
    assert.equal(checkAllSummary({ files: 3, errors: 1, warnings: 2 }), 'MLOps Readiness: checked 3 readiness files: 1 error, 2 warnings.');
    assert.equal(checkAllSummary({ files: 1, errors: 0, warnings: 1 }), 'MLOps Readiness: checked 1 readiness file: 0 errors, 1 warning.');
    assert.equal(checkAllSummary({ files: 0, errors: 0, warnings: 0 }), 'MLOps Readiness: no readiness file found in the workspace.');
  });

  it('the status item says how long the last check took', () => {
    assert.equal(checkTimeText({ checkMs: 3.24 }), 'Last check took 3.2 ms');
    assert.equal(checkTimeText({ checkMs: 251.6 }), 'Last check took 252 ms');
    assert.equal(checkTimeText({}), undefined);
  });
});
