import { topicFor, type EventEnvelope } from '@binh-yen/contracts';
import { readTopic, waitFor, type RawMessage } from '@binh-yen/testing';
import { activityBody, agreementBody, launchBody, launchedCampaign } from './campaign-fixtures';
import { callers, CampaignsUnderTest, day, type Json } from './campaigns-harness';

function decoded(messages: RawMessage[]): EventEnvelope<Json>[] {
  return messages.map((message) => JSON.parse(message.value!.toString('utf8')) as EventEnvelope<Json>);
}

describe('a campaign run end to end, its events read back from the topics', () => {
  const campaigns = new CampaignsUnderTest();

  beforeAll(async () => {
    await campaigns.start();
    await campaigns.seedUnits();
  });

  afterAll(() => campaigns.stop());

  it('launch, agreement, activities, pledges, story, commendation, interim and final review, close', async () => {
    const ok = (response: { status: number; body: Json }, status: number): Json => {
      if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    };

    // The police and the Front sign the province's agreement; the Front of Việt Trì launches a campaign under it.
    const agreement = ok(await campaigns.call('POST', '/api/v1/agreements', agreementBody(), { caller: callers.policeProvince }), 201);
    let campaign = ok(await campaigns.call('POST', '/api/v1/campaigns', launchBody({ goals: [...(launchBody()['goals'] as Json[]), { measure: 'stories-published', target: 1 }] })), 201);
    const path = `/api/v1/campaigns/${campaign.id}`;
    campaign = ok(await campaigns.call('POST', `${path}/agreements`, { agreementId: agreement.id }, { headers: { 'if-match': `"${campaign.version}"` } }), 200);
    campaign = ok(await campaigns.call('POST', `${path}/status`, { status: 'active', on: day(-59) }, { headers: { 'if-match': `"${campaign.version}"` } }), 200);

    // Work in the wards: two meetings, a training of the commune police, pledges of the households.
    ok(await campaigns.call('POST', `${path}/activities`, activityBody(), { caller: callers.womenDuuLau }), 201);
    ok(await campaigns.call('POST', `${path}/activities`, activityBody({ unitCode: '07885', organisingAgency: 'fatherland-front', heldOn: day(-20), participants: { total: 60, byGroup: { veterans: 12 } } })), 201);
    ok(await campaigns.call('POST', `${path}/activities`, activityBody({ kind: 'training', unitCode: '07885', organisingAgency: 'police', heldOn: day(-15), participants: { total: 55, byGroup: {} }, notes: 'Tập huấn nghiệp vụ cho tổ an ninh nhân dân' }), { caller: callers.policeProvince }), 201);
    const pledge = { unitCode: '07882', households: 180, validFrom: day(-40), validTo: day(325) };
    const headers = { 'idempotency-key': 'pledge-duu-lau-2026' };
    const first = ok(await campaigns.call('POST', `${path}/pledges`, pledge, { caller: callers.womenDuuLau, headers }), 201);
    const retried = ok(await campaigns.call('POST', `${path}/pledges`, pledge, { caller: callers.womenDuuLau, headers }), 201);
    expect(retried.id).toBe(first.id);
    ok(await campaigns.call('POST', `${path}/pledges`, { unitCode: '07885', households: 150, validFrom: day(-30), validTo: day(335) }), 201);

    // The press tells of a good person; the province commends her.
    const story = ok(await campaigns.call('POST', '/api/v1/stories', {
      outlet: { name: 'Báo Phú Thọ', kind: 'newspaper' },
      publishedOn: day(-8),
      title: 'Người phụ nữ giữ bình yên cho khu phố Dữu Lâu',
      link: 'https://baophutho.vn/nguoi-phu-nu-giu-binh-yen.htm',
      about: { kind: 'person', name: 'Bà Nguyễn Thị Lan, tổ trưởng tổ an ninh khu 1' },
      unitCode: '0788201',
      campaignId: campaign.id,
    }, { caller: callers.press }), 201);
    const commendation = ok(await campaigns.call('POST', '/api/v1/commendations', {
      recipient: { kind: 'person', name: 'Bà Nguyễn Thị Lan', unitCode: '0788201' },
      level: 'province',
      reason: 'Có thành tích xuất sắc trong phong trào toàn dân bảo vệ an ninh Tổ quốc',
      awardedOn: day(-2),
      campaignId: campaign.id,
      storyId: story.id,
    }, { caller: callers.committeeProvince }), 201);

    // Sơ kết halfway, tổng kết at the end, then the campaign closes.
    const interim = ok(await campaigns.call('POST', `${path}/reviews`, { kind: 'interim', reviewedOn: day(-12), outcome: 'partly-achieved', lessons: 'Cần đẩy mạnh ký cam kết ở Vân Cơ', recommendedModelIds: [] }, { caller: callers.policeProvince }), 201);
    expect(interim.progress.find((goal: Json) => goal.measure === 'households-pledged')).toMatchObject({ achieved: 330, met: true });
    const modelId = '0199a1b2-0000-7000-8000-000000000001';
    ok(await campaigns.call('POST', `${path}/reviews`, { kind: 'final', reviewedOn: day(0), outcome: 'achieved', lessons: 'Phối hợp liên tịch chặt chẽ; nhân rộng tổ an ninh tự quản', recommendedModelIds: [modelId] }), 201);
    const again = await campaigns.call('POST', `${path}/reviews`, { kind: 'interim', reviewedOn: day(0), outcome: 'achieved', lessons: '', recommendedModelIds: [] });
    expect(again.status).toBe(409);
    campaign = ok(await campaigns.call('POST', `${path}/status`, { status: 'closed', on: day(0), note: 'Tổng kết xong' }, { headers: { 'if-match': `"${campaign.version}"` } }), 200);
    expect(campaign).toMatchObject({ status: 'closed', closedOn: day(0), agreementIds: [agreement.id] });

    // Progress against its goals, computed from what was recorded.
    const progress = ok(await campaigns.call('GET', `${path}/progress`, undefined, { caller: callers.analyst }), 200);
    expect(progress).toMatchObject({ asOf: day(0), activities: 3, participants: 160, householdsPledged: 330, storiesPublished: 1, goalsMet: 4 });
    expect(progress.goals.map(({ measure, target, achieved, met }: Json) => ({ measure, target, achieved, met }))).toEqual([
      { measure: 'households-pledged', target: 300, achieved: 330, met: true },
      { measure: 'meetings-held', target: 2, achieved: 2, met: true },
      { measure: 'people-trained', target: 50, achieved: 55, met: true },
      { measure: 'stories-published', target: 1, achieved: 1, met: true },
    ]);
    const reviews = ok(await campaigns.call('GET', `${path}/reviews`), 200);
    expect(reviews.map((review: Json) => review.kind)).toEqual(['interim', 'final']);
    expect(reviews[1].recommendedModelIds).toEqual([modelId]);

    // The campaign's events, in order on its partition, numbered 1..n, each where it happened.
    const expectedTypes = [
      'campaign.launched',
      'campaign.agreement-linked',
      'campaign.activated',
      'campaign.activity-recorded',
      'campaign.activity-recorded',
      'campaign.activity-recorded',
      'campaign.pledge-recorded',
      'campaign.pledge-recorded',
      'campaign.reviewed',
      'campaign.reviewed',
      'campaign.closed',
    ];
    const topic = topicFor('campaign', campaigns.topicPrefix);
    const events = await waitFor(
      async () => decoded((await readTopic(topic)).filter((message) => message.key === campaign.id)),
      (found) => found.length >= expectedTypes.length,
      { timeoutMs: 30_000, description: 'the campaign events on the topic' },
    );
    expect(events.map((event) => event.type)).toEqual(expectedTypes);
    expect(events.map((event) => event.sequence)).toEqual(expectedTypes.map((_type, index) => index + 1));
    expect(events.map((event) => event.area)).toEqual([
      '25.227', '25.227', '25.227',
      '25.227.07882.0788201', '25.227.07885', '25.227.07885',
      '25.227.07882', '25.227.07885',
      '25.227', '25.227', '25.227',
    ]);
    expect(events[0]!.data).toMatchObject({ campaignId: campaign.id, leadAgency: 'fatherland-front', status: 'planned', scope: [{ code: '07882' }, { code: '07885' }] });
    expect(events[3]!.actor).toEqual({ agency: 'womens-union', subject: callers.womenDuuLau.subject });
    expect(events[9]!.data).toMatchObject({ kind: 'final', recommendedModelIds: [modelId] });

    const agreementEvents = await waitFor(async () => decoded(await readTopic(topicFor('agreement', campaigns.topicPrefix))), (found) => found.length >= 1);
    expect(agreementEvents.map((event) => [event.type, event.aggregate.id, event.area])).toEqual([['agreement.signed', agreement.id, '25']]);
    const recognition = await waitFor(async () => decoded(await readTopic(topicFor('recognition', campaigns.topicPrefix))), (found) => found.length >= 2);
    expect(recognition.map((event) => [event.type, event.aggregate.id, event.area]).sort()).toEqual(
      [
        ['commendation.awarded', commendation.id, '25.227.07882.0788201'],
        ['story.published', story.id, '25.227.07882.0788201'],
      ].sort(),
    );
  });

  it('keeps a review’s figures as of its own date, whatever was recorded later or held after it', async () => {
    const campaign = await launchedCampaign(campaigns, {
      goals: [
        { measure: 'activities-held', target: 12 },
        { measure: 'participants', target: 500 },
        { measure: 'households-pledged', target: 600 },
        { measure: 'meetings-held', target: 6 },
        { measure: 'stories-published', target: 3 },
      ],
    });
    const path = `/api/v1/campaigns/${campaign.id}`;
    const created = (response: { status: number; body: Json }): Json => {
      if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body;
    };
    // Held before the review's day (-20), and after it: the later ones are keyed in first, as happens.
    for (const [heldOn, total, kind] of [[-30, 40, 'meeting'], [-20, 35, 'meeting'], [-12, 50, 'meeting'], [-5, 60, 'patrol']] as const) {
      created(await campaigns.call('POST', `${path}/activities`, activityBody({ kind, heldOn: day(heldOn), participants: { total, byGroup: {} } }), { caller: callers.womenDuuLau }));
    }
    created(await campaigns.call('POST', `${path}/pledges`, { unitCode: '07882', households: 180, validFrom: day(-25), validTo: day(300) }, { caller: callers.womenDuuLau }));
    created(await campaigns.call('POST', `${path}/pledges`, { unitCode: '07885', households: 150, validFrom: day(-8), validTo: day(300) }));
    for (const publishedOn of [-21, -3]) {
      created(await campaigns.call('POST', '/api/v1/stories', {
        outlet: { name: 'Báo Phú Thọ', kind: 'newspaper' },
        publishedOn: day(publishedOn),
        title: `Khu phố bình yên (${publishedOn})`,
        link: null,
        about: { kind: 'collective', name: 'Tổ an ninh nhân dân khu 1' },
        unitCode: '07882',
        campaignId: campaign.id,
      }, { caller: callers.press }));
    }

    const review = created(await campaigns.call('POST', `${path}/reviews`, { kind: 'interim', reviewedOn: day(-20), outcome: 'partly-achieved', lessons: 'Sơ kết giữa kỳ', recommendedModelIds: [] }));
    const asOfReview = { 'activities-held': 2, participants: 75, 'households-pledged': 180, 'meetings-held': 2, 'stories-published': 1 };
    const achieved = (goals: Json[]): Record<string, number> => Object.fromEntries(goals.map((goal) => [goal.measure, goal.achieved]));
    expect(achieved(review.progress)).toEqual(asOfReview);
    expect(achieved((await campaigns.call('GET', `${path}/reviews`)).body[0].progress)).toEqual(asOfReview);
    const event = await waitFor(
      async () => decoded((await readTopic(topicFor('campaign', campaigns.topicPrefix))).filter((message) => message.key === campaign.id)).find((candidate) => candidate.type === 'campaign.reviewed'),
      (found) => found !== undefined,
      { timeoutMs: 30_000, description: 'the review on the topic' },
    );
    expect(Object.fromEntries(event!.data.progress.map((goal: Json) => [goal.measure, goal.achieved]))).toEqual(asOfReview);
    // Today's progress counts everything held up to today.
    const today = (await campaigns.call('GET', `${path}/progress`, undefined, { caller: callers.analyst })).body;
    expect(achieved(today.goals)).toEqual({ 'activities-held': 4, participants: 185, 'households-pledged': 330, 'meetings-held': 3, 'stories-published': 2 });
  });
});
