/** A request that breaks a rule of the registry; names the field and the rule. */
export class UnitRuleViolation extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
    readonly status: 409 | 422 = 422,
  ) {
    super(message);
    this.name = 'UnitRuleViolation';
  }

  toProblem(): { type: string; title: string; status: number; detail: string; errors: { field: string; message: string }[] } {
    return {
      type: `urn:binh-yen:problem:unit-${this.rule}`,
      title: 'Vi phạm quy tắc nghiệp vụ (Business rule violated)',
      status: this.status,
      detail: this.message,
      errors: [{ field: this.field, message: this.message }],
    };
  }
}
