import type { Response } from 'express';
import { ProblemException, problemType, staleVersion } from './problem-details';

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

/** 412 when the client read another version than the stored one. */
export function assertVersion(current: number, given: number): void {
  if (current !== given) throw staleVersion(current, given);
}

/** Where If-Match is optional: compares only when the client sent one. */
export function assertVersionIfGiven(current: number, given: number | undefined): void {
  if (given !== undefined) assertVersion(current, given);
}

/** The version goes out as an ETag, to come back in If-Match. */
export function withETag<V extends { version: number }>(response: Pick<Response, 'setHeader'>, view: V): V {
  response.setHeader('ETag', `"${view.version}"`);
  return view;
}
