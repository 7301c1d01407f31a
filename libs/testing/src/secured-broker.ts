import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes, type KafkaConfig } from 'kafkajs';
import { findFreePort, runKafkaTool, startBroker, type RunningBroker } from './kafka-broker';
import { makeTlsMaterial, type TlsMaterial } from './tls-material';

/** An ACL entry: ALLOW `operation` on a topic or group (its exact name, or every name it begins). */
export interface Grant {
  user: string;
  resource: 'topic' | 'group';
  name: string;
  pattern: 'literal' | 'prefixed';
  operation: 'all' | 'read';
}

/** How a test client connects to the SASL_SSL listener; every default is the right thing. */
export interface SecuredClientOptions {
  user: string;
  password: string;
  /** Which CA the client trusts: the test CA (default), a stranger's, or no TLS at all. */
  trust?: 'test-ca' | 'stranger-ca' | 'no-tls';
  /** Collects kafkajs's debug log lines here (it keeps the broker's reasons there). */
  debugLog?: string[];
}

export interface SecuredBroker {
  broker: RunningBroker;
  /** `127.0.0.1:<port>` of the SASL_SSL listener. */
  secureAddress: string;
  tls: TlsMaterial;
  /** A SCRAM-SHA-512 user, made through the admin API (Kafka's own kafka-configs tool). */
  createUser(user: string, password: string): Promise<void>;
  allow(grants: Grant[]): Promise<void>;
  /** Creates a topic as the super user (the loopback PLAINTEXT listener). */
  createTopic(topic: string): Promise<void>;
  listTopics(): Promise<string[]>;
  client(options: SecuredClientOptions, overrides?: Partial<KafkaConfig>): Kafka;
  stop(): Promise<void>;
}

/**
 * A broker with a SASL_SSL listener (SCRAM-SHA-512, certificates made by openssl for this run) and the
 * StandardAuthorizer denying what no ACL allows. Its loopback PLAINTEXT listener serves the controller
 * and the test's set-up as ANONYMOUS, the only super user (ADR 0035).
 */
export async function startSecuredBroker(): Promise<SecuredBroker> {
  const tls = await makeTlsMaterial();
  const [port, controllerPort, securePort] = [await findFreePort(), await findFreePort(), await findFreePort()];
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
  const broker = await startBroker({ port, controllerPort, fresh: true, extraConfig });
  const superUser = new Kafka({ clientId: 'secured-broker-setup', brokers: broker.brokers, logLevel: logLevel.NOTHING });
  const asSuperUser = async <T>(work: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> => {
    const admin = superUser.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  };
  // The group coordinator's topic, made by the super user as a running cluster already has it:
  // auto-created on a first FindCoordinator, it would be created with the asking client's rights.
  await asSuperUser((admin) => admin.describeGroups(['secured-broker-setup']));

  const secureAddress = `127.0.0.1:${securePort}`;
  return {
    broker,
    secureAddress,
    tls,
    async createUser(user, password) {
      await runKafkaTool('kafka.admin.ConfigCommand', [
        '--bootstrap-server', broker.brokers[0]!, '--alter', '--entity-type', 'users', '--entity-name', user,
        '--add-config', `SCRAM-SHA-512=[iterations=8192,password=${password}]`,
      ]);
    },
    allow: (grants) =>
      asSuperUser((admin) =>
        admin.createAcls({
          acl: grants.map((grant) => ({
            resourceType: grant.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
            resourceName: grant.name,
            resourcePatternType: grant.pattern === 'prefixed' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
            principal: `User:${grant.user}`,
            host: '*',
            operation: grant.operation === 'all' ? AclOperationTypes.ALL : AclOperationTypes.READ,
            permissionType: AclPermissionTypes.ALLOW,
          })),
        }),
      ).then(() => undefined),
    createTopic: (topic) => asSuperUser((admin) => admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] })).then(() => undefined),
    listTopics: () => asSuperUser((admin) => admin.listTopics()),
    client({ user, password, trust = 'test-ca', debugLog }, overrides = {}) {
      const ca = trust === 'no-tls' ? undefined : readFileSync(trust === 'test-ca' ? tls.caFile : tls.strangerCaFile, 'utf8');
      return new Kafka({
        clientId: `secured-${user}`,
        brokers: [secureAddress],
        connectionTimeout: 3_000,
        authenticationTimeout: 5_000,
        retry: { retries: 1, initialRetryTime: 100 },
        ssl: ca ? { ca, rejectUnauthorized: true } : false,
        sasl: { mechanism: 'scram-sha-512', username: user, password },
        ...(debugLog
          ? { logLevel: logLevel.DEBUG, logCreator: () => ({ log }) => void debugLog.push(`${log.message} ${String((log as Record<string, unknown>)['error'] ?? '')}`) }
          : { logLevel: logLevel.NOTHING }),
        ...overrides,
      });
    },
    async stop() {
      await broker.stop();
      rmSync(tls.dir, { recursive: true, force: true });
    },
  };
}
