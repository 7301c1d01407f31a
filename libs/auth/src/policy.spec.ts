import { isAllowed, policy } from './policy';

describe('the authorisation policy', () => {
  it('lets the procuracy do nothing in the units registry but read', () => {
    const prosecutor = { agency: 'procuracy' as const, roles: ['officer' as const], area: '25' };
    expect(isAllowed(prosecutor, 'unit.read')).toBe(true);
    expect(isAllowed(prosecutor, 'unit.register')).toBe(false);
    expect(isAllowed(prosecutor, 'unit.rate')).toBe(false);
  });

  it('needs both the role and the agency', () => {
    expect(isAllowed({ agency: 'police', roles: ['approver'], area: '25' }, 'report.review')).toBe(true);
    expect(isAllowed({ agency: 'police', roles: ['officer'], area: '25' }, 'report.review')).toBe(false);
    expect(isAllowed({ agency: 'press', roles: ['approver'], area: '25' }, 'report.review')).toBe(false);
  });

  it('lets the press record stories and no one else; analysts of a mass organisation only read campaigns', () => {
    expect(isAllowed({ agency: 'press', roles: ['officer'], area: '25' }, 'story.record')).toBe(true);
    expect(isAllowed({ agency: 'police', roles: ['officer'], area: '25' }, 'story.record')).toBe(false);
    expect(isAllowed({ agency: 'fatherland-front', roles: ['analyst'], area: '25' }, 'campaign.manage')).toBe(false);
    expect(isAllowed({ agency: 'fatherland-front', roles: ['analyst'], area: '25' }, 'campaign.read')).toBe(true);
    expect(isAllowed({ agency: 'court', roles: ['officer'], area: '25' }, 'campaign.manage')).toBe(false);
  });

  it('leaves province-wide settings to the province and projection rebuilds to its operators (issue 23, finding 5)', () => {
    expect(isAllowed({ agency: 'police', roles: ['administrator'], area: '25' }, 'incident.taxonomy.manage')).toBe(true);
    expect(isAllowed({ agency: 'police', roles: ['administrator'], area: '25.227' }, 'incident.taxonomy.manage')).toBe(false);
    expect(isAllowed({ agency: 'system', roles: ['operator'], area: '25' }, 'projection.rebuild')).toBe(true);
    expect(isAllowed({ agency: 'system', roles: ['operator'], area: '25.227' }, 'projection.rebuild')).toBe(false);
    for (const agency of ['police', 'people-committee', 'system'] as const) expect(isAllowed({ agency, roles: ['administrator'], area: '25' }, 'projection.rebuild')).toBe(false);
  });

  it('lets an operator of the platform read no agency’s data', () => {
    const operator = { agency: 'system' as const, roles: ['operator' as const], area: '25' };
    const actions = (Object.keys(policy) as (keyof typeof policy)[]).filter((action) => isAllowed(operator, action));
    expect(actions).toEqual(['projection.rebuild']);
  });

  it('gives every action at least one role', () => {
    for (const permission of Object.values(policy)) expect(permission.roles.length).toBeGreaterThan(0);
  });
});
