import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { writeEmlFile } from './eml-directory';
import type { MailMessage } from './mail-message';

/**
 * Sends mail through SMTP (nodemailer) when SMTP_URL is set; otherwise builds the same RFC 5322 message
 * and writes it as an .eml file under MAIL_DIR. The log says where a mail went, never what it says:
 * account mails carry single-use links.
 *
 * nodemailer is loaded with the first mail, not at start-up: most processes never send one, and its
 * modules would stay resident for nothing.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private transport?: Promise<Transporter>;

  constructor(private readonly config: AppConfig) {}

  async send(message: MailMessage): Promise<void> {
    this.transport ??= this.createTransport();
    const transport = await this.transport;
    const sent = (await transport.sendMail({ ...message, from: this.config.mail.from })) as {
      messageId: string;
      message?: Buffer;
    };
    if (this.config.mail.smtpUrl) {
      this.logger.log(`Mail "${message.subject}" handed to the SMTP server (${sent.messageId})`);
      return;
    }
    const path = await writeEmlFile(this.config.mail.directory, sent.message as Buffer);
    this.logger.log(`Mail "${message.subject}" written to ${path}`);
  }

  async onModuleDestroy(): Promise<void> {
    (await this.transport)?.close();
  }

  private async createTransport(): Promise<Transporter> {
    const { createTransport } = await import('nodemailer');
    const { smtpUrl } = this.config.mail;
    return smtpUrl
      ? createTransport(smtpUrl)
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }
}
