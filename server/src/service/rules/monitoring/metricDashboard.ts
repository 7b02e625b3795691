import { defineRule } from '../types';
import { columnCells } from '../../facts/monitoring/monitoringTable';
import { stringList } from '../../util/optionSchemas';
import { inlineReferenceLinks } from '../../facts/document';

export interface MetricDashboardOptions {
  /** Hosts a dashboard may live on (a subdomain counts); empty: any host. */
  allowedHosts: string[];
}

export const metricDashboardRule = defineRule<MetricDashboardOptions>({
  code: 'RDY113',
  name: 'metric-dashboard',
  requirements: ['M3'],
  section: 'monitoring',
  severity: 'warning',
  summary: 'Each §1 metric\'s Dashboard is an http(s) URL: the Grafana panel that shows it.',
  rationale:
    'The sign-off checklist asks for metrics "defined and discoverable in Grafana", and runbooks must link the Grafana ' +
    'dashboard (ADR-70 gate): the on-call paged at night needs one click to the panel, not a description of where it might be.',
  fixHint: 'Paste the Grafana panel URL (https://…) into the Dashboard cell.',
  defaultOptions: { allowedHosts: [] },
  optionsSchema: {
    allowedHosts: stringList('Hosts dashboards must live on, e.g. ["grafana.example.com"] (subdomains included); empty accepts any host.'),
  },
  check({ document, options, report }) {
    const hosts = (options.allowedHosts ?? []).map((host) => host.trim().toLowerCase()).filter(Boolean);
    for (const { row, cell } of columnCells(document, 'Dashboard')) {
      if (!cell) {
        report({ range: row.range, message: 'This metric row has no Dashboard cell: add one holding the Grafana panel URL (https://…).' });
        continue;
      }
      // A reference link (`[panel 2][dash-2]`) is read as the link its definition makes.
      const value = inlineReferenceLinks(cell.value.trim(), document.linkDefinitions);
      const allowed = (url: URL) => !hosts.length || hosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
      const url = leadingUrl(value) ?? labelledUrl(value);
      if (url && allowed(url)) continue;
      if (url) {
        report({
          range: cell.range,
          message: `Dashboard host "${url.hostname}" is not an allowed dashboard host: link the panel on ${hosts.join(' or ')}.`,
        });
        continue;
      }
      const withoutScheme = !/^[a-z][a-z0-9+.-]*:/i.test(value) ? leadingUrl(`https://${value}`) : undefined;
      const looksLikeHost = withoutScheme && /\./.test(withoutScheme.hostname) && !/\s/.test(value) && allowed(withoutScheme);
      report({
        range: cell.range,
        message: value
          ? `Dashboard "${value}" is not an http(s) URL: write the Grafana panel URL, e.g. https://grafana.example.com/d/abc123/serving?viewPanel=2.`
          : 'The metric has no Dashboard: write the Grafana panel URL (https://…) that shows it.',
        fixes: looksLikeHost
          ? [{ title: 'Add https://', isPreferred: true, edits: [{ range: cell.range, newText: `https://${cell.text.replace(/^`|`$/g, '')}` }] }]
          : [],
      });
    }
  },
});

/**
 * The http(s) URL the cell starts with: bare, `<autolink>` or `[text](url)`. Text after it
 * (`https://… (panel 3)`) is the author's remark and allowed.
 */
function leadingUrl(value: string): URL | undefined {
  const match = /^(?:\[[^\]]*\]\(\s*<?([^\s)>]+)>?[^)]*\)|<([^\s>]+)>|(\S+))/.exec(value.trim());
  const candidate = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `Grafana: https://…`, `Grafana panel <https://…>`: a label, then the one URL of the cell. */
function labelledUrl(value: string): URL | undefined {
  const urls = value.match(/https?:\/\/[^\s<>()\[\]`]+/g) ?? [];
  return urls.length === 1 ? leadingUrl(urls[0].replace(/[.,;:]+$/, '')) : undefined;
}
