import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDurations, scanDurationsBy } from '../server/src/service/util/durations';
import { CASELESS_SYMBOLS, CaseInsensitive, FOLDING_DIFFERS, LOWER_CASING_DIFFERS } from '../server/src/service/util/regex';

// The readers match some patterns on the lower-cased text instead of case-insensitively: the two must
// read the same durations, at the same offsets, on any text (non-ASCII letters above all).
const written = (text: string, matching: 'lower-case' | 'case-insensitive') => JSON.stringify(scanDurationsBy(text, matching));

describe('durations: the lower-cased text reads as the case-insensitive pattern does', () => {
  const texts = [
    '≥ 7 DAYS', 'At Least Two Weeks', 'WITHIN 5 MINUTES', 'Half An Hour', '7–14 Days', 'min. 7D', '10 BUSINESS DAYS',
    'Straße: 7 days', 'STRASSE 5 Tage, 3 ß', 'ß7 days', '7 dayß',
    'İN 5 MİNUTES', 'WİTHİN 5 min', 'İ7 days', '7 daysİ', 'at least İ 7 days', 'İİİ one week İ',
    'ıN 5 mınutes', 'wıthın 5 min', '5 mın',
    'ΣΕΙΡΆΣ 7 days', 'σειράς 7 days ς', 'ΌΡΟΣ: at least 2 weeks', 'ς7 days', '7 daysς',
    '5 ſecs', '5 ſ', 'within 5 minſ', 'min. 7dſ', 'ſeven days',
    '7 dayͅ', 'aͅ day', 'within ͅ5 min', '7ͅ days',
    'K 5 min', '5 Kmin', 'σ 3 hours', 'é7 days', '7 dayé', 'ǅ 5 h', 'ǆ5 h', 'Ⅰ 5 min', '5 ⓜin',
  ];

  it('on letters beyond the BMP, emoji, and the private-use characters the lower-case reading stands letters in with', () => {
    const beyond = ['𝐀7 days', '7 day𝐀', 'a𝐀 week', '𝐀 7 days', '𠀀 5 min', 'within 5 min𠀀', '😀7 days', '7 days😀', 'a😀 week',
      '\uE000 7 days', '7 day\uE000', 'a\uE000 week', '\uE0017 days', 'é\uE000 at least 7 days', 'an\uE000 hour'];
    for (const text of beyond) {
      assert.equal(written(text, 'lower-case'), written(text, 'case-insensitive'), text);
      assert.equal(JSON.stringify(findDurations(text)), written(text, 'case-insensitive'), text);
    }
    assert.deepEqual(findDurations('😀7 days').map((d) => d.text), ['7 days'], 'the check can fail: a duration is read');
  });

  it('on texts with ß, İ, ı, Greek sigma, ſ, U+0345, the Kelvin sign', () => {
    for (const text of texts) assert.equal(JSON.stringify(findDurations(text)), written(text, 'case-insensitive'), text);
  });

  it('with every character of the Basic Multilingual Plane beside a duration', () => {
    const templates = (c: string) => [`${c}7 days`, `7 day${c}`, `in 5 MIN${c}`, `a${c} week`, `at least${c}2 weeks`, `5 ${c}ecs`];
    const differing = new Set<string>();
    for (let code = 0x80; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      for (const text of templates(String.fromCharCode(code))) {
        const caseInsensitive = written(text, 'case-insensitive');
        if (written(text, 'lower-case') !== caseInsensitive) differing.add(String.fromCharCode(code));
        // What the rules read: the same as the case-insensitive pattern, whichever way it was matched.
        assert.equal(JSON.stringify(findDurations(text)), caseInsensitive, text);
      }
    }
    // Only where lower-casing and case folding part (İ, ſ, U+0345); findDurations reads those case-insensitively.
    assert.deepEqual([...differing].sort(), ['\u0130', '\u017f', '\u0345'].filter((c) => differing.has(c)));
    assert.ok(differing.size > 0, 'the comparison tells the two apart');
  });
});

describe('CaseInsensitive: `u` on the lower-cased text matches as `iu` does', () => {
  const everyCharacter = function* () {
    for (let code = 0; code <= 0x10ffff; code++) if (code < 0xd800 || code > 0xdfff) yield String.fromCodePoint(code);
  };

  it('each atom the engine uses, on every code point but those of FOLDING_DIFFERS', () => {
    const atoms = [...'abcdefghijklmnopqrstuvwxyz0123456789_-.:/', ...CASELESS_SYMBOLS].map((c) => (c === '.' ? '\\.' : c)).concat(['\\p{L}', '\\p{N}', '\\d', '\\s', '\\w', '\\b']);
    const pairs = atoms.map((atom) => [new RegExp(`^(?:${atom})`, 'iu'), new RegExp(`^(?:${atom})`, 'u')] as const);
    const differing: string[] = [];
    for (const c of everyCharacter()) {
      const lower = c.toLowerCase();
      if (lower.length !== c.length || pairs.some(([iu, u]) => iu.test(c) !== u.test(lower))) differing.push(c);
    }
    assert.deepEqual(differing, ['\u0130', '\u017f', '\u0345']);
    assert.ok(differing.every((c) => FOLDING_DIFFERS.test(c)));
  });

  it('the warn / crit words and a pattern with groups, beside every character of the BMP', () => {
    const sources = [String.raw`(?<![\p{L}\d_])(?:warn|warning|w(?=\s*[:=<>≥≤]|\s*[-+−]?\d))(?![\p{L}\d_])`, String.raw`(?<word>set|flip)\s+(\w+)\b`];
    for (const source of sources) {
      const folded = new CaseInsensitive(source, 'u');
      const reference = new RegExp(source, 'iu');
      for (let code = 0; code <= 0xffff; code++) {
        const c = String.fromCharCode(code);
        for (const text of [`${c}WARN`, `Warn${c}`, `W${c}≥ 5`, `${c}W: 5`, `warnİng ${c}`, `SET ${c}Flag`, `flip X${c}`]) {
          const [got, expected] = [folded.find(text), reference.exec(text)];
          assert.equal(JSON.stringify(got && [got.index, [...got], got.groups]), JSON.stringify(expected && [expected.index, [...expected], expected.groups]), text);
          assert.equal(folded.test(text), reference.test(text), text);
        }
      }
    }
  });

  it('a source it cannot lower-case (non-ASCII, an upper-case literal) runs as `iu`', () => {
    for (const source of ['µs', 'ΣΑ', 'BTCUSDC']) {
      const folded = new CaseInsensitive(source, 'u');
      for (const text of ['μs', 'Μs', 'µS', 'σα', 'ςα', 'btcusdc', 'BtcUsdc']) assert.equal(folded.test(text), new RegExp(source, 'iu').test(text), `${source} on ${text}`);
    }
  });
});

describe('CaseInsensitive without `u`: plain on the lower-cased text matches as `i` does', () => {
  it('each atom the phrase and keyword patterns use, on every code unit but those of LOWER_CASING_DIFFERS', () => {
    const atoms = [...'abcdefghijklmnopqrstuvwxyz0123456789_-:/%\'', ...CASELESS_SYMBOLS].concat(['\\.', '[A-Za-z0-9]', '[\\s_-]', '\\s', '\\w', '\\b']);
    const pairs = atoms.map((atom) => [new RegExp(`^(?:${atom})`, 'i'), new RegExp(`^(?:${atom})`)] as const);
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      const lower = c.toLowerCase();
      if (lower.length !== c.length || pairs.some(([i, plain]) => i.test(c) !== plain.test(lower))) differing.push(c);
    }
    assert.deepEqual(differing, ['\u0130', '\u212a']);
    assert.ok(differing.every((c) => LOWER_CASING_DIFFERS.test(c)));
  });

  it('a phrase and a keyword pattern, beside every character of the BMP', () => {
    const sources = [
      String.raw`(?:(?<![A-Za-z0-9])auto[\s_-]*promote(?:s|es|d|ed|ing|ion|ions)?(?![A-Za-z0-9]))|(?:(?<![A-Za-z0-9])100%)`,
      String.raw`(?<![A-Za-z0-9])(?:drill(?:s|es)?(?![A-Za-z0-9])|deploy)`,
    ];
    for (const source of sources) {
      const folded = new CaseInsensitive(source, 'g');
      const reference = new RegExp(source, 'gi');
      for (let code = 0; code <= 0xffff; code++) {
        const c = String.fromCharCode(code);
        for (const text of [`${c}AUTO-PROMOTED`, `Auto Promote${c} 100%`, `${c}Drills, deploy${c}ment`, `DRİLL ${c}deploy`]) {
          const got = [...folded.matches(text)].map((m) => [m.index, m[0]]);
          const expected = [...text.matchAll(reference)].filter((m) => m[0]).map((m) => [m.index, m[0]]);
          assert.deepEqual(got, expected, text);
        }
      }
    }
  });
});
