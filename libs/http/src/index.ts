export * from './create-http-app';
export * from './health';
export * from './load-env';
export * from './problem-details';
export * from './problem-details.filter';
export * from './public.decorator';
export * from './validation';
export * from './service-env';
