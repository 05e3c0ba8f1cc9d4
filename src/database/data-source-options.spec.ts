import { buildDataSourceOptions } from './data-source-options';

describe('buildDataSourceOptions on MySQL/MariaDB', () => {
  const options = buildDataSourceOptions({
    type: 'mysql',
    host: '127.0.0.1',
    port: 3306,
    username: 'root',
    password: '',
    database: 'oauth',
  });

  it('stores times in UTC and text as utf8mb4', () => {
    expect(options).toMatchObject({ type: 'mysql', timezone: 'Z', charset: 'utf8mb4_unicode_ci' });
  });

  it('turns off mysql2 long stack traces, an Error.captureStackTrace on every query', () => {
    expect(options).toMatchObject({ extra: { trace: false } });
  });
});
