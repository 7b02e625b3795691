import type { Report } from '../report';
import { formatJson } from './json';
import { formatStylish } from './stylish';

export interface FormatOptions {
  color: boolean;
  cwd: string;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

/** Output formats by name; the gate formats (sarif, github, junit) register here too. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: (report, options) => formatStylish(report, options.color),
  json: (report) => formatJson(report),
};
