/** Settings of the reporting service taken from its validated environment. */
export interface ReportingSettings {
  deadlineDays: number;
}

export const REPORTING_SETTINGS = Symbol('REPORTING_SETTINGS');
