import fc from 'fast-check';
import { jsonDepthExceeds } from './json-depth-limit';

const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object'
    ? 1 + Math.max(0, ...Object.values(value as Record<string, unknown>).map(depthOf))
    : 0;

describe('jsonDepthExceeds', () => {
  it('agrees with the depth of the parsed value, brackets inside strings not counting (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.integer({ min: 0, max: 12 }), (value, limit) => {
        const text = JSON.stringify(value);
        expect(jsonDepthExceeds(text, limit)).toBe(depthOf(JSON.parse(text)) > limit);
      }),
    );
  });

  it('reads escaped quotes and brackets in strings as text', () => {
    expect(jsonDepthExceeds('{"a":"\\"[[[[","b":["]]]]"]}', 2)).toBe(false);
    expect(jsonDepthExceeds('[[["\\\\"]]]', 2)).toBe(true);
  });
});
