import { redactUrl } from './redaction';

describe('redactUrl', () => {
  it.each([
    ['/health?access_token=abc&x=1', '/health?access_token=[REDACTED]&x=1'],
    ['/health?acc%65ss_token=abc', '/health?acc%65ss_token=[REDACTED]'],
    ['/health?ACCESS_TOKEN=abc', '/health?ACCESS_TOKEN=[REDACTED]'],
    ['/health?x=1&%70assword=p', '/health?x=1&%70assword=[REDACTED]'],
    ['/health?%zz=1', '/health?%zz=1'],
    ['/health', '/health'],
  ])('%s -> %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});
