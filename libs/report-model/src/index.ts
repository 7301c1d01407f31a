export * from './format';
export * from './labels';
export * from './report';
export * from './spreadsheet';
