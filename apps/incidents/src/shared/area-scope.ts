import { isWithinArea, type Caller } from '@binh-yen/auth';
import { forbidden } from '@binh-yen/http';

/** A caller acts only inside its own area (a unit path and everything under it). */
export function assertInArea(caller: Caller, path: string, what = 'This incident’s unit'): void {
  if (!isWithinArea(path, caller.area)) {
    throw forbidden(`${what} (${path}) lies outside your area (${caller.area}) — ngoài địa bàn phụ trách.`);
  }
}
