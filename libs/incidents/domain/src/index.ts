export * from './case-lifecycle';
export * from './duplicates';
export * from './incident-rule-violation';
export * from './report-incident';
export * from './step-date';
export * from './taxonomy';
