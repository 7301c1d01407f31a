import type { TransformFnParams } from 'class-transformer';

/**
 * A boolean variable: 1/true/yes/on are true, anything else false. It reads the raw string: with
 * `enableImplicitConversion` (loadEnv) the value handed to a transform is already `Boolean("false")`,
 * which is true, so `X=false` used to read as true.
 */
export const envBoolean = ({ value, obj, key }: TransformFnParams): unknown => {
  const raw: unknown = (obj as Record<string, unknown>)[key];
  return typeof raw === 'string' ? ['1', 'true', 'yes', 'on'].includes(raw.trim().toLowerCase()) : value;
};
