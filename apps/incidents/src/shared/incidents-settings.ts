import type { DuplicatePolicy } from '@binh-yen/incidents-domain';

/** Settings the use cases read, from the validated env (process.env is read in main only). */
export class IncidentsSettings {
  constructor(readonly duplicates: DuplicatePolicy) {}
}
