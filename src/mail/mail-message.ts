/** One plain-text mail to one recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}
