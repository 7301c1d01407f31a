/** A request that breaks a rule of the register; says which field and why (422). */
export class IncidentRuleViolation extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'IncidentRuleViolation';
  }

  toProblem(): { type: string; title: string; status: number; detail: string; errors: { field: string; message: string }[] } {
    return {
      type: `urn:binh-yen:problem:incident-${this.rule}`,
      title: 'Vi phạm quy tắc nghiệp vụ (Business rule violated)',
      status: 422,
      detail: this.message,
      errors: [{ field: this.field, message: this.message }],
    };
  }
}
