import { answered, api, bearer } from './client';
import type { Me } from './units-api';

export type { Me } from './units-api';

/**
 * The caller as the services verified it (GET units /api/v1/me): agency, roles and area read
 * through the claim mapping of libs/auth, the area's name, and the actions the policy allows.
 * Read while signing in too, so its 401 does not sign anyone out.
 */
export async function fetchMe(token: string, signal?: AbortSignal): Promise<Me> {
  return (await answered(api.units.GET('/api/v1/me', { headers: bearer({ token }), signal }), { signOutOn401: false })).data;
}
