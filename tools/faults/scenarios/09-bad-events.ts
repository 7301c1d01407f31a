import { randomUUID } from 'node:crypto';
import { deadLetterTopicFor } from '@binh-yen/contracts';
import { produceRaw, readTopic, unitRegistered } from '@binh-yen/testing';
import { waitUntilQuiet } from '../invariants';
import { expectThat, type Scenario } from '../scenario';
import { MOVEMENT_CONSUMER } from '../stack';

/** 9. Poison bytes, an unknown type, an unknown version, a missing required field: dead-lettered; extra fields: ignored. */
export const badEvents: Scenario = {
  id: 9,
  title: 'poison bytes, unknown type/version, missing field → DLQ; extra fields ignored',
  async run({ stack }) {
    const fresh = (code: string): ReturnType<typeof unitRegistered> => unitRegistered({ code, name: `Đơn vị tiêm ${code}`, path: `25.999.${code}` });
    const unknownType = { ...fresh('F9001'), type: 'unit.teleported' };
    const unknownVersion = { ...fresh('F9002'), version: 99 };
    const missingField = fresh('F9003');
    delete (missingField.data as unknown as Record<string, unknown>)['code'];
    const extraFields = { ...fresh('F9004'), shard: 7, data: { ...fresh('F9004').data, favouriteColour: 'đỏ' } };
    extraFields.data.unitId = extraFields.aggregate.id;
    const poisonKey = randomUUID();
    const message = (event: { id: string; aggregate: { id: string }; type: string; version: number }): { key: string; value: string; headers: Record<string, string> } => ({
      key: event.aggregate.id,
      value: JSON.stringify(event),
      headers: { 'event-id': event.id, 'event-type': event.type, 'event-version': String(event.version) },
    });
    await produceRaw(
      stack.unitTopic,
      [
        { key: poisonKey, value: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22]) },
        message(unknownType),
        message(unknownVersion),
        message(missingField),
        message(extraFields),
      ],
      stack.brokers,
    );
    stack.injectedDeadLetters.add(`poison:${poisonKey}`);
    for (const event of [unknownType, unknownVersion, missingField]) stack.injectedDeadLetters.add(event.id);
    stack.injectedApplied.add(extraFields.id);
    stack.injectedUnitIds.add(extraFields.aggregate.id);
    await waitUntilQuiet(stack);

    const dead = await stack.reporting$<{ event_id: string | null; reason_kind: string }>(
      `SELECT event_id, reason_kind FROM dead_letters WHERE consumer = $1 AND (event_id = ANY($2) OR message_key = $3) ORDER BY id`,
      [MOVEMENT_CONSUMER, [unknownType.id, unknownVersion.id, missingField.id], poisonKey],
    );
    expectThat(dead.length === 4, `${dead.length} of the 4 bad events are in dead_letters`);
    const onDlq = (await readTopic(deadLetterTopicFor(stack.unitTopic), stack.brokers)).filter(
      (m) => m.key === poisonKey || [unknownType.id, unknownVersion.id, missingField.id].includes(m.headers['event-id'] ?? ''),
    );
    expectThat(onDlq.length >= 4, `${onDlq.length} of the 4 bad events are on ${deadLetterTopicFor(stack.unitTopic)}`);
    const applied = await stack.reporting$(`SELECT 1 FROM report_units_v1 WHERE unit_id = $1 AND code = 'F9004'`, [extraFields.aggregate.id]);
    expectThat(applied.length === 1, 'the event with extra fields was not applied');
    return `dead-lettered: ${dead.map((row) => row.reason_kind).join(', ')}; extra fields applied`;
  },
};
