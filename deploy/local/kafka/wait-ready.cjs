// Exits 0 once the broker answers a metadata request (describeCluster), 1 on timeout.
// Usage: node wait-ready.cjs 127.0.0.1:19092 [timeoutSeconds]
const { Kafka, logLevel } = require('kafkajs');

const [brokers = '127.0.0.1:19092', timeoutSeconds = '60'] = process.argv.slice(2);
const deadline = Date.now() + Number(timeoutSeconds) * 1000;

async function probe() {
  const admin = new Kafka({ clientId: 'wait-ready', brokers: brokers.split(','), logLevel: logLevel.NOTHING, connectionTimeout: 1000, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

(async () => {
  while (Date.now() < deadline) {
    if (await probe()) process.exit(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.exit(1);
})();
