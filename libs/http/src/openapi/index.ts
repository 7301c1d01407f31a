export * from './contract-recorder';
export * from './openapi-document';
export * from './problem-responses';
