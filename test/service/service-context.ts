import type { INestApplicationContext, Type } from '@nestjs/common';
import { openAppContext } from '../../src/cli/app-context';
import { loadConfig } from '../../src/config/load-config';
import type { User } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';
import { createTestDatabase, TestDatabase } from '../support/test-database';

export interface ServiceContext {
  /** A provider of the running application, as production wires it. */
  get<T>(type: Type<T>): T;
  /** A new user with a unique email, created through UsersService. */
  aUser(fields?: { isAdmin?: boolean }): Promise<User>;
  close(): Promise<void>;
}

let users = 0;

/**
 * The application's modules on a fresh migrated database (SQLite file or MariaDB), initialised but not
 * listening: services are called directly, so a rule is tested without HTTP in between. Each suite
 * opens its own database.
 */
export async function openServiceContext(): Promise<ServiceContext> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    ISSUER: 'https://auth.example.test',
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: 'admin@example.test',
    ADMIN_PASSWORD: 'admin-password-123',
    DATABASE_URL: database.url,
  });
  let app: INestApplicationContext;
  try {
    app = await openAppContext(config, () => undefined);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    get: <T>(type: Type<T>) => app.get(type, { strict: false }),
    aUser: (fields = {}) =>
      app
        .get(UsersService, { strict: false })
        .create({ email: `user${++users}-${Date.now()}@example.test`, password: 'a-long-password-1', ...fields }),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
