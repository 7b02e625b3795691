// The invariants of the code's shape, held by a test rather than by review: the engine
// (server/src/service/) imports no Node built-in, no VS Code, no LSP connection and no shell;
// the shells (the language server, the CLI, the client) import the engine only through its
// public entry, server/src/service/index.ts.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { RULE_LEVELS } from '../server/src/service';
import { ROOT } from './helpers';

const ENGINE = join(ROOT, 'server/src/service');
const ENGINE_ENTRY = join(ENGINE, 'index.ts');
const SHELLS = ['server/src/lsp', 'server/src/node', 'server/src/browser', 'server/src/server.ts', 'cli/src', 'client/src'].map((p) => join(ROOT, p));

/**
 * What the engine may import from the LSP libraries: the plain types and the text document
 * (positions, ranges, edits, hovers and applying edits) — no connection, no transport.
 */
const ENGINE_PACKAGES_ALLOWED = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument']);
const NODE_BUILTINS = new Set(builtinModules);
/** Files the build embeds as text (esbuild's text loader), not modules. */
const EMBEDDED_TEXT = /\.(md|txt)$/;

function typeScriptFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => typeScriptFiles(join(path, name)));
}

/** Every module a file names: imports, type imports, re-exports, `require` and dynamic `import()`. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** The file a relative specifier names (`../service` is its index.ts); undefined for a package. */
function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return `${base}.ts`;
}

const inside = (folder: string, file: string) => {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
};
const shown = (file: string) => relative(ROOT, file).split(sep).join('/');

/** Why an engine file may not import `specifier`, or undefined when it may. */
function engineImportProblem(file: string, specifier: string): string | undefined {
  const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(packageName)) return `the Node built-in "${specifier}"`;
  if (packageName === 'vscode') return 'VS Code\'s API ("vscode")';
  if (packageName.startsWith('vscode-') && !ENGINE_PACKAGES_ALLOWED.has(packageName)) return `"${specifier}" (an LSP connection, transport or client)`;
  const target = resolveRelative(file, specifier);
  // Text embedded at build time (the template, docs/template.md) may come from anywhere; code may not.
  if (target && !inside(ENGINE, target) && !EMBEDDED_TEXT.test(target)) return `${shown(target)}, code outside the engine`;
  return undefined;
}

/** Why a shell file may not import `specifier`, or undefined when it may. */
function shellImportProblem(file: string, specifier: string): string | undefined {
  const target = resolveRelative(file, specifier);
  if (target && inside(ENGINE, target) && target !== ENGINE_ENTRY) return `${shown(target)}: the engine is imported through server/src/service/index.ts only`;
  return undefined;
}

function problems(files: string[], judge: (file: string, specifier: string) => string | undefined): string[] {
  return files.flatMap((file) =>
    importsOf(readFileSync(file, 'utf8')).flatMap((specifier) => {
      const problem = judge(file, specifier);
      return problem ? [`${shown(file)} imports ${problem}`] : [];
    }),
  );
}

/** The engine's relative imports, type imports too, as a graph from file to the files it imports. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      importsOf(readFileSync(file, 'utf8'))
        .map((specifier) => resolveRelative(file, specifier))
        .filter((target): target is string => target !== undefined && known.has(target)),
    ]),
  );
}

/** The import cycles of a graph, each once, as the files around it (`a.ts → b.ts → a.ts`). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const cycle = stack.slice(stack.indexOf(target));
        // One spelling per cycle: starting from its first file in sort order.
        const first = cycle.indexOf([...cycle].sort()[0]);
        const turned = [...cycle.slice(first), ...cycle.slice(0, first)];
        cycles.add([...turned, turned[0]].map(shown).join(' → '));
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return [...cycles].sort();
}

describe('architecture', () => {
  const engineFiles = typeScriptFiles(ENGINE);
  const shellFiles = SHELLS.flatMap(typeScriptFiles);

  it('finds the files it holds to account', () => {
    assert.ok(engineFiles.length > 50, `engine files: ${engineFiles.length}`);
    assert.ok(engineFiles.includes(ENGINE_ENTRY));
    for (const shell of ['server/src/lsp/startServer.ts', 'cli/src/commands/check.ts', 'client/src/activation.ts']) {
      assert.ok(shellFiles.includes(join(ROOT, shell)), shell);
    }
  });

  it('the engine imports no Node built-in, no vscode, no LSP connection and no shell', () => {
    assert.deepEqual(problems(engineFiles, engineImportProblem), []);
  });

  it('the engine has no import cycle (type imports included): each module can be read, and loaded, on its own', () => {
    assert.deepEqual(importCycles(importGraph(engineFiles)), []);
  });

  it('would catch an import cycle, direct or through other modules', () => {
    const [a, b, c] = ['a.ts', 'b.ts', 'c.ts'].map((name) => join(ENGINE, name));
    assert.deepEqual(importCycles(new Map([[a, [b]], [b, [c]], [c, []]])), []);
    assert.deepEqual(importCycles(new Map([[a, [b]], [b, [a]], [c, [a]]])), ['server/src/service/a.ts → server/src/service/b.ts → server/src/service/a.ts']);
    assert.deepEqual(importCycles(new Map([[b, [c]], [c, [a]], [a, [b]]])), ['server/src/service/a.ts → server/src/service/b.ts → server/src/service/c.ts → server/src/service/a.ts']);
  });

  it('the shells import the engine through its public entry only', () => {
    assert.deepEqual(problems(shellFiles, shellImportProblem), []);
  });

  it('would catch each kind of forbidden import', () => {
    const engineFile = join(ENGINE, 'analysis.ts');
    const shellFile = join(ROOT, 'server/src/lsp/features.ts');
    const imports = (text: string) => importsOf(text);
    assert.deepEqual(
      imports("import { readFileSync } from 'node:fs';\nimport type { Connection } from 'vscode-languageserver';\nexport * from './x';\nconst p = require('path');\nconst v = import('vscode');"),
      ['node:fs', 'vscode-languageserver', './x', 'path', 'vscode'],
    );
    assert.match(engineImportProblem(engineFile, 'node:fs')!, /Node built-in/);
    assert.match(engineImportProblem(engineFile, 'fs')!, /Node built-in/);
    assert.match(engineImportProblem(engineFile, 'path')!, /Node built-in/);
    assert.match(engineImportProblem(engineFile, 'vscode')!, /VS Code/);
    assert.match(engineImportProblem(engineFile, 'vscode-languageserver/node')!, /LSP connection/);
    assert.match(engineImportProblem(engineFile, 'vscode-languageserver-protocol')!, /LSP connection/);
    assert.match(engineImportProblem(engineFile, '../lsp/checker')!, /code outside the engine/);
    assert.match(engineImportProblem(engineFile, '../../../cli/src/report')!, /code outside the engine/);
    assert.equal(engineImportProblem(engineFile, '../../../docs/template.md'), undefined);
    assert.equal(engineImportProblem(engineFile, 'vscode-languageserver-types'), undefined);
    assert.equal(engineImportProblem(engineFile, './rules/types'), undefined);
    assert.match(shellImportProblem(shellFile, '../service/analysis')!, /index\.ts only/);
    assert.equal(shellImportProblem(shellFile, '../service'), undefined);
    assert.equal(shellImportProblem(shellFile, '../service/index'), undefined);
  });

  it("the editor's settings schema offers the rule levels the engine accepts, as the config file's schema does", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const rules = manifest.contributes.configuration.properties['mlopsReadiness.rules'].additionalProperties.anyOf;
    assert.deepEqual(rules[0].enum, [...RULE_LEVELS]);
    assert.deepEqual(rules[1].properties.severity.enum, [...RULE_LEVELS]);
  });
});
