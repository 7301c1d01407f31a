import { assertContractKept } from './contract-log';

export default async function globalTeardown(): Promise<void> {
  const broker = globalThis.__binhYenBroker;
  if (broker) await broker.stop();
  // Last: a violation anywhere in the run's HTTP traffic fails the run (ADR 0046).
  if (globalThis.__binhYenContractLog) assertContractKept(globalThis.__binhYenContractLog);
}
