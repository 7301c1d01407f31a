export * from './agencies';
export * from './area-path';
export * from './vietnamese-text';
export * from './quarter';
