export default async function globalTeardown(): Promise<void> {
  const broker = globalThis.__binhYenBroker;
  if (broker) await broker.stop();
}
