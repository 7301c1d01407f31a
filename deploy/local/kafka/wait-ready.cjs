// Waits until a Kafka broker really answers: an admin client connects and
// describeCluster() lists a broker (an open port alone is not enough).
// Usage: node wait-ready.cjs <brokers> [timeoutSeconds=60] [pid]
//   brokers  e.g. 127.0.0.1:19092 (comma-separated for several)
//   pid      optional: give up at once if this process dies (a broker that failed to start)
//   KAFKA_EXPECT_BROKERS=3  ready only once the cluster lists that many brokers (a cluster's start)
// Exit code: 0 ready, 1 timeout (or the process died), 2 bad arguments.
'use strict';

const fs = require('node:fs');
const { Kafka, logLevel } = require('kafkajs');

const [brokersArg, timeoutArg = '60', pidArg] = process.argv.slice(2);
const timeoutSeconds = Number(timeoutArg);
if (!brokersArg || !Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || (pidArg !== undefined && !/^\d+$/.test(pidArg))) {
  process.stderr.write('usage: node wait-ready.cjs <host:port[,host:port]> [timeoutSeconds] [pid]\n');
  process.exit(2);
}
const brokers = brokersArg.split(',');
const pid = pidArg === undefined ? undefined : Number(pidArg);
const deadline = Date.now() + timeoutSeconds * 1000;
const expectedBrokers = Number(process.env.KAFKA_EXPECT_BROKERS || '1');

// A hard stop, even if a probe hangs on a broker that accepts connections but never answers.
setTimeout(() => process.exit(1), timeoutSeconds * 1000 + 500).unref();

// kill(pid, 0) also succeeds for a zombie (exited, not reaped by PID 1), so look at /proc:
// gone = zombie with no thread left besides the main one.
function processAlive(p) {
  try {
    process.kill(p, 0);
  } catch {
    return false;
  }
  let status;
  try {
    status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
  } catch {
    return !fs.existsSync('/proc/self');
  }
  const state = (/^State:\s*([A-Za-z])/m.exec(status) || [])[1];
  const threads = Number((/^Threads:\s*(\d+)/m.exec(status) || [])[1] || '1');
  return !((state === 'Z' || state === 'X') && threads <= 1);
}

async function probe() {
  const kafka = new Kafka({
    clientId: 'wait-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    authenticationTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length >= expectedBrokers;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

(async () => {
  while (Date.now() < deadline) {
    if (pid !== undefined && !processAlive(pid)) process.exit(1);
    if (await probe()) process.exit(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.exit(1);
})();
