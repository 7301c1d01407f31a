export * from './format';
export * from './labels';
export * from './report';
