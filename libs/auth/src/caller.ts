import { PlatformAgencies } from '@binh-yen/shared-kernel';

/** Agencies that work in the platform (the shared kernel's list), and `system` for the platform's own jobs. */
export const Agencies = [...PlatformAgencies, 'system'] as const;

export type Agency = (typeof Agencies)[number];

/** `operator`: runs the platform itself (projection rebuilds); reads no agency's data. */
export const Roles = ['administrator', 'officer', 'approver', 'analyst', 'auditor', 'operator'] as const;

export type Role = (typeof Roles)[number];

/** Who is calling, from the verified token: the only identity handlers see. */
export interface Caller {
  subject: string;
  agency: Agency;
  roles: Role[];
  /** The unit path the caller may act in, e.g. "25" (the province) or "25.227". */
  area: string;
}
