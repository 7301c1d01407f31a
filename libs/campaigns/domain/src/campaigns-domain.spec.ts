import { checkActivity, type ActivityRecord } from './activity';
import { checkAgreement, type AgreementTerms } from './agreement';
import { commonAncestor, pathsOverlap } from './area-paths';
import { elapsedShare } from './calendar';
import { assertMayDirect, assertMayLaunch, campaignArea, checkAgreementLink, checkPlan, checkTransition, type CampaignPlan, type CampaignState } from './campaign';
import { checkCampaignReview } from './campaign-review';
import { CampaignRuleViolation } from './campaign-rule-violation';
import { checkCommendation } from './commendation';
import { computeProgress } from './goals';
import { checkPledge } from './household-pledge';
import { checkStory } from './media-story';
import { isParty } from './parties';
import { normaliseText } from '@binh-yen/shared-kernel';

// 10:00 on 15 July 2026 in Việt Trì.
const now = new Date('2026-07-15T03:00:00Z');

const campaign = (overrides: Partial<CampaignState> = {}): CampaignState => ({
  status: 'active',
  leadAgency: 'fatherland-front',
  partnerAgencies: ['police', 'womens-union'],
  scopePaths: ['25.227.07882', '25.227.07885'],
  startsOn: '2026-04-01',
  endsOn: '2026-12-31',
  reviews: [],
  ...overrides,
});

const activity = (overrides: Partial<ActivityRecord> = {}): ActivityRecord => ({
  kind: 'meeting',
  heldOn: '2026-07-10',
  unitPath: '25.227.07882.01',
  organisingAgency: 'womens-union',
  participants: { total: 40, byGroup: { women: 25, youth: 10 } },
  ...overrides,
});

function violation(run: () => void): CampaignRuleViolation {
  try {
    run();
  } catch (error) {
    if (error instanceof CampaignRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a CampaignRuleViolation');
}

describe('area paths', () => {
  it('finds the deepest common unit of a scope', () => {
    expect(commonAncestor(['25.227.07882', '25.227.07885'])).toBe('25.227');
    expect(commonAncestor(['25.227.07882', '25.227.07882.01'])).toBe('25.227.07882');
    expect(commonAncestor(['25.227', '25.237.08100'])).toBe('25');
    expect(commonAncestor(['25.227', '26.100'])).toBeNull();
  });

  it('a campaign belongs to the common unit of its scope, and refuses scopes in two provinces', () => {
    expect(campaignArea(['25.227.07882'])).toBe('25.227.07882');
    expect(violation(() => campaignArea(['25.227', '26.100'])).field).toBe('scopeUnitCodes');
  });

  it('does not mistake a code prefix for an ancestor', () => {
    expect(pathsOverlap('25.227', '25.2270')).toBe(false);
    expect(pathsOverlap('25', '25.2270')).toBe(true);
  });
});

describe('launching a campaign', () => {
  const plan: CampaignPlan = {
    leadAgency: 'fatherland-front',
    partnerAgencies: ['police', 'sector:culture'],
    scopePaths: ['25.227'],
    startsOn: '2026-04-01',
    endsOn: '2026-12-31',
    goals: [{ measure: 'households-pledged', target: 500 }],
  };

  it('is launched by the agency that will lead it or by the People’s Committee, and directed by the same two', () => {
    expect(() => assertMayLaunch({ leadAgency: 'youth-union' }, 'youth-union')).not.toThrow();
    expect(() => assertMayLaunch({ leadAgency: 'youth-union' }, 'people-committee')).not.toThrow();
    expect(violation(() => assertMayLaunch({ leadAgency: 'youth-union' }, 'police'))).toMatchObject({ field: 'leadAgency', rule: 'not-lead-agency', status: 403 });
    expect(violation(() => assertMayDirect({ leadAgency: 'youth-union' }, 'police'))).toMatchObject({ field: 'authorization', rule: 'not-lead-agency', status: 403 });
    expect(() => assertMayDirect({ leadAgency: 'youth-union' }, 'people-committee')).not.toThrow();
  });

  it('accepts agencies and sectors as partners', () => {
    expect(() => checkPlan(plan)).not.toThrow();
    expect(isParty('sector:education')).toBe(true);
    expect(isParty('ministry')).toBe(false);
  });

  it('refuses a reversed period, a lead listed as partner, a partner twice and two targets for one measure', () => {
    expect(violation(() => checkPlan({ ...plan, endsOn: '2026-03-01' })).field).toBe('endsOn');
    expect(violation(() => checkPlan({ ...plan, partnerAgencies: ['police', 'fatherland-front'] })).field).toBe('partnerAgencies[1]');
    expect(violation(() => checkPlan({ ...plan, partnerAgencies: ['police', 'police'] })).rule).toBe('duplicate-party');
    expect(violation(() => checkPlan({ ...plan, goals: [plan.goals[0]!, plan.goals[0]!] })).field).toBe('goals[1].measure');
  });
});

describe('campaign status', () => {
  it('goes planned → active → closed, and closes only after the final review', () => {
    expect(() => checkTransition(campaign({ status: 'planned' }), 'active', '2026-07-01', now)).not.toThrow();
    expect(violation(() => checkTransition(campaign(), 'closed', '2026-07-15', now)).rule).toBe('final-review-missing');
    expect(() => checkTransition(campaign({ reviews: [{ kind: 'final' }] }), 'closed', '2026-07-15', now)).not.toThrow();
  });

  it('refuses going back, reopening, and activating before the period', () => {
    expect(violation(() => checkTransition(campaign(), 'active', '2026-07-15', now)).status).toBe(409);
    expect(violation(() => checkTransition(campaign({ status: 'closed' }), 'active', '2026-07-15', now)).rule).toBe('invalid-transition');
    expect(violation(() => checkTransition(campaign({ status: 'planned', startsOn: '2026-08-01' }), 'active', '2026-07-15', now)).rule).toBe('before-start');
  });

  it('lets a planned campaign be called off', () => {
    expect(() => checkTransition(campaign({ status: 'planned' }), 'closed', '2026-07-15', now)).not.toThrow();
  });
});

describe('activities', () => {
  it('records one inside the scope (any unit below a scope unit) and period', () => {
    expect(() => checkActivity(campaign(), activity(), now)).not.toThrow();
  });

  it('refuses one outside the scope', () => {
    const refused = violation(() => checkActivity(campaign(), activity({ unitPath: '25.227.07888' }), now));
    expect({ field: refused.field, rule: refused.rule }).toEqual({ field: 'unitCode', rule: 'outside-scope' });
  });

  it('refuses one outside the period, or not yet held', () => {
    expect(violation(() => checkActivity(campaign(), activity({ heldOn: '2026-03-31' }), now)).rule).toBe('outside-period');
    expect(violation(() => checkActivity(campaign({ endsOn: '2027-12-31' }), activity({ heldOn: '2026-07-16' }), now)).rule).toBe('in-future');
  });

  it('refuses one organised by an agency outside the campaign, or while the campaign is not active', () => {
    expect(violation(() => checkActivity(campaign(), activity({ organisingAgency: 'youth-union' }), now)).field).toBe('organisingAgency');
    expect(violation(() => checkActivity(campaign({ status: 'planned' }), activity(), now)).status).toBe(409);
  });

  it('refuses a group larger than the total', () => {
    expect(violation(() => checkActivity(campaign(), activity({ participants: { total: 10, byGroup: { youth: 11 } } }), now)).field).toBe('participants.byGroup.youth');
  });
});

describe('household pledges', () => {
  const pledge = { unitPath: '25.227.07885', households: 120, validFrom: '2026-05-01', validTo: '2027-04-30' };

  it('records a pledge in the scope starting in the period', () => {
    expect(() => checkPledge(campaign(), pledge, [])).not.toThrow();
  });

  it('refuses a unit outside the scope, a start outside the period and an overlapping second pledge', () => {
    expect(violation(() => checkPledge(campaign(), { ...pledge, unitPath: '25.237' }, [])).rule).toBe('outside-scope');
    expect(violation(() => checkPledge(campaign(), { ...pledge, validFrom: '2027-01-01' }, [])).rule).toBe('outside-period');
    expect(violation(() => checkPledge(campaign(), pledge, [{ ...pledge, validFrom: '2026-04-01', validTo: '2026-06-30' }])).rule).toBe('pledge-overlaps');
    expect(() => checkPledge(campaign(), pledge, [{ ...pledge, unitPath: '25.227.07882' }])).not.toThrow();
  });
});

describe('agreements', () => {
  const terms: AgreementTerms = {
    parties: ['police', 'fatherland-front'],
    signedOn: '2026-03-20',
    effectiveFrom: '2026-04-01',
    effectiveTo: '2028-03-31',
    scopePaths: ['25'],
    obligations: [
      { party: 'police', text: 'Hướng dẫn nghiệp vụ' },
      { party: 'fatherland-front', text: 'Vận động nhân dân' },
    ],
  };

  it('is recorded by one of its parties', () => {
    expect(() => checkAgreement(terms, 'police', now)).not.toThrow();
    expect(violation(() => checkAgreement(terms, 'press', now)).status).toBe(403);
  });

  it('has two parties, each bound by an obligation, and takes effect after signing', () => {
    expect(violation(() => checkAgreement({ ...terms, parties: ['police'], obligations: [terms.obligations[0]!] }, 'police', now)).rule).toBe('too-few-parties');
    expect(violation(() => checkAgreement({ ...terms, obligations: [terms.obligations[0]!] }, 'police', now)).rule).toBe('party-without-obligation');
    expect(violation(() => checkAgreement({ ...terms, obligations: [...terms.obligations, { party: 'court', text: 'x' }] }, 'police', now)).field).toBe('obligations[2].party');
    expect(violation(() => checkAgreement({ ...terms, effectiveFrom: '2026-03-01' }, 'police', now)).field).toBe('effectiveFrom');
  });

  it('is linked to a campaign whose lead signed it and while it is in force', () => {
    const agreement = { parties: terms.parties, effectiveFrom: terms.effectiveFrom, effectiveTo: terms.effectiveTo };
    expect(() => checkAgreementLink(campaign(), agreement, false)).not.toThrow();
    expect(violation(() => checkAgreementLink(campaign({ leadAgency: 'youth-union' }), agreement, false)).rule).toBe('lead-not-party');
    expect(violation(() => checkAgreementLink(campaign(), { ...agreement, effectiveFrom: '2027-01-01' }, false)).rule).toBe('agreement-not-in-force');
    expect(violation(() => checkAgreementLink(campaign(), agreement, true)).status).toBe(409);
  });
});

describe('reviews', () => {
  it('takes interim reviews while running and one final review', () => {
    expect(() => checkCampaignReview(campaign(), 'interim', '2026-07-01', now)).not.toThrow();
    expect(violation(() => checkCampaignReview(campaign({ reviews: [{ kind: 'final' }] }), 'interim', '2026-07-01', now)).rule).toBe('final-review-exists');
    expect(violation(() => checkCampaignReview(campaign({ status: 'planned' }), 'interim', '2026-07-01', now)).rule).toBe('not-active');
    expect(violation(() => checkCampaignReview(campaign({ endsOn: '2026-06-30' }), 'interim', '2026-07-01', now)).rule).toBe('interim-after-end');
  });
});

describe('stories and commendations', () => {
  it('a story about a model names the model; about a person, the person', () => {
    expect(() => checkStory({ publishedOn: '2026-07-01', about: { kind: 'model', name: null, modelId: 'm-1' } }, now)).not.toThrow();
    expect(violation(() => checkStory({ publishedOn: '2026-07-01', about: { kind: 'model', name: null, modelId: null } }, now)).field).toBe('about.modelId');
    expect(violation(() => checkStory({ publishedOn: '2026-07-01', about: { kind: 'person', name: ' ', modelId: null } }, now)).field).toBe('about.name');
  });

  it('a commendation is awarded at the issuer’s level or below', () => {
    const commendation = { level: 'district' as const, recipient: { kind: 'person' as const, name: 'Bà Nguyễn Thị Lan' }, awardedOn: '2026-07-10' };
    expect(() => checkCommendation(commendation, 'province', now)).not.toThrow();
    expect(() => checkCommendation(commendation, 'district', now)).not.toThrow();
    expect(violation(() => checkCommendation(commendation, 'commune', now)).field).toBe('level');
    expect(violation(() => checkCommendation({ ...commendation, recipient: { kind: 'collective', name: null } }, 'province', now)).field).toBe('recipient.name');
  });
});

describe('progress', () => {
  const facts = {
    activities: [
      { kind: 'meeting' as const, participantsTotal: 40 },
      { kind: 'meeting' as const, participantsTotal: 30 },
      { kind: 'training' as const, participantsTotal: 25 },
    ],
    pledgedHouseholds: [120, 80],
    storiesPublished: 1,
  };

  it('computes each goal from what was recorded, against the share of the period gone by', () => {
    const progress = computeProgress(
      {
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        goals: [
          { measure: 'households-pledged', target: 400 },
          { measure: 'meetings-held', target: 2 },
          { measure: 'people-trained', target: 100 },
          { measure: 'participants', target: 95 },
        ],
      },
      facts,
      '2026-07-01',
    );
    expect(progress.elapsedShare).toBeCloseTo(182 / 365, 4);
    expect(progress.goals.map(({ measure, achieved, met, onTrack }) => ({ measure, achieved, met, onTrack }))).toEqual([
      { measure: 'households-pledged', achieved: 200, met: false, onTrack: true },
      { measure: 'meetings-held', achieved: 2, met: true, onTrack: true },
      { measure: 'people-trained', achieved: 25, met: false, onTrack: false },
      { measure: 'participants', achieved: 95, met: true, onTrack: true },
    ]);
    expect(progress.goalsMet).toBe(2);
  });

  it('counts no time before the start and all of it after the end', () => {
    expect(elapsedShare('2026-01-01', '2026-12-31', '2025-12-31')).toBe(0);
    expect(elapsedShare('2026-01-01', '2026-12-31', '2027-01-01')).toBe(1);
  });
});

describe('text', () => {
  it('stores NFC', () => {
    expect(normaliseText('  Xo\u0301m  la\u0300ng bi\u0300nh yên ')).toBe('Xóm làng bình yên');
  });
});
