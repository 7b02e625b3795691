/// <reference path="./markdown.d.ts" />
// The organisation's readiness template, verbatim: the source of truth for guidance text (F7) and for new
// files. docs/template.md is that file, byte-identical with the template the committee publishes; it is
// shipped as is and embedded here at build time.
import template from '../../../../docs/template.md';

export const TEMPLATE_TEXT: string = template;
