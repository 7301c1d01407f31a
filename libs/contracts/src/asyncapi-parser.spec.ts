import { Parser } from '@asyncapi/parser';
import { asyncApiDocument } from './asyncapi';

describe('the AsyncAPI catalog, read by the official parser (ADR 0047)', () => {
  it('is valid AsyncAPI 3.0 with servers, security, send and receive operations and an example per event version', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(asyncApiDocument()));
    // Severity 0 is an error; warnings (style hints) do not make a document invalid.
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 0)).toEqual([]);
    expect(document).toBeDefined();
    const servers = document!.servers();
    expect(servers.get('cluster')?.protocol()).toBe('kafka-secure');
    expect(servers.get('cluster')?.security()[0]?.all()[0]?.scheme().type()).toBe('scramSha512');
    expect(servers.get('local')?.protocol()).toBe('kafka');
    const operations = document!.operations();
    expect(operations.filterBySend().map((operation) => operation.id())).toContain('incidents-sends-incident');
    expect(operations.filterByReceive().map((operation) => operation.id())).toContain('incident-counts-receives-incident');
    for (const message of document!.components().messages()) expect(message.examples().length).toBeGreaterThan(0);
    expect(document!.info().contact()?.name()).toBeTruthy();
    expect(document!.info().license()?.name()).toBeTruthy();
  });
});
