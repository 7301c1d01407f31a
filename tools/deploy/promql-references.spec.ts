import { alertRules } from '@binh-yen/k8s-manifests';
import { exposedSeries, legendLabels, missingFrom, promqlReferences } from './promql-references';

describe('what an alert or a chart reads, against what /metrics offers', () => {
  it('finds the metrics and labels of an expression, not its functions, keywords, ranges or strings', () => {
    expect(promqlReferences('(time() - max by (group, projection) (binhyen_projection_last_applied_seconds)) > 900 and on (group) (sum by (group) (max by (group, topic, partition) (binhyen_consumer_lag))) > 0')).toEqual({
      metrics: ['binhyen_projection_last_applied_seconds', 'binhyen_consumer_lag'],
      labels: ['group', 'projection', 'topic', 'partition'],
    });
    expect(promqlReferences('sum by (job, route) (rate(binhyen_http_requests_total{status=~"5.."}[5m])) / sum by (job, route) (rate(binhyen_http_requests_total[5m])) > 0.05')).toEqual({
      metrics: ['binhyen_http_requests_total'],
      labels: ['job', 'route', 'status'],
    });
    expect(legendLabels('{{job}} {{ pod }} restarts')).toEqual(['job', 'pod']);
  });

  it('names what a scrape lacks: a metric, or a label none of the metrics carries', () => {
    const series = exposedSeries(
      ['# HELP binhyen_consumer_up 1 while running', '# TYPE binhyen_consumer_up gauge', 'binhyen_consumer_up{group="g,\\"x\\"}"} 1', 'process_start_time_seconds 1764964800', ''].join('\n'),
    );
    expect([...series.keys()]).toEqual(['binhyen_consumer_up', 'process_start_time_seconds']);
    const down = alertRules.find((rule) => rule.alert === 'BinhYenConsumerDown')!;
    expect(missingFrom(series, down.expr, '', ['job', 'pod'])).toEqual([]);
    expect(missingFrom(series, down.expr, '{{topic}}', ['pod'])).toEqual(['label job', 'label topic']);
    expect(missingFrom(series, 'sum by (group) (binhyen_consumer_lag)', '', ['job'])).toEqual(['metric binhyen_consumer_lag', 'label group']);
    expect(missingFrom(series, 'up{job=~"units"} == 0', '', ['job'])).toEqual([]);
  });
});
