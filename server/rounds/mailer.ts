import nodemailer from 'nodemailer';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

export type SendMail = (mail: Mail) => Promise<void>;

/**
 * Mail through the SMTP server SMTP_URL names (smtp://user:pass@host:port, or smtps:// for TLS);
 * null without one, so nothing is ever sent unless a deployment asks for it.
 */
export function smtpMailer(smtpUrl: string | null, publicUrl: string): SendMail | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  const from = `Crime Prevention Observatory <no-reply@${new URL(publicUrl).hostname}>`;
  return async (mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}
