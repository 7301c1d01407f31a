export * from './command-context';
export * from './command-pipeline';
export * from './command-pipeline.module';
