/** A valid report; override what a test is about. */
export function incidentReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unitCode: '07882',
    category: 'criminal-offence',
    occurredAt: '2026-08-14T09:30:00+07:00',
    summary: 'Trộm cắp tài sản tại chợ Việt Trì, phường Gia Cẩm',
    ...overrides,
  };
}
