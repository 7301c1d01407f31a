import Ajv from 'ajv';
import { nullableRefsAllowNull } from './contract-recorder';

describe('nullableRefsAllowNull', () => {
  // What @nestjs/swagger renders for `@ApiProperty({ type: PlanView, nullable: true })`, dereferenced.
  const schema = {
    type: 'object',
    required: ['plan'],
    properties: { plan: { nullable: true, allOf: [{ type: 'object', required: ['quarter'], properties: { quarter: { type: 'string' } } }] } },
  };
  const validate = new Ajv({ strict: false }).compile(nullableRefsAllowNull(schema) as object);

  it('takes null or the object, as the generated clients read `PlanView | null`', () => {
    expect(validate({ plan: null })).toBe(true);
    expect(validate({ plan: { quarter: '2026-Q4' } })).toBe(true);
  });

  it('still refuses an object that breaks the referenced schema', () => {
    expect(validate({ plan: { quarter: 4 } })).toBe(false);
    expect(validate({ plan: {} })).toBe(false);
  });

  it('leaves a nullable property with a type as it is (Ajv reads that form itself)', () => {
    expect(nullableRefsAllowNull({ type: 'string', nullable: true })).toEqual({ type: 'string', nullable: true });
  });
});
