import { ProblemException, problemType, staleVersion } from '@binh-yen/http';

/** Updates need the version the client last read, so two officers never overwrite each other. */
export function requireIfMatch(given: number | undefined): number {
  if (given === undefined) {
    throw new ProblemException({
      type: problemType('if-match-required'),
      title: 'Thiếu phiên bản (Precondition required)',
      status: 428,
      detail: 'Send If-Match with the version you last read (e.g. If-Match: "3"); this update is refused without it.',
      errors: [{ field: 'If-Match', message: 'is required for this update' }],
    });
  }
  return given;
}

export function assertVersion(current: number, given: number): void {
  if (current !== given) throw staleVersion(current, given);
}
