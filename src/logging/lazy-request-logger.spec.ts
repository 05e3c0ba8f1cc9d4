import { Writable } from 'node:stream';
import { createLogger } from './create-logger';
import { LazyRequestLogger } from './lazy-request-logger';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const parent = createLogger({ logLevel: level }, stream);
  const child = jest.spyOn(parent, 'child');
  return { parent, lines, child, flushed: () => new Promise((resolve) => setImmediate(resolve)) };
}

describe('LazyRequestLogger', () => {
  it('makes no child and writes nothing for a line below the level', async () => {
    const { parent, lines, child, flushed } = capture('warn');
    const log = new LazyRequestLogger(parent, { reqId: 'r-1' }, {});
    log.info({ res: { statusCode: 200 } }, 'request completed');
    log.debug('detail');
    await flushed();
    expect(child).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
    expect(log.level).toBe('warn');
  });

  it('writes through one child bound to the request id, redacted like any line', async () => {
    const { parent, lines, child, flushed } = capture('info');
    const log = new LazyRequestLogger(parent, { reqId: 'r-2' }, {});
    log.info({ body: { password: 'hunter2-secret' } }, 'first');
    log.warn('second %s', 'formatted');
    await flushed();
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines).toMatchObject([
      { reqId: 'r-2', msg: 'first', body: { password: '[REDACTED]' } },
      { reqId: 'r-2', msg: 'second formatted', level: 40 },
    ]);
  });

  it('follows a level set on it, and its own children keep the binding', async () => {
    const { parent, lines, flushed } = capture('warn');
    const log = new LazyRequestLogger(parent, { reqId: 'r-3' }, {});
    log.level = 'debug';
    log.debug('now visible');
    log.child({ extra: 1 }).warn('from a child');
    await flushed();
    expect(parent.level).toBe('warn');
    expect(lines).toMatchObject([
      { reqId: 'r-3', msg: 'now visible' },
      { reqId: 'r-3', extra: 1, msg: 'from a child' },
    ]);
  });
});
