import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findSection, sectionTable } from '../server/src/service/facts/document';
import { parseReadiness } from '../server/src/service';
import { at, readTemplate, textAt } from './helpers';

const TEMPLATE = readTemplate();

describe('document model', () => {
  it('recognises the six sections and the checklist of the template', () => {
    const doc = parseReadiness(TEMPLATE);
    assert.deepEqual(
      doc.sections.map((s) => s.id),
      ['monitoring', 'alerting', 'drift', 'rollout', 'rollback', 'owner', 'checklist'],
    );
    assert.deepEqual(doc.headerFields.map((f) => f.key), ['story', 'owner', 'filled on', 'reviewed by committee']);
  });

  it('matches headings tolerantly by number and title', () => {
    const doc = parseReadiness(
      '# MLOps readiness — CVN-N1-S1 t\n\n## 2 Alerting and runbooks\n\n### §3 Drift\n\n## 4)\n\n### Notes\n\n## Sign off\n',
    );
    assert.deepEqual(
      doc.sections.map((s) => [s.id, s.number]),
      [
        ['alerting', 2],
        ['drift', 3],
        ['rollout', 4],
        ['checklist', undefined],
      ],
    );
  });

  it('gives table cells exact UTF-16 ranges, with emoji, tabs, code spans and escaped pipes', () => {
    const text = '# MLOps readiness — CVN-N1-S1 t\n\n## 1. Production monitoring (MUST)\n\n| Metric | Type |\n|---|---|\n|\t`a\\|b` 🚀 | `gauge` |\n';
    const table = sectionTable(findSection(parseReadiness(text), 'monitoring'))!;
    const [metric, type] = table.rows[0].cells;
    assert.equal(textAt(text, metric.range), '`a\\|b` 🚀');
    assert.equal(at(metric.range), '6:2-6:11');
    assert.equal(metric.value, 'a|b 🚀');
    assert.equal(textAt(text, type.range), '`gauge`');
    assert.equal(type.value, 'gauge');
  });

  it('keeps the same positions with CRLF line ends and a BOM', () => {
    const lf = TEMPLATE;
    const crlf = '\uFEFF' + TEMPLATE.replace(/\n/g, '\r\n');
    const a = parseReadiness(lf).placeholders.map((p) => at(p.range));
    const b = parseReadiness(crlf).placeholders.map((p) => at(p.range));
    assert.deepEqual(b, a);
    assert.ok(a.length > 20);
  });

  it('treats the template guidance as instructions, not content (F7)', () => {
    const doc = parseReadiness(TEMPLATE);
    const skipLine = TEMPLATE.split('\n').findIndex((l) => l.startsWith('If you skip this section'));
    assert.ok(doc.guidanceLines.has(skipLine));
    assert.equal(findSection(doc, 'alerting')!.skips.length, 0, 'the template\'s own SKIP example is not a skip');
    assert.ok(!doc.placeholders.some((p) => p.text === '<why>'));
    assert.ok(!doc.placeholders.some((p) => p.text === '<reason>'));
  });

  it('recognises guidance regardless of bold, code and white space, but not when the author changed its words', () => {
    const base = '# MLOps readiness — CVN-N1-S1 t\n\n## 2. Alerting & runbooks (MUST)\n\n';
    const kept = parseReadiness(base + 'If you skip   this section, write **SKIP — JUSTIFICATION**: <why> and accept committee may reject.\n');
    assert.equal(kept.placeholders.length, 0);
    const changed = parseReadiness(base + 'If you skip this section, write **SKIP — JUSTIFICATION**: <why> and hope.\n');
    assert.deepEqual(changed.placeholders.map((p) => p.text), ['<why>']);
  });

  it('never throws on odd input', () => {
    for (const input of ['', '\uFEFF', '|', '| a |\n|---|\n| b', '#', '## 1.\n|', '\u0000\u0001', '<'.repeat(1000), '\r\r\n\n']) {
      assert.doesNotThrow(() => parseReadiness(input));
    }
  });
});

describe('YAML front matter', () => {
  it('is metadata: its keys are no header fields, its closing line makes no heading', () => {
    const text = '---\ntitle: MLOps readiness\nowner: "@someone-else"\n\ntags: [mlops]\n---\n\n# MLOps readiness — CVN-N011-EA-S11 x\n\n**Owner**: @ana-m\n';
    const document = parseReadiness(text);
    assert.equal(document.title?.line, 7);
    assert.deepEqual(document.headerFields.map((field) => `${field.key}=${field.value.text}`), ['owner=@ana-m']);
    assert.deepEqual(document.sections, []);
  });

  it('needs a key on its first line: a leading rule over Markdown is content', () => {
    const document = parseReadiness('---\n# MLOps readiness — CVN-N011-EA-S11 x\n---\n\n**Owner**: @ana-m\n');
    assert.equal(document.title?.line, 1);
    assert.equal(document.headerFields.length, 1);
  });
});
