export * from './allow.decorator';
export * from './auth.module';
export * from './caller';
export * from './token-verifier';
export * from './policy';
