import type { Scenario } from '../scenario';
import { consumerKill } from './01-consumer-kill';
import { relayKill } from './02-relay-kill';
import { apiKill } from './03-api-kill';
import { brokerFaults } from './04-broker-faults';
import { postgresRestart } from './05-postgres-restart';
import { rebalance } from './06-rebalance';
import { outOfOrderCommits } from './07-out-of-order-commits';
import { replay } from './08-replay';
import { badEvents } from './09-bad-events';
import { oversizedEvent } from './10-oversized-event';
import { catchUp } from './11-catch-up';
import { httpHostile } from './12-http-hostile';
import { clusterLeaderKill } from './13-cluster-leader-kill';
import { clusterRollingRestart } from './14-cluster-rolling-restart';

export const scenarios: readonly Scenario[] = [
  consumerKill,
  relayKill,
  apiKill,
  brokerFaults,
  postgresRestart,
  rebalance,
  outOfOrderCommits,
  replay,
  badEvents,
  oversizedEvent,
  catchUp,
  httpHostile,
  clusterLeaderKill,
  clusterRollingRestart,
];
