import { isWithinArea, type Caller } from '@binh-yen/auth';
import { forbidden } from '@binh-yen/http';

/** The area a report asks for: the caller's own by default, never one outside it (area scope applies to figures too). */
export function requestedArea(area: string | undefined, caller: Caller): string {
  const requested = area ?? caller.area;
  if (!isWithinArea(requested, caller.area)) throw forbidden(`The area ${requested} lies outside yours (${caller.area}) — ngoài địa bàn phụ trách.`);
  return requested;
}
