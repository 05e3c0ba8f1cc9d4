import { MemoryThrottlerStorage } from './memory-throttler.store';

const WINDOW = 60_000;

/** A store on a clock the test moves. */
function storeAt(start = 1_000_000): { store: MemoryThrottlerStorage; advance: (ms: number) => void } {
  let now = start;
  return { store: new MemoryThrottlerStorage(WINDOW, () => now), advance: (ms) => (now += ms) };
}

describe('MemoryThrottlerStorage', () => {
  it('counts hits per key and blocks past the limit for the block duration', async () => {
    const { store } = storeAt();
    for (let hit = 1; hit <= 3; hit++) {
      expect(await store.increment('a', WINDOW, 3, WINDOW)).toMatchObject({ totalHits: hit, isBlocked: false });
    }
    expect(await store.increment('a', WINDOW, 3, WINDOW)).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    expect(await store.increment('b', WINDOW, 3, WINDOW)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('slides: a hit stops counting ttl after it was made, not at a window boundary', async () => {
    const { store, advance } = storeAt();
    await store.increment('a', WINDOW, 2, WINDOW);
    advance(40_000);
    await store.increment('a', WINDOW, 2, WINDOW);
    advance(20_000); // the first hit has just expired, the second counts for 20 s more
    expect(await store.increment('a', WINDOW, 2, WINDOW)).toMatchObject({ totalHits: 2, isBlocked: false });
    advance(1_000);
    expect(await store.increment('a', WINDOW, 2, WINDOW)).toMatchObject({ isBlocked: true });
  });

  it('stays blocked until the block ends, then starts the key afresh', async () => {
    const { store, advance } = storeAt();
    for (let hit = 0; hit < 3; hit++) await store.increment('a', WINDOW, 2, 10_000);
    advance(9_500);
    expect(await store.increment('a', WINDOW, 2, 10_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    advance(500);
    expect(await store.increment('a', WINDOW, 2, 10_000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps counting exactly across many hits (the expired ones are dropped, the live ones kept)', async () => {
    const { store, advance } = storeAt();
    for (let second = 0; second < 180; second++) {
      const record = await store.increment('a', WINDOW, 1_000, WINDOW);
      // One hit a second for a minute's window: at most 60 live hits, this one included.
      expect(record.totalHits).toBe(Math.min(second + 1, 60));
      advance(1_000);
    }
  });

  it('after a sweep, an idle key starts afresh and a blocked one stays blocked', async () => {
    const { store, advance } = storeAt();
    await store.increment('idle', WINDOW, 5, WINDOW);
    for (let hit = 0; hit < 2; hit++) await store.increment('blocked', WINDOW, 1, 5 * WINDOW);
    advance(2 * WINDOW);
    await store.increment('other', WINDOW, 5, WINDOW); // a request after the sweep interval sweeps
    expect(await store.increment('idle', WINDOW, 5, WINDOW)).toMatchObject({ totalHits: 1 });
    expect(await store.increment('blocked', WINDOW, 1, 5 * WINDOW)).toMatchObject({ isBlocked: true });
  });
});
