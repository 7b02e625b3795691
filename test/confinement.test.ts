import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileSystemWorkspace } from '../server/src/node/fsWorkspace';
import { confinePath } from '../server/src/service';

function tree() {
  const outside = mkdtempSync(join(tmpdir(), 'readiness-outside-'));
  writeFileSync(join(outside, 'secret.md'), 'secret');
  const root = mkdtempSync(join(tmpdir(), 'readiness-root-'));
  mkdirSync(join(root, 'documentation/runbooks'), { recursive: true });
  writeFileSync(join(root, 'documentation/runbooks/ok.md'), '# ok');
  symlinkSync(join(outside, 'secret.md'), join(root, 'documentation/runbooks/leak.md'));
  symlinkSync(outside, join(root, 'documentation/elsewhere'));
  symlinkSync(join(root, 'documentation/runbooks/ok.md'), join(root, 'documentation/runbooks/alias.md'));
  return { root, outside };
}

describe('reads stay inside the workspace root', () => {
  it('normalises relative paths and refuses those that leave the root', () => {
    assert.equal(confinePath('documentation/./runbooks/../runbooks/x.md'), 'documentation/runbooks/x.md');
    assert.equal(confinePath('documentation\\runbooks\\x.md'), 'documentation/runbooks/x.md');
    for (const escape of ['../../etc/passwd', '/etc/passwd', 'C:/Windows/win.ini', 'a/../../b', 'file:///etc/passwd', 'x\0y', '']) {
      assert.equal(confinePath(escape), undefined, escape);
    }
  });

  it('the file-system view reads inside files and follows links that stay inside', () => {
    const { root } = tree();
    const view = fileSystemWorkspace(root);
    assert.equal(view.read('documentation/runbooks/ok.md'), '# ok');
    assert.equal(view.read('documentation/runbooks/alias.md'), '# ok');
    assert.ok(view.exists('documentation/runbooks/ok.md'));
  });

  it('never reads through ../, absolute paths or symlinks that leave the root', () => {
    const { root, outside } = tree();
    const view = fileSystemWorkspace(root);
    for (const path of [
      '../../etc/passwd',
      '/etc/passwd',
      join(outside, 'secret.md'),
      'documentation/runbooks/leak.md',
      'documentation/elsewhere/secret.md',
    ]) {
      assert.equal(view.read(path), undefined, path);
      assert.equal(view.exists(path), false, path);
    }
    assert.deepEqual(view.list!('documentation/elsewhere'), []);
  });
});
