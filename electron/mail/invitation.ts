import type { Language } from '../../shared/settings';
import type { QueuedMail } from './repository';

/**
 * The invitation a new client user receives, in the client's language. The
 * link is a path on the client portal; `{link}` becomes its full address when
 * the mail is sent, since the portal's address is known only then.
 */
const texts: Record<Language, (v: { name: string; company: string; brand: string; days: number }) => { subject: string; body: string }> = {
  en: ({ name, company, brand, days }) => ({
    subject: `Your invitation to ${brand}`,
    body: `Hello ${name},\n\nyou have been invited to the ${brand} account of ${company}.\nChoose your password here: {link}\n\nThe link works once and for ${days} days.`,
  }),
  de: ({ name, company, brand, days }) => ({
    subject: `Ihre Einladung zu ${brand}`,
    body: `Hallo ${name},\n\nSie wurden zum ${brand}-Konto von ${company} eingeladen.\nWählen Sie hier Ihr Passwort: {link}\n\nDer Link gilt einmal und ${days} Tage lang.`,
  }),
};

export function invitationMail(
  language: Language,
  values: { clientId: number; to: string; name: string; company: string; brand: string; days: number; token: string },
): QueuedMail {
  const { subject, body } = texts[language](values);
  return { clientId: values.clientId, to: values.to, subject, body, linkPath: `/invite/${values.token}` };
}
