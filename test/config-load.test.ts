// .mlops-readiness.json validation: one clear message per bad key, placed on that key (an unknown
// key) or on its value, and the valid entries kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig, RULES } from '../server/src/service';

const FILE = '.mlops-readiness.json';

/** `key @line:character-line:character message` for each problem, in file order. */
function problems(text: string): string[] {
  return loadConfig(text, FILE, RULES).problems.map(
    (p) => `${p.key} @${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character} ${p.message.replace(`${FILE}: `, '')}`,
  );
}

/** The text between a problem's range, on a one-line config. */
function marked(text: string): string[] {
  return loadConfig(text, FILE, RULES).problems.map((p) => text.slice(p.range.start.character, p.range.end.character));
}

describe('config file validation', () => {
  it('a valid file has no problems and is kept whole', () => {
    const text = '{"rules": {"RDY001": "warning", "no-placeholders": {"severity": "error"}, "RDY404": {"symbols": ["BTCUSDC"]}}, "files": ["**/*.md"], "maxFileSize": 100000}';
    const loaded = loadConfig(text, FILE, RULES);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config, JSON.parse(text));
  });

  it('an unknown rule or setting is marked on its key', () => {
    const text = '{\n  // comments are fine\n  "rules": { "RDY999": "error" },\n  "extra": 1\n}\n';
    assert.deepEqual(problems(text), [
      'rules.RDY999 @2:13-2:21 "rules.RDY999": unknown rule "RDY999"; run `mlops-readiness rules` for the list',
      'extra @3:2-3:9 "extra": unknown setting "extra"',
    ]);
  });

  it('a bad severity names the accepted values, code or name alike', () => {
    assert.deepEqual(problems('{"rules": {"RDY001": "loud", "no-placeholders": 3}}'), [
      `rules.RDY001 @0:21-0:27 "rules.RDY001" must be one of off, information, warning, error, hint, or an object with "severity" and the rule's options`,
      `rules.no-placeholders @0:48-0:49 "rules.no-placeholders" must be one of off, information, warning, error, hint, or an object with "severity" and the rule's options`,
    ]);
  });

  it("a rule entry written as an object is judged as its options: only the bad option is reported", () => {
    assert.deepEqual(problems('{"rules": {"RDY201": {"severity": "loud", "bogus": 1}}}'), [
      'rules.RDY201.severity @0:34-0:40 "rules.RDY201.severity" must be one of off, information, warning, error, hint',
      'rules.RDY201.bogus @0:42-0:49 "rules.RDY201.bogus": unknown setting "bogus"',
    ]);
    assert.deepEqual(problems('{"rules": {"RDY101": {"storyIdPattern": ""}, "RDY502": {"maxPrimaryMinutes": 0}, "RDY402": {"minShadowDays": 1.5}}}'), [
      'rules.RDY101.storyIdPattern @0:40-0:42 "rules.RDY101.storyIdPattern" must not be empty',
      'rules.RDY502.maxPrimaryMinutes @0:77-0:78 "rules.RDY502.maxPrimaryMinutes" must be greater than 0',
      'rules.RDY402.minShadowDays @0:109-0:112 "rules.RDY402.minShadowDays" must be a whole number',
    ]);
    assert.deepEqual(problems('{"rules": {"RDY703": {"requirementsFiles": ["a"]}, "RDY114": {"checkOrder": "yes"}}}'), [
      'rules.RDY703.requirementsFiles @0:43-0:48 "rules.RDY703.requirementsFiles" must have at least 2 items',
      'rules.RDY114.checkOrder @0:76-0:81 "rules.RDY114.checkOrder" must be true or false',
    ]);
  });

  it('a bad array item is marked on the item itself', () => {
    const text = '{"files": ["a", "", 3], "rules": {"RDY112": {"sources": {"a": ["b", 3]}}}}';
    assert.deepEqual(marked(text), ['""', '3', '3']);
    assert.deepEqual(problems(text).map((p) => p.replace(/ @\S+/, '')), [
      'files.1 "files.1" must not be empty',
      'files.2 "files.2" must be a string',
      'rules.RDY112.sources.a.1 "rules.RDY112.sources.a.1" must be a string',
    ]);
  });

  it('top-level settings: kinds and limits', () => {
    assert.deepEqual(problems('{"files": "x", "maxFileSize": 0, "adrFolder": "", "rules": []}'), [
      'files @0:10-0:13 "files" must be an array',
      'maxFileSize @0:30-0:31 "maxFileSize" must be at least 1',
      'adrFolder @0:46-0:48 "adrFolder" must not be empty',
      'rules @0:59-0:61 "rules" must be an object',
    ]);
    assert.deepEqual(problems('[]'), [' @0:0-0:2 the file must be an object']);
  });

  it('keys with "/", "~", "%", "#" or spaces are named as written', () => {
    assert.deepEqual(marked('{"rules": {"a/b~c %20 #x": "off"}}'), ['"a/b~c %20 #x"']);
    assert.deepEqual(problems('{"rules": {"a/b~c %20 #x": "off"}}').map((p) => p.split(' @')[0]), ['rules.a/b~c %20 #x']);
  });

  it('only the entries with problems are dropped', () => {
    const loaded = loadConfig('{"rules": {"RDY001": "off", "RDY002": "loud", "RDY201": {"bogus": 1}}, "files": ["x"], "maxFileSize": -1}', FILE, RULES);
    assert.deepEqual(loaded.config, { rules: { RDY001: 'off' }, files: ['x'] });
  });

  it('broken JSON is one problem at the first syntax error', () => {
    assert.deepEqual(problems('{\n  "rules": {\n}'), [' @2:1-2:1 not valid JSON at line 3, column 2: a closing "}" is missing']);
  });

  it('a pattern option RE2 cannot run, or that is not a regular expression, is a problem on its value; its rule entry is dropped', () => {
    const text = '{"rules": {"RDY101": {"storyIdPattern": "(?=a)a"}, "RDY102": {"issuePattern": "("}, "RDY105": {"sessionIdPattern": "(a+)+$"}}}';
    const loaded = loadConfig(text, FILE, RULES);
    assert.deepEqual(
      loaded.problems.map((p) => p.key),
      ['rules.RDY101.storyIdPattern', 'rules.RDY102.issuePattern'],
    );
    assert.deepEqual(marked(text), ['"(?=a)a"', '"("']);
    assert.match(loaded.problems[0]!.message, /"rules\.RDY101\.storyIdPattern" is a pattern the checker cannot run in linear time: lookaheads, backreferences/);
    assert.match(loaded.problems[1]!.message, /"rules\.RDY102\.issuePattern" is not a valid regular expression/);
    // (a+)+$ backtracks in JavaScript but runs in linear time on RE2: kept.
    assert.deepEqual(loaded.config.rules, { RDY105: { sessionIdPattern: '(a+)+$' } });
  });

  it('a glob RE2 cannot match (a negated extglob) is a problem on its item', () => {
    const text = '{"files": ["**/*readiness*.md", "!(draft).md", "*(a*)*b.md"]}';
    assert.deepEqual(marked(text), ['"!(draft).md"']);
    assert.match(loadConfig(text, FILE, RULES).problems[0]!.message, /"files\.1" is not a glob the checker can match in linear time/);
  });
});
