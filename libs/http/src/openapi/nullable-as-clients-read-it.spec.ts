import Ajv from 'ajv';
import { nullableAsClientsReadIt } from './contract-recorder';

describe('nullableAsClientsReadIt', () => {
  // What @nestjs/swagger renders for `@ApiProperty({ type: PlanView, nullable: true })`, dereferenced.
  const schema = {
    type: 'object',
    required: ['plan'],
    properties: { plan: { nullable: true, allOf: [{ type: 'object', required: ['quarter'], properties: { quarter: { type: 'string' } } }] } },
  };
  const validate = new Ajv({ strict: false }).compile(nullableAsClientsReadIt(schema) as object);

  it('takes null or the object, as the generated clients read `PlanView | null`', () => {
    expect(validate({ plan: null })).toBe(true);
    expect(validate({ plan: { quarter: '2026-Q4' } })).toBe(true);
  });

  it('still refuses an object that breaks the referenced schema', () => {
    expect(validate({ plan: { quarter: 4 } })).toBe(false);
    expect(validate({ plan: {} })).toBe(false);
  });

  it('leaves a nullable property with a type as it is (Ajv reads that form itself)', () => {
    expect(nullableAsClientsReadIt({ type: 'string', nullable: true })).toEqual({ type: 'string', nullable: true });
  });

  it('takes null for a nullable enumeration, as the clients read `"a" | "b" | null`, and nothing else outside it', () => {
    const verdict = new Ajv({ strict: false }).compile(nullableAsClientsReadIt({ type: 'string', nullable: true, enum: ['convicted', 'acquitted'] }) as object);
    expect([verdict(null), verdict('convicted'), verdict('pardoned')]).toEqual([true, true, false]);
  });
});
