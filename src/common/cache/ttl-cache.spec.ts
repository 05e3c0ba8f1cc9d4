import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  afterEach(() => jest.useRealTimers());

  it('serves a loaded value until its lifetime ends, then loads again', async () => {
    jest.useFakeTimers({ now: 0 });
    const cache = new TtlCache<string>(1_000, 10);
    const load = jest.fn().mockResolvedValue('v');
    await cache.getOrLoad('k', load);
    jest.setSystemTime(999);
    expect(await cache.getOrLoad('k', load)).toBe('v');
    expect(load).toHaveBeenCalledTimes(1);
    jest.setSystemTime(1_000);
    await cache.getOrLoad('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never caches null, so a row created a moment later is seen at once', async () => {
    const cache = new TtlCache<string>(60_000, 10);
    const load = jest.fn().mockResolvedValueOnce(null).mockResolvedValue('created');
    expect(await cache.getOrLoad('k', load)).toBeNull();
    expect(await cache.getOrLoad('k', load)).toBe('created');
  });

  it('forgets everything on clear()', async () => {
    const cache = new TtlCache<string>(60_000, 10);
    await cache.getOrLoad('k', () => Promise.resolve('old'));
    cache.clear();
    expect(await cache.getOrLoad('k', () => Promise.resolve('new'))).toBe('new');
  });

  it('does not store a load that overlapped a clear(): the old row cannot come back', async () => {
    const cache = new TtlCache<string>(60_000, 10);
    let finish!: (value: string) => void;
    const slow = cache.getOrLoad('k', () => new Promise<string>((resolve) => (finish = resolve)));
    cache.clear();
    finish('read before the change');
    expect(await slow).toBe('read before the change');
    expect(await cache.getOrLoad('k', () => Promise.resolve('after'))).toBe('after');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new TtlCache<string>(60_000, 2);
    for (const key of ['a', 'b', 'c']) await cache.getOrLoad(key, () => Promise.resolve(key));
    const load = jest.fn().mockResolvedValue('again');
    expect(await cache.getOrLoad('a', load)).toBe('again');
    expect(await cache.getOrLoad('c', load)).toBe('c');
  });
});
