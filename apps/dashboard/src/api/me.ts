import { ApiError, serviceUrl } from './client';

/**
 * The caller as the services verified it (GET units /api/v1/me): agency, roles and area read
 * through the claim mapping of libs/auth, the area's name, and the actions the policy allows.
 */
export interface Me {
  subject: string;
  agency: string;
  roles: string[];
  area: string;
  areaName: string | null;
  actions: string[];
}

export async function fetchMe(token: string, signal?: AbortSignal): Promise<Me> {
  const response = await fetch(serviceUrl('units', 'me'), { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
    throw new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? '');
  }
  return (await response.json()) as Me;
}
