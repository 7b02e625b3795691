import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDurations, scanDurationsBy } from '../server/src/service/util/durations';

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
