import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { topicFor } from '@binh-yen/contracts';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes, type KafkaConfig } from 'kafkajs';
import {
  bearer,
  createTestDatabase,
  findFreePort,
  makeTlsMaterial,
  runKafkaTool,
  serviceEnv,
  startBroker,
  startServiceProcess,
  uniqueTopicPrefix,
  waitFor,
  type RunningBroker,
  type ServiceProcess,
  type TestDatabase,
  type TlsMaterial,
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
  let tls: TlsMaterial;
  let broker: RunningBroker;
  let securePort: number;
  let database: TestDatabase;
  let units: ServiceProcess | undefined;

  const plaintext = (): Kafka => new Kafka({ clientId: 'kafka-secured-setup', brokers: broker.brokers, logLevel: logLevel.NOTHING });
  const secured = (overrides: Partial<KafkaConfig> = {}): Kafka =>
    new Kafka({
      clientId: 'kafka-secured-client',
      brokers: [`127.0.0.1:${securePort}`],
      logLevel: logLevel.NOTHING,
      connectionTimeout: 3_000,
      authenticationTimeout: 5_000,
      retry: { retries: 1, initialRetryTime: 100 },
      ssl: { ca: readFileSync(tls.caFile, 'utf8'), rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: PARTNER_USER, password: passwords[PARTNER_USER] },
      ...overrides,
    });

  beforeAll(async () => {
    tls = await makeTlsMaterial();
    const [port, controllerPort] = [await findFreePort(), await findFreePort()];
    securePort = await findFreePort();
    const extraConfig = join(tls.dir, 'secured.properties');
    writeFileSync(
      extraConfig,
      [
        `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort},SASL_SSL://127.0.0.1:${securePort}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${port},SASL_SSL://127.0.0.1:${securePort}`,
        'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL',
        'sasl.enabled.mechanisms=SCRAM-SHA-512',
        'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
        'listener.name.sasl_ssl.ssl.keystore.type=PEM',
        `listener.name.sasl_ssl.ssl.keystore.location=${tls.brokerKeystoreFile}`,
        'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        'allow.everyone.if.no.acl.found=false',
        'super.users=User:ANONYMOUS',
      ].join('\n') + '\n',
    );
    broker = await startBroker({ port, controllerPort, fresh: true, extraConfig });
    for (const [user, password] of Object.entries(passwords)) {
      await runKafkaTool('kafka.admin.ConfigCommand', [
        '--bootstrap-server', broker.brokers[0]!, '--alter', '--entity-type', 'users', '--entity-name', user,
        '--add-config', `SCRAM-SHA-512=[iterations=8192,password=${password}]`,
      ]);
    }
    const admin = plaintext().admin();
    await admin.connect();
    try {
      // The group coordinator's topic, made by the super user as a running cluster already has it:
      // auto-created on a first FindCoordinator it would be created with the asking client's rights.
      await admin.describeGroups(['kafka-secured-setup']);
      // Another agency's topic that exists but was never granted to the partner.
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: incidentTopic, numPartitions: 1, replicationFactor: 1 }] });
      const allow = (principal: string, resourceType: AclResourceTypes, resourceName: string, resourcePatternType: ResourcePatternTypes, operation: AclOperationTypes) => ({
        resourceType, resourceName, resourcePatternType, principal: `User:${principal}`, host: '*', operation, permissionType: AclPermissionTypes.ALLOW,
      });
      await admin.createAcls({
        acl: [
          // The service: everything on its environment's topics and groups (create, write, read, describe).
          allow(SERVICE_USER, AclResourceTypes.TOPIC, prefix, ResourcePatternTypes.PREFIXED, AclOperationTypes.ALL),
          allow(SERVICE_USER, AclResourceTypes.GROUP, prefix, ResourcePatternTypes.PREFIXED, AclOperationTypes.ALL),
          // The partner agency: read the units topic only, in groups named after itself.
          allow(PARTNER_USER, AclResourceTypes.TOPIC, unitTopic, ResourcePatternTypes.LITERAL, AclOperationTypes.READ),
          allow(PARTNER_USER, AclResourceTypes.GROUP, `${PARTNER_USER}.`, ResourcePatternTypes.PREFIXED, AclOperationTypes.READ),
        ],
      });
    } finally {
      await admin.disconnect();
    }
    database = await createTestDatabase('units');
  }, 180_000);

  afterAll(async () => {
    await units?.stop();
    await database?.drop();
    await broker?.stop();
    if (tls) rmSync(tls.dir, { recursive: true, force: true });
  }, 60_000);

  it('the units service provisions its topics and publishes over SASL_SSL; the partner reads the event', async () => {
    units = await startServiceProcess({
      service: 'units',
      label: 'kafka-secured-units',
      env: serviceEnv(database.url, prefix, {
        KAFKA_BROKERS: `127.0.0.1:${securePort}`,
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: tls.caFile,
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
    const admin = plaintext().admin();
    await admin.connect();
    try {
      await waitFor(() => admin.listTopics(), (topics) => topics.includes(unitTopic), { timeoutMs: 30_000, description: `${unitTopic} created by the service` });
    } finally {
      await admin.disconnect();
    }

    const consumer = secured().consumer({ groupId: `${PARTNER_USER}.audit`, sessionTimeout: 6_000, heartbeatInterval: 500 });
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

  it('the partner may not read a topic it was not granted, nor write the one it reads', async () => {
    const consumer = secured().consumer({ groupId: `${PARTNER_USER}.curious` });
    await consumer.connect();
    try {
      await expect(consumer.subscribe({ topic: incidentTopic, fromBeginning: true })).rejects.toThrow(/authoriz/i);
    } finally {
      await consumer.disconnect();
    }
    const producer = secured().producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      await expect(producer.send({ topic: unitTopic, acks: -1, messages: [{ key: 'x', value: '{}' }] })).rejects.toThrow(/authoriz/i);
    } finally {
      await producer.disconnect();
    }
    // A group outside its own names is refused too. kafkajs reports the refused FindCoordinator
    // (GROUP_AUTHORIZATION_FAILED) only as "Failed to find group coordinator"; its debug log keeps why.
    const logged: string[] = [];
    const stranger = secured({ logLevel: logLevel.DEBUG, logCreator: () => ({ log }) => void logged.push(`${log.message} ${String(log['error'] ?? '')}`) }).consumer({
      groupId: `${prefix}reporting.movement.v1`,
      retry: { retries: 0 },
    });
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
    const connects = async (kafka: Kafka): Promise<void> => {
      const admin = kafka.admin({ retry: { retries: 0 } });
      try {
        await admin.connect();
        await admin.listTopics();
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    };
    await expect(connects(secured({ sasl: { mechanism: 'scram-sha-512', username: PARTNER_USER, password: 'not-the-password' } }))).rejects.toThrow(/authentication|SASL/i);
    await expect(connects(secured({ ssl: { ca: readFileSync(tls.strangerCaFile, 'utf8'), rejectUnauthorized: true } }))).rejects.toThrow(/certificate/i);
    await expect(connects(secured({ ssl: false, connectionTimeout: 1_000, authenticationTimeout: 2_000, requestTimeout: 3_000 }))).rejects.toThrow();
  }, 60_000);
});
