import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

/**
 * Mail through SMTP when `SMTP_HOST` is set (`SMTP_PORT`, `SMTP_SECURE=1` for TLS on connect,
 * `SMTP_USER`/`SMTP_PASS`, `SMTP_FROM`); otherwise none, and Payload writes each mail to the log
 * (development, demos and tests without a mail server).
 */
export function emailAdapter(): Promise<EmailAdapter> | undefined {
  const host = process.env.SMTP_HOST?.trim()
  if (!host) return undefined
  const user = process.env.SMTP_USER?.trim()
  return nodemailerAdapter({
    defaultFromAddress: process.env.SMTP_FROM?.trim() || 'noreply@practice-hub.local',
    defaultFromName: '文明实践资源库',
    // Do not hold up booting on a mail server that is slow to answer; a failed send is logged.
    skipVerify: true,
    transportOptions: {
      host,
      port: Number(process.env.SMTP_PORT || 587),
      secure: process.env.SMTP_SECURE === '1',
      ...(user ? { auth: { user, pass: process.env.SMTP_PASS ?? '' } } : {}),
      // A local relay or test sink without a certificate may not offer STARTTLS.
      ignoreTLS: process.env.SMTP_IGNORE_TLS === '1',
    },
  })
}
