import { isWithinArea, type Caller } from '@binh-yen/auth';
import { forbidden } from '@binh-yen/http';

/** A caller writes only inside its own area (a unit path and everything under it). */
export function assertInArea(caller: Caller, path: string, what = 'This unit'): void {
  if (!isWithinArea(path, caller.area)) {
    throw forbidden(`${what} (${path}) lies outside your area (${caller.area}).`);
  }
}
