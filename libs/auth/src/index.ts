export * from './allow.decorator';
export * from './area-scope';
export * from './auth.module';
export * from './caller';
export * from './development-secret';
export * from './token-verifier';
export * from './policy';
export * from './policy.guard';
