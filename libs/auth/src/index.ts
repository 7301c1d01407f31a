export * from './auth.module';
export * from './caller';
export * from './token-verifier';
