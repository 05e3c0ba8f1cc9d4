import { timeOfOrderedId, timeOrderedId } from './time-ordered-id';

describe('timeOrderedId', () => {
  it('is a version 7 UUID carrying the millisecond it was made', () => {
    const now = Date.UTC(2026, 11, 2, 12, 0, 0, 123);
    const id = timeOrderedId(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timeOfOrderedId(id)).toBe(now);
  });

  it('differs every time, even within one millisecond', () => {
    const now = Date.now();
    expect(new Set(Array.from({ length: 100 }, () => timeOrderedId(now))).size).toBe(100);
  });

  it('reads no time from other identifiers', () => {
    expect(timeOfOrderedId('AbCdEfGhIjKlMnOpQrStUv')).toBeUndefined();
    expect(timeOfOrderedId('0190f1a2-b3c4-4d5e-8f70-112233445566')).toBeUndefined();
  });
});
