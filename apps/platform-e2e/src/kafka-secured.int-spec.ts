import { randomBytes } from 'node:crypto';
import { topicFor } from '@binh-yen/contracts';
import {
  bearer,
  createTestDatabase,
  serviceEnv,
  startSecuredBroker,
  startServiceProcess,
  uniqueTopicPrefix,
  waitFor,
  type SecuredBroker,
  type ServiceProcess,
  type TestDatabase,
} from '@binh-yen/testing';

const SERVICE_USER = 'binhyen-units';
const PARTNER_USER = 'partner-procuracy';
const registrar: Parameters<typeof bearer>[0] = { subject: 'kafka-secured-registrar', agency: 'people-committee', roles: ['officer'], area: '25' };

/**
 * ADR 0035: the services reach a broker over TLS with SASL/SCRAM-SHA-512 (KAFKA_SSL_*, KAFKA_SASL_*),
 * and another agency's system reads only the topics it was granted (StandardAuthorizer ACLs). This
 * file runs its own broker: a SASL_SSL listener with certificates made by openssl at test time, SCRAM
 * users created through the admin API (kafka.admin.ConfigCommand), and a loopback PLAINTEXT listener
 * for the controller and this test's set-up (its ANONYMOUS principal is the only super user).
 */
describe('Kafka over SASL_SSL: SCRAM-SHA-512, TLS checked, ACLs per agency', () => {
  const prefix = uniqueTopicPrefix();
  const unitTopic = topicFor('unit', prefix);
  const incidentTopic = topicFor('incident', prefix);
  const passwords = { [SERVICE_USER]: randomBytes(12).toString('hex'), [PARTNER_USER]: randomBytes(12).toString('hex') };
  let secured: SecuredBroker;
  let database: TestDatabase;
  let units: ServiceProcess | undefined;
  const partner = (debugLog?: string[]) => secured.client({ user: PARTNER_USER, password: passwords[PARTNER_USER], ...(debugLog ? { debugLog } : {}) });

  beforeAll(async () => {
    secured = await startSecuredBroker();
    for (const [user, password] of Object.entries(passwords)) await secured.createUser(user, password);
    // Another agency's topic that exists but was never granted to the partner.
    await secured.createTopic(incidentTopic);
    await secured.allow([
      // The service: everything on its environment's topics and groups (create, write, read, describe).
      { user: SERVICE_USER, resource: 'topic', name: prefix, pattern: 'prefixed', operation: 'all' },
      { user: SERVICE_USER, resource: 'group', name: prefix, pattern: 'prefixed', operation: 'all' },
      // The partner agency: read the units topic only, in groups named after itself.
      { user: PARTNER_USER, resource: 'topic', name: unitTopic, pattern: 'literal', operation: 'read' },
      { user: PARTNER_USER, resource: 'group', name: `${PARTNER_USER}.`, pattern: 'prefixed', operation: 'read' },
    ]);
    database = await createTestDatabase('units');
  }, 180_000);

  afterAll(async () => {
    await units?.stop();
    await database?.drop();
    await secured?.stop();
  }, 60_000);

  it('the units service provisions its topics and publishes over SASL_SSL; the partner reads the event', async () => {
    units = await startServiceProcess({
      service: 'units',
      label: 'kafka-secured-units',
      env: serviceEnv(database.url, prefix, {
        KAFKA_BROKERS: secured.secureAddress,
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: secured.tls.caFile,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: SERVICE_USER,
        KAFKA_SASL_PASSWORD: passwords[SERVICE_USER],
      }),
    });
    const response = await fetch(`${units.url}/api/v1/units`, {
      method: 'POST',
      headers: { authorization: await bearer(registrar), 'content-type': 'application/json' },
      body: JSON.stringify({ code: '25', name: 'Tỉnh Phú Thọ', kind: 'province', subkind: 'province', effectiveFrom: '1998-01-01' }),
    });
    expect(response.status).toBe(201);
    // The service provisions its topics over SASL_SSL in the background after it answers ready.
    await waitFor(() => secured.listTopics(), (topics) => topics.includes(unitTopic), { timeoutMs: 30_000, description: `${unitTopic} created by the service` });

    const consumer = partner().consumer({ groupId: `${PARTNER_USER}.audit`, sessionTimeout: 6_000, heartbeatInterval: 500 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: unitTopic, fromBeginning: true });
      const event = await new Promise<{ type: string; data: { code: string } }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event on the units topic within 30 s')), 30_000);
        void consumer
          .run({
            eachMessage: async ({ message }) => {
              clearTimeout(timer);
              resolve(JSON.parse(String(message.value)) as { type: string; data: { code: string } });
            },
          })
          .catch(reject);
      });
      expect(event).toMatchObject({ type: 'unit.registered', data: { code: '25' } });
    } finally {
      await consumer.disconnect();
    }
  }, 120_000);

  it('the partner may not read a topic it was not granted, nor write the one it reads, nor use another group', async () => {
    const consumer = partner().consumer({ groupId: `${PARTNER_USER}.curious` });
    await consumer.connect();
    try {
      await expect(consumer.subscribe({ topic: incidentTopic, fromBeginning: true })).rejects.toThrow(/authoriz/i);
    } finally {
      await consumer.disconnect();
    }
    const producer = partner().producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      await expect(producer.send({ topic: unitTopic, acks: -1, messages: [{ key: 'x', value: '{}' }] })).rejects.toThrow(/authoriz/i);
    } finally {
      await producer.disconnect();
    }
    // kafkajs reports a refused FindCoordinator (GROUP_AUTHORIZATION_FAILED) only as "Failed to find
    // group coordinator"; its debug log keeps the broker's reason.
    const logged: string[] = [];
    const stranger = partner(logged).consumer({ groupId: `${prefix}reporting.movement.v1`, retry: { retries: 0 } });
    await stranger.connect();
    try {
      await stranger.subscribe({ topic: unitTopic, fromBeginning: true });
      await expect(
        new Promise<void>((resolve, reject) => {
          stranger.on(stranger.events.CRASH, (event) => reject(event.payload.error));
          void stranger.run({ eachMessage: async () => resolve() }).catch(reject);
        }),
      ).rejects.toThrow(/group coordinator/i);
      expect(logged.some((line) => /Not authorized to access group/i.test(line))).toBe(true);
    } finally {
      await stranger.disconnect();
    }
  }, 60_000);

  it('refuses a wrong password, a broker certificate from an untrusted CA, and a client without TLS', async () => {
    const connects = async (kafka: ReturnType<SecuredBroker['client']>): Promise<void> => {
      const admin = kafka.admin({ retry: { retries: 0 } });
      try {
        await admin.connect();
        await admin.listTopics();
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    };
    await expect(connects(secured.client({ user: PARTNER_USER, password: 'not-the-password' }))).rejects.toThrow(/authentication|SASL/i);
    await expect(connects(secured.client({ user: PARTNER_USER, password: passwords[PARTNER_USER], trust: 'stranger-ca' }))).rejects.toThrow(/certificate/i);
    await expect(connects(secured.client({ user: PARTNER_USER, password: passwords[PARTNER_USER], trust: 'no-tls' }, { connectionTimeout: 1_000, authenticationTimeout: 2_000, requestTimeout: 3_000 }))).rejects.toThrow();
  }, 60_000);
});
