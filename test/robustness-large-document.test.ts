// A document of several MB is kept in pieces by the language server (server/src/lsp/largeDocument.ts):
// it must follow every edit: the text the edits make, with the lines and positions a stock TextDocument gives it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LARGE_DOCUMENT, LargeTextDocument, textDocuments } from '../server/src/lsp/largeDocument';

describe('a large document kept in pieces', () => {
  it('follows any edits: the same text, lines and positions as a stock document of that text', () => {
    const base = Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}${i % 7 === 0 ? '\r\n' : i % 11 === 0 ? '\r' : '\n'}`).join('');
    const position = fc.record({ line: fc.integer({ min: -1, max: 3005 }), character: fc.integer({ min: 0, max: 80 }) });
    const edit = fc.record({ start: position, end: position, text: fc.constantFrom('', 'a', '\n', '\r', '\r\n', 'x\ny', '\n\n\n', 'long text without breaks') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        // The reference: each edit applied to the plain text at the offsets a freshly built stock
        // document gives (the stock document's own line table can drift on an edit past its last line).
        let text = base;
        const large = new LargeTextDocument('file:///a.md', 'markdown', 1, base);
        edits.forEach((e, i) => {
          const change = [{ range: { start: e.start, end: e.end }, text: e.text }];
          const fresh = TextDocument.create('file:///a.md', 'markdown', 1, text);
          const [from, to] = [fresh.offsetAt(e.start), fresh.offsetAt(e.end)].sort((a, b) => a - b);
          text = text.slice(0, from) + e.text + text.slice(to);
          large.update(change, i + 2);
        });
        assert.equal(large.getText(), text);
        const truth = TextDocument.create('file:///a.md', 'markdown', 1, text);
        assert.equal(large.lineCount, truth.lineCount);
        for (const line of [0, 1, 500, 2999, truth.lineCount - 1]) {
          const at = { line, character: 3 };
          assert.equal(large.offsetAt(at), truth.offsetAt(at));
          assert.deepEqual(large.positionAt(truth.offsetAt(at)), truth.positionAt(truth.offsetAt(at)));
          assert.deepEqual(large.getLineRange(line), truth.getLineRange(line));
          assert.equal(large.getEOLCharacters(line), truth.getEOLCharacters(line));
        }
        const range = { start: { line: 10, character: 2 }, end: { line: 20, character: 4 } };
        assert.equal(large.getText(range), truth.getText(range));
      }),
      { numRuns: 300 },
    );
  });

  it('a small document that grows large (a paste) is kept in pieces from then on; a large one from the start', () => {
    const small = textDocuments.create('file:///a.md', 'markdown', 1, '# Title\n');
    assert.ok(!(small instanceof LargeTextDocument));
    const pasted = 'x'.repeat(LARGE_DOCUMENT) + '\n';
    const grown = textDocuments.update(small, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: pasted }], 2);
    assert.ok(grown instanceof LargeTextDocument);
    assert.equal(grown.getText(), '# Title\n' + pasted);
    assert.equal(grown.version, 2);
    assert.ok(textDocuments.create('file:///b.md', 'markdown', 1, pasted) instanceof LargeTextDocument);
  });
});
