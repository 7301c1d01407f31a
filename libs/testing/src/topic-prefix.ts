import { randomBytes } from 'node:crypto';

/** Each test file gets its own topics on the shared broker. */
export function uniqueTopicPrefix(): string {
  return `t${randomBytes(4).toString('hex')}.`;
}
