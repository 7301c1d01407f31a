/** A request that breaks a rule of the campaigns; names the field and the rule. */
export class CampaignRuleViolation extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
    readonly status: 403 | 409 | 422 = 422,
  ) {
    super(message);
    this.name = 'CampaignRuleViolation';
  }

  toProblem(): { type: string; title: string; status: number; detail: string; errors: { field: string; message: string }[] } {
    return {
      type: `urn:binh-yen:problem:campaign-${this.rule}`,
      title: this.status === 403 ? 'Không có quyền (Forbidden)' : 'Vi phạm quy tắc nghiệp vụ (Business rule violated)',
      status: this.status,
      detail: this.message,
      errors: [{ field: this.field, message: this.message }],
    };
  }
}
