export * from './forces';
export * from './hierarchy';
export * from './movement-rating';
export * from './pilot-units';
export * from './quarter';
export * from './self-management-model';
export * from './unit-rule-violation';
export * from './code-list';
