import { isAllowed, policy } from './policy';

describe('the authorisation policy', () => {
  it('lets the procuracy do nothing in the units registry but read', () => {
    const prosecutor = { agency: 'procuracy' as const, roles: ['officer' as const] };
    expect(isAllowed(prosecutor, 'unit.read')).toBe(true);
    expect(isAllowed(prosecutor, 'unit.register')).toBe(false);
    expect(isAllowed(prosecutor, 'unit.rate')).toBe(false);
  });

  it('needs both the role and the agency', () => {
    expect(isAllowed({ agency: 'police', roles: ['approver'] }, 'report.review')).toBe(true);
    expect(isAllowed({ agency: 'police', roles: ['officer'] }, 'report.review')).toBe(false);
    expect(isAllowed({ agency: 'press', roles: ['approver'] }, 'report.review')).toBe(false);
  });

  it('lets the press record stories and no one else; analysts of a mass organisation only read campaigns', () => {
    expect(isAllowed({ agency: 'press', roles: ['officer'] }, 'story.record')).toBe(true);
    expect(isAllowed({ agency: 'police', roles: ['officer'] }, 'story.record')).toBe(false);
    expect(isAllowed({ agency: 'fatherland-front', roles: ['analyst'] }, 'campaign.manage')).toBe(false);
    expect(isAllowed({ agency: 'fatherland-front', roles: ['analyst'] }, 'campaign.read')).toBe(true);
    expect(isAllowed({ agency: 'court', roles: ['officer'] }, 'campaign.manage')).toBe(false);
  });

  it('gives every action at least one role', () => {
    for (const permission of Object.values(policy)) expect(permission.roles.length).toBeGreaterThan(0);
  });
});
