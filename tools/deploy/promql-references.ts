/**
 * What the alerts and the dashboard read, and what a service's /metrics offers, as names: enough to
 * check one against the other (ADR 0052). Not a PromQL parser; it reads the forms our rules use
 * (selectors with matchers, ranges, `by`/`on` lists, function calls, string literals).
 */

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset']);

/** The metric names and the label names an expression reads. */
export function promqlReferences(expr: string): { metrics: string[]; labels: string[] } {
  const labels = new Set<string>();
  let rest = expr.replace(/\b(?:by|without|on|ignoring)\s*\(([^)]*)\)/g, (_, list: string) => {
    for (const label of list.split(',').map((name) => name.trim()).filter(Boolean)) labels.add(label);
    return ' ';
  });
  rest = rest.replace(/\{([^}]*)\}/g, (_, matchers: string) => {
    for (const [, label] of matchers.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)) labels.add(label!);
    return ' ';
  });
  rest = rest.replace(/"(?:[^"\\]|\\.)*"/g, ' ').replace(/\[[^\]]*\]/g, ' ');
  // A name not followed by "(" is a metric (functions and aggregations are); numbers start with a digit.
  const metrics = [...rest.matchAll(/(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?!\s*\(|[\w])/g)].map(([, name]) => name!).filter((name) => !KEYWORDS.has(name));
  return { metrics: [...new Set(metrics)], labels: [...labels] };
}

/** The labels a Grafana legend (`{{group}} down`) names. */
export function legendLabels(legend: string): string[] {
  return [...legend.matchAll(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g)].map(([, label]) => label!);
}

/** Every series name of a Prometheus text exposition, with the label names seen on it. */
export function exposedSeries(exposition: string): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  for (const line of exposition.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s/.exec(line);
    if (!match) continue;
    const labels = series.get(match[1]!) ?? new Set<string>();
    for (const [, label] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="(?:[^"\\]|\\.)*"/g)) labels.add(label!);
    series.set(match[1]!, labels);
  }
  return series;
}

/** The queries of a Grafana dashboard's panels, with their legends. */
export function dashboardQueries(dashboard: object): { expr: string; legend: string }[] {
  const panels = (dashboard as { panels: { targets: { expr: string; legendFormat?: string }[] }[] }).panels;
  return panels.flatMap((panel) => panel.targets.map((target) => ({ expr: target.expr, legend: target.legendFormat ?? '' })));
}

/**
 * What an expression reads that the scraped series do not offer: metric names missing from every scrape,
 * and labels that none of the expression's metrics carries (Prometheus's own target labels aside).
 */
export function missingFrom(series: Map<string, Set<string>>, expr: string, legend: string, targetLabels: readonly string[]): string[] {
  const { metrics, labels } = promqlReferences(expr);
  const own = metrics.filter((metric) => metric !== 'up');
  const missing = own.filter((metric) => !series.has(metric)).map((metric) => `metric ${metric}`);
  const offered = new Set(own.flatMap((metric) => [...(series.get(metric) ?? [])]));
  for (const label of new Set([...labels, ...legendLabels(legend)])) {
    if (!targetLabels.includes(label) && !offered.has(label)) missing.push(`label ${label}`);
  }
  return missing;
}
