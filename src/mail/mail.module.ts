import { Module } from '@nestjs/common';
import { MailerService } from './mailer.service';

/** Outgoing mail: SMTP or .eml files. */
@Module({
  providers: [MailerService],
  exports: [MailerService],
})
export class MailModule {}
