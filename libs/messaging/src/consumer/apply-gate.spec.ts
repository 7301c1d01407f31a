import { ApplyGate } from './apply-gate';

describe('ApplyGate', () => {
  it('lets one holder in at a time, in arrival order', async () => {
    const gate = new ApplyGate();
    const order: string[] = [];
    const hold = async (name: string, ms: number): Promise<void> => {
      const release = await gate.acquire();
      order.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      order.push(`${name} out`);
      release();
    };
    await Promise.all([hold('a', 20), hold('b', 1), hold('c', 5)]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('ignores a second release', async () => {
    const gate = new ApplyGate();
    const first = await gate.acquire();
    first();
    first();
    const second = await gate.acquire();
    let thirdIn = false;
    const third = gate.acquire().then(() => (thirdIn = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(thirdIn).toBe(false);
    second();
    await third;
    expect(thirdIn).toBe(true);
  });
});
