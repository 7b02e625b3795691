import type { Report } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatOptions {
  color: boolean;
  cwd: string;
}

export type Formatter = (report: Report, options: FormatOptions) => string;

/** Output formats by name. */
export const FORMATTERS: Record<string, Formatter> = {
  stylish: (report, options) => formatStylish(report, options.color),
  json: (report) => formatJson(report),
  sarif: (report) => formatSarif(report),
  github: (report) => formatGithub(report),
  junit: (report) => formatJunit(report),
};
