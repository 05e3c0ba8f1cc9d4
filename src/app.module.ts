import { DynamicModule, Module, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { BootstrapModule } from './bootstrap/bootstrap.module';
import { AuthModule } from './auth/auth.module';
import { BruteForceModule } from './brute-force/brute-force.module';
import { ClientRegistrationModule } from './client-registration/client-registration.module';
import { ClientsModule } from './clients/clients.module';
import { ContactsModule } from './contacts/contacts.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { InteractionModule } from './interaction/interaction.module';
import { MetricsModule } from './metrics/metrics.module';
import { OidcModule } from './oidc/oidc.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { UserWritesRateLimitModule } from './rate-limit/user-writes-rate-limit.module';
import { RevocationModule } from './revocation/revocation.module';
import { RedisModule } from './redis/redis.module';
import { ScopesModule } from './scopes/scopes.module';
import { TokensModule } from './tokens/tokens.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  /** Modules mounted beside the app's own (the benchmark's bench-only routes); never used in production. */
  extraImports?: (Type | DynamicModule)[];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        // Each module registers its own entities with TypeOrmModule.forFeature.
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.database), autoLoadEntities: true, retryAttempts: 0 }),
        MetricsModule,
        HealthModule,
        AuditModule,
        UsersModule,
        ScopesModule,
        ClientsModule,
        ClientRegistrationModule,
        BootstrapModule,
        AdminModule,
        RedisModule,
        RevocationModule,
        RateLimitModule.forRoot(config),
        AuthModule,
        // After AuthModule: its guard reads the user the bearer guard verified.
        UserWritesRateLimitModule.forRoot(config),
        BruteForceModule,
        ContactsModule,
        OrganizationsModule,
        TokensModule,
        OidcModule,
        InteractionModule,
        ...(options.extraImports ?? []),
      ],
    };
  }
}
