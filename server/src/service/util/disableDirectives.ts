import type { Position } from 'vscode-languageserver-types';
import { fact } from '../facts/fact';
import type { ReadinessDocument, Span } from '../model';

/** `<!-- readiness-disable RDY201 -->` and its kin, as the suppression parser reads them. */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface DisableDirective {
  line: number;
  kind: DirectiveKind;
  /** Where the codes go: from after the directive word to before `-->`. */
  body: Span;
  /** Each rule code or name the comment gives, and code-like words (`RDY2O1`) the author meant as one. */
  names: Span[];
  /** Whether the suppression parser takes any of the names as a rule id; if none, the comment means every rule. */
  namesAny: boolean;
}

const DIRECTIVE = /<!--\s*readiness-(disable-next-line|disable-line|disable|enable)\b(.*?)(-->|$)/g;
/** The tokens the suppression parser takes for rule ids: codes and kebab-case names. */
const PARSED_NAME = /^(?:RDY\d+|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)$/;
/** Those, and words that look like a code (`RDY2O1`, `rdy-201`): a mistyped code is still meant as one. */
const NAME = /\b[A-Za-z]{2,}-?\d[A-Za-z0-9]*\b|\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g;

/** Every disable comment of the document (not in code blocks), with the spans of the rules it names. */
export const disableDirectives = fact((document: ReadinessDocument): DisableDirective[] => {
  if (!document.text.includes('readiness-')) return [];
  const result: DisableDirective[] = [];
  for (let line = 0; line < document.lines.lineCount; line++) {
    if (document.codeLines.has(line)) continue;
    const text = document.lines.lineText(line);
    if (!text.includes('readiness-')) continue;
    DIRECTIVE.lastIndex = 0;
    for (let match = DIRECTIVE.exec(text); match; match = DIRECTIVE.exec(text)) {
      const start = match.index + match[0].length - match[2].length - match[3].length;
      const body = { text: match[2], range: document.lines.range(line, start, start + match[2].length) };
      const names: Span[] = [];
      NAME.lastIndex = 0;
      for (let name = NAME.exec(match[2]); name; name = NAME.exec(match[2])) {
        names.push({ text: name[0], range: document.lines.range(line, start + name.index, start + name.index + name[0].length) });
      }
      result.push({ line, kind: match[1] as DirectiveKind, body, names, namesAny: names.some((n) => PARSED_NAME.test(n.text)) });
      if (!match[3]) break;
    }
  }
  return result;
});

/** The disable comment whose codes the position is among (after the directive word, up to `-->`). */
export function directiveAt(document: ReadinessDocument, position: Position): DisableDirective | undefined {
  return disableDirectives(document).find(
    (d) => d.line === position.line && d.body.range.start.character <= position.character && position.character <= d.body.range.end.character,
  );
}
