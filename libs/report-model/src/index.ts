export * from './document-heading';
export * from './format';
export * from './labels';
export * from './report';
export * from './spreadsheet';
