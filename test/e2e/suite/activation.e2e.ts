// The extension loads in a real VS Code, declares its commands, and its language server starts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension } from './helpers';

describe('activation', () => {
  it('activates and registers its commands', async () => {
    const ext = await extension();
    assert.equal(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('mlopsReadiness.newFile'), 'mlopsReadiness.newFile is registered');
    assert.ok(commands.includes('mlopsReadiness.checkAll'), 'mlopsReadiness.checkAll is registered');
  });
});
