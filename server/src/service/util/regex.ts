import type { RE2JS } from 're2js';

// Loaded with the first configured pattern: re2js is a fifth of the bundle and most runs have none.
const re2js = () => (require('re2js') as typeof import('re2js')).RE2JS;

const compiled = new Map<string, RegExp>();

/**
 * A RegExp compiled once per (source, flags). Rules build patterns from their options for every
 * cell; the options are the same each time. Global and sticky patterns carry `lastIndex` state,
 * so they are never shared. Only for the engine's own patterns: a pattern that comes from a
 * configuration goes through `linearRegExp`.
 */
export function cachedRegExp(source: string, flags = ''): RegExp {
  if (flags.includes('g') || flags.includes('y')) return new RegExp(source, flags);
  const key = `${flags}/${source}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    pattern = new RegExp(source, flags);
    if (compiled.size < 5_000) compiled.set(key, pattern);
  }
  return pattern;
}

/** A configured pattern the checker cannot run: invalid, or beyond what runs in linear time. */
export class PatternError extends Error {}

/** How a PatternError for a pattern beyond RE2 begins. */
export const LINEAR_TIME_REFUSAL = 'a pattern the checker cannot run in linear time';

/**
 * A trailing negative lookahead of one character class, `(?![\w-])`: the engine's own guard
 * around configured patterns ("the token ends here"). RE2 has no lookahead; this one is run as
 * "a character outside the class, or the end", matched but not part of the result.
 */
const TRAILING_GUARD = /\(\?!\[(\^?)((?:\\.|[^\]\\])+)\]\)$/;

interface Program {
  re2: RE2JS;
  /** The pattern's own groups start at 2 when a trailing guard wraps it in group 1. */
  guarded: boolean;
}

const programs = new Map<string, Program>();

/** RE2 compiles a 200,000-character pattern in most of a second: no configured pattern needs a tenth of this. */
const MAX_PATTERN_LENGTH = 10_000;

function program(source: string, flags: string): Program {
  const key = `${flags}/${source}`;
  const known = programs.get(key);
  if (known) return known;
  if (source.length > MAX_PATTERN_LENGTH) throw new PatternError(`longer than ${MAX_PATTERN_LENGTH.toLocaleString('en-US')} characters`);
  // JavaScript syntax is what the options document: a pattern must be valid there too.
  try {
    new RegExp(source, flags.replace(/[gyd]/g, ''));
  } catch (error) {
    throw new PatternError(`not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  const trailing = TRAILING_GUARD.exec(source);
  const guard = trailing && !hasTopLevelAlternative(source.slice(0, trailing.index)) ? trailing : null;
  let re2Source = guard ? `(${source.slice(0, guard.index)})(?:[${guard[1] ? '' : '^'}${guard[2]}]|\\z)` : source;
  let re2: RE2JS;
  try {
    const RE2 = re2js();
    re2Source = RE2.translateRegExp(re2Source);
    re2 = RE2.compile(
      re2Source,
      RE2.LOOKBEHINDS |
        (flags.includes('i') ? RE2.CASE_INSENSITIVE : 0) |
        (flags.includes('m') ? RE2.MULTILINE : 0) |
        (flags.includes('s') ? RE2.DOTALL : 0),
    );
  } catch (error) {
    // RE2's own words name its parser ("invalid or unsupported Perl syntax"): keep only the part of the pattern it stopped at.
    const at = /: (`.*`)$/.exec((error as Error).message)?.[1];
    throw new PatternError(
      `${LINEAR_TIME_REFUSAL}: lookaheads, backreferences and repeat counts over 1000 are not supported` + (at ? ` (found ${at})` : ''),
    );
  }
  const made = { re2, guarded: guard !== null };
  if (programs.size < 1_000) programs.set(key, made);
  return made;
}

/**
 * A RegExp whose matching runs on RE2 (re2js): linear in the input's length whatever the
 * pattern, so a configured `(a+)+$` cannot hang the checker. The native RegExp underneath only
 * checks the syntax and carries `source` and `flags`; `exec` is replaced, and `test`, `match`,
 * `matchAll`, `replace`, `search` and `split` all go through `exec`, as the language defines them.
 */
class LinearRegExp extends RegExp {
  readonly program: Program;

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const allFlags = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    const compiled = program(source, allFlags);
    super(source, allFlags);
    this.program = compiled;
  }

  /** `matchAll` and `split` copy the pattern through the species: the copy stays linear. */
  static override get [Symbol.species](): RegExpConstructor {
    return LinearRegExp as unknown as RegExpConstructor;
  }
}

/**
 * RegExp's own methods look `exec` up on the object (RegExpExec), so replacing it on the prototype
 * makes every one of them run on RE2.
 */
Object.defineProperty(LinearRegExp.prototype, 'exec', { value: execLinear, writable: true, configurable: true });

function execLinear(this: LinearRegExp, input: string): RegExpExecArray | null {
  const text = String(input);
  const stateful = this.global || this.sticky;
  const from = stateful ? Math.max(0, Math.floor(Number(this.lastIndex)) || 0) : 0;
  const fail = () => {
    if (stateful) this.lastIndex = 0;
    return null;
  };
  if (from > text.length) return fail();
  const { re2, guarded } = this.program;
  const matcher = re2.matcher(text);
  if (!matcher.find(from)) return fail();
  const first = guarded ? 1 : 0;
  const start = matcher.start(first);
  const end = matcher.end(first);
  if (this.sticky && start !== from) return fail();
  const groups = matcher.groupCount();
  const values: Array<string | undefined> = [];
  for (let group = first; group <= groups; group++) {
    const value = matcher.group(group);
    values.push(value === null || value === undefined ? undefined : value);
  }
  const result = values as unknown as RegExpExecArray;
  result.index = start;
  result.input = text;
  const names = re2.namedGroups() as Record<string, number>;
  const named = Object.keys(names);
  result.groups = named.length ? (Object.fromEntries(named.map((name) => [name, values[names[name]! - first]])) as Record<string, string>) : undefined;
  if (stateful) this.lastIndex = end;
  return result;
}

/** Whether a pattern has a `|` outside every group and class (then a trailing guard binds to one branch only). */
function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

const linear = new Map<string, RegExp>();

/**
 * A pattern from a configuration (a rule option), compiled to run in linear time. Global and
 * sticky ones carry `lastIndex` and are made afresh; others are shared. Throws PatternError
 * (saying why) for a pattern that is not valid JavaScript or that RE2 cannot run: a lookahead
 * (but the trailing one-class guard the rules add), a backreference.
 */
export function linearRegExp(source: string, flags = ''): RegExp {
  if (flags.includes('g') || flags.includes('y')) return new LinearRegExp(source, flags);
  const key = `${flags}/${source}`;
  let pattern = linear.get(key);
  if (!pattern) {
    pattern = new LinearRegExp(source, flags);
    if (linear.size < 1_000) linear.set(key, pattern);
  }
  return pattern;
}

/** Why a configured pattern cannot be used (`not a valid regular expression: …`), or undefined when it can. */
export function patternProblem(source: string, flags = ''): string | undefined {
  try {
    program(source, flags);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * A rule's pattern built from an option: native when the option is the rule's default (known
 * safe and the fastest), linear otherwise.
 */
export function optionRegExp(option: string | undefined, fallback: string, build: (pattern: string) => string, flags = ''): RegExp {
  const pattern = option ?? fallback;
  return pattern === fallback ? cachedRegExp(build(pattern), flags) : linearRegExp(build(pattern), flags);
}

/**
 * Characters on which `iu` and `u` on the lower-cased text part: `İ` (two characters once
 * lower-cased), `ſ` and U+0345 (which `iu` folds to `s` and `ι`). Found by comparing the two on
 * every code point for ASCII letters, `\p{L}`, `\d`, `\s` and `\w` (test/caseFolding.test.ts).
 */
export const FOLDING_DIFFERS = /[\u0130\u017f\u0345]/;
/** The same for `i` without `u` (which folds no character outside ASCII into it): `İ` and the Kelvin sign `K`, lower-cased to `k`. */
export const LOWER_CASING_DIFFERS = /[\u0130\u212a]/;

/** Symbols beyond ASCII that no other character folds to or lower-cases to (checked on every code point by test/caseFolding.test.ts). */
export const CASELESS_SYMBOLS = '≥≤−–—×✕⩾⩽≧≦≈·•';
const FOLDABLE_SOURCE = new RegExp(`^[\\x00-\\x7f${CASELESS_SYMBOLS}]*$`);

/** Upper-case letters a source may hold and still match lower-cased text alike: escapes, property names, group names, `A-Z`. */
const CASE_NEUTRAL = /\\[pPk][{<][^}>]*[}>]|\(\?<[!=]?[A-Za-z]*>?|\\[A-Za-z]|A-Z/g;

/** ASCII letters lower-cased: the same words to a case-insensitive pattern, and a source CaseInsensitive can match on lower-cased text. */
export const lowerAscii = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/**
 * A case-insensitive pattern (`i`, or `iu`) that matches the lower-cased text without `i` where
 * that is the same: V8 compiles `i` patterns about twice as slowly and `iu` ones with `\p{L}` sets
 * three times (it case-folds each set), and a short check compiles each pattern once. The same
 * only for a source of ASCII (and CASELESS_SYMBOLS) with no upper-case literal (`warn|crit`, not `µs`, whose `iu` also
 * matches the Greek `μ`), on a text without the characters of FOLDING_DIFFERS (with `u`) or
 * LOWER_CASING_DIFFERS (without); otherwise the case-insensitive pattern itself runs. Either is
 * compiled on first use. `find` gives the first match and its groups as written in the text.
 */
export class CaseInsensitive {
  private lowerCase: RegExp | undefined;
  private caseInsensitive: RegExp | undefined;
  private readonly foldable: boolean;
  private readonly groups: boolean;
  private readonly differs: RegExp;

  /** `flags` without `i`: `u`, `g`, `gu`… */
  constructor(
    readonly source: string,
    private readonly flags = 'u',
  ) {
    this.foldable = FOLDABLE_SOURCE.test(source) && !/[A-Z]/.test(source.replace(CASE_NEUTRAL, ''));
    this.differs = flags.includes('u') ? FOLDING_DIFFERS : LOWER_CASING_DIFFERS;
    // A group's text is sliced from the written text by its indices.
    this.groups = /\((?!\?[:=!]|\?<[=!])/.test(source.replace(/\\./g, ''));
  }

  private pattern(text: string): { pattern: RegExp; subject: string } {
    if (this.foldable && !differsIn(text, this.differs)) {
      this.lowerCase ??= new RegExp(this.source, `${this.flags}${this.groups ? 'd' : ''}`);
      return { pattern: this.lowerCase, subject: lowerCased(text) };
    }
    this.caseInsensitive ??= new RegExp(this.source, `${this.flags}i`);
    return { pattern: this.caseInsensitive, subject: text };
  }

  test(text: string): boolean {
    const { pattern, subject } = this.pattern(text);
    pattern.lastIndex = 0;
    return pattern.test(subject);
  }

  find(text: string): RegExpExecArray | null {
    const { pattern, subject } = this.pattern(text);
    pattern.lastIndex = 0;
    const match = pattern.exec(subject);
    return match && written(text, subject, match);
  }

  /** Each non-empty match, in order (a global pattern). */
  *matches(text: string): Generator<RegExpExecArray> {
    const { pattern, subject } = this.pattern(text);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(subject); match; match = pattern.exec(subject)) {
      if (match[0].length === 0) pattern.lastIndex++;
      else yield written(text, subject, match);
    }
  }
}

// Rules ask many patterns about the same cell or line in a row: the last text's lower-cased copy
// and its FOLDING_DIFFERS / LOWER_CASING_DIFFERS verdicts are kept.
let lastText: string | undefined;
let lastLower: string | undefined;
let lastFoldingDiffers: boolean | undefined;
let lastLowerCasingDiffers: boolean | undefined;

function remember(text: string): void {
  if (text === lastText) return;
  lastText = text;
  lastLower = lastFoldingDiffers = lastLowerCasingDiffers = undefined;
}

function lowerCased(text: string): string {
  remember(text);
  return (lastLower ??= text.toLowerCase());
}

function differsIn(text: string, differs: RegExp): boolean {
  remember(text);
  if (differs === FOLDING_DIFFERS) return (lastFoldingDiffers ??= differs.test(text));
  if (differs === LOWER_CASING_DIFFERS) return (lastLowerCasingDiffers ??= differs.test(text));
  return differs.test(text);
}

/** A match of the lower-cased copy (same offsets) with the strings of the text as written. */
function written(text: string, subject: string, match: RegExpExecArray): RegExpExecArray {
  if (subject === text) return match;
  const spans = match.indices;
  for (let group = 0; group < match.length; group++) {
    const span = group === 0 ? [match.index, match.index + match[0].length] : spans?.[group];
    if (span) match[group] = text.slice(span[0], span[1]);
  }
  if (match.groups && spans?.groups) {
    for (const name of Object.keys(match.groups)) {
      const span = spans.groups[name];
      if (span) match.groups[name] = text.slice(span[0], span[1]);
    }
  }
  match.input = text;
  return match;
}
