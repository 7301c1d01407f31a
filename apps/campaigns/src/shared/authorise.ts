import type { Caller } from '@binh-yen/auth';
import { assertMayPerform, type CampaignAction } from '@binh-yen/campaigns-domain';

/**
 * The campaigns' actions are not in the platform policy table yet
 * (libs/auth/src/policy.ts); until they join it, the domain's table decides.
 */
export function authorise(caller: Caller, action: CampaignAction): void {
  assertMayPerform({ agency: caller.agency, roles: caller.roles }, action);
}
