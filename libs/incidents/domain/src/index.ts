export * from './incident-rule-violation';
export * from './report-incident';
