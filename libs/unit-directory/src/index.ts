export * from './known-unit';
export * from './known-units-schema';
export * from './known-units.projection';
export * from './unit-directory';
export * from './unit-directory.module';
export * from './unit-resolver';
