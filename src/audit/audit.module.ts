import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditService } from './audit.service';
import { TypedUsernames } from './typed-usernames';

/** Global: every module records security events without importing this one. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditService, AuditEventsRepository, TypedUsernames],
  exports: [AuditService, AuditEventsRepository, TypedUsernames],
})
export class AuditModule {}
