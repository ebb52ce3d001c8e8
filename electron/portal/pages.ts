import { html, raw } from 'hono/html';
import { inkOn } from '../../shared/branding';
import type { ClientDetail } from '../../shared/clients';
import type { ClientUser } from '../../shared/client-users';
import type { View } from '../../shared/impersonation';
import { languages, type Language } from '../../shared/settings';
import type { TokenRefusal } from '../impersonation/tokens';
import { portalText } from './text';

export type PortalSection = 'dashboard' | 'users' | 'settings';

/** A client's portal content, read afresh from the workspace for each request. */
export interface PortalContent {
  client: ClientDetail;
  language: Language;
  /** The reseller's white label, shown in the client view only. */
  brand: { name: string; colour: string; logo: string | null };
  /** Enabled features; in the partner view also those white-labelling hides. */
  features: { key: string; label: string; hiddenByWhiteLabel: boolean }[];
  users: { name: string; email: string; role: ClientUser['role']; status: ClientUser['status'] }[];
  seats: { used: number; limit: number } | null;
}

/** Who is looking: an operator acting for the client (a window of the app), or one of the client's own users. */
export type PortalSession =
  | { kind: 'impersonation'; id: string; view: View; readOnly: boolean; operatorName: string; endsAt: number }
  | { kind: 'clientUser'; view: 'client'; readOnly: boolean; userName: string };

export interface PortalView extends PortalContent {
  session: PortalSession;
}

type Text = ReturnType<typeof portalText>;

const shell = (title: string, language: Language, body: unknown) => html`<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="stylesheet" href="/assets/portal.css" />
    <script src="/assets/portal.js" defer></script>
  </head>
  <body>
    ${body}
  </body>
</html>`;

const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}" />`;

/** The strip above every page: who acts for whom with "Return to reseller", or the signed-in client user. */
function sessionStrip(view: PortalView, t: Text, csrf: string) {
  const { session, client } = view;
  if (session.kind === 'clientUser') {
    return html`<div class="acting user" role="banner">
      <span>${t.signedInAs(session.userName)}</span>
      <form method="post" action="/sign-out">${csrfField(csrf)}<button type="submit">${t.signOut}</button></form>
    </div>`;
  }
  const partner = session.view === 'partner';
  return html`<div class="acting ${partner ? 'partner' : 'client'}" role="banner" data-view="${session.view}">
      <span>${partner ? t.actingPartner(session.operatorName, client.companyName) : t.actingClient(session.operatorName, client.companyName)}</span>
      <form method="post" action="/return">${csrfField(csrf)}<button type="submit">${t.returnToReseller}</button></form>
    </div>
    <div class="timer" hidden data-csrf="${csrf}" data-text="${t.endsSoon}" data-extend="${t.extend}"></div>`;
}

export function portalPage(section: PortalSection, view: PortalView, csrf: string) {
  const t = portalText(view.language);
  const { session, client, brand } = view;
  const partner = session.view === 'partner';
  const nav = (['dashboard', 'users', 'settings'] as const).map(
    (s) => html`<a href="/${s}" ${s === section ? raw('aria-current="page"') : ''}>${t[s]}</a>`,
  );
  return shell(
    `${client.companyName} · ${partner ? 'Partner' : brand.name}`,
    view.language,
    html`${sessionStrip(view, t, csrf)}
      ${session.readOnly ? html`<p class="read-only" role="status">${t.readOnly}</p>` : ''}
      <header class="brand" data-colour="${partner ? '' : brand.colour}" data-ink="${partner ? '' : inkOn(brand.colour)}">
        ${!partner && brand.logo ? html`<img src="${brand.logo}" alt="${brand.name}" />` : ''}
        <strong>${partner ? t.partnerConsole : brand.name}</strong>
        <span class="client-name">${client.companyName}</span>
      </header>
      <nav>${nav}</nav>
      <main>${sections[section](view, t)}</main>`,
  );
}

const sections: Record<PortalSection, (view: PortalView, t: Text) => unknown> = {
  dashboard: ({ features }, t) => html`<h1>${t.features}</h1>
    ${features.length
      ? html`<ul class="features">
          ${features.map(
            (f) => html`<li data-feature="${f.key}" class="${f.hiddenByWhiteLabel ? 'hidden-feature' : ''}">
              ${f.label}${f.hiddenByWhiteLabel ? html` <small>(${t.hiddenByWhiteLabel})</small>` : ''}
            </li>`,
          )}
        </ul>`
      : html`<p>${t.noFeatures}</p>`}`,
  users: ({ users, seats }, t) => html`<h1>${t.users}</h1>
    ${seats ? html`<p>${t.seats(seats.used, seats.limit)}</p>` : ''}
    ${users.length
      ? html`<table>
          <thead><tr><th>${t.name}</th><th>${t.email}</th><th>${t.role}</th><th>${t.status}</th></tr></thead>
          <tbody>${users.map((u) => html`<tr><td>${u.name}</td><td>${u.email}</td><td>${t.userRole[u.role]}</td><td>${t.userStatus[u.status]}</td></tr>`)}</tbody>
        </table>`
      : html`<p>${t.noUsers}</p>`}`,
  settings: ({ client, language }, t) => html`<h1>${t.settings}</h1>
    <dl>
      <dt>${t.company}</dt><dd>${client.companyName}</dd>
      <dt>${t.contact}</dt><dd>${client.contactName}<br />${client.contactEmail}<br />${client.contactPhone}</dd>
      <dt>${t.address}</dt><dd>${client.street}<br />${client.postalCode} ${client.city}<br />${countryName(client.country, language)}</dd>
      <dt>${t.status}</dt><dd>${t.clientStatus[client.status]}</dd>
    </dl>`,
};

/** Why the portal refused a sign-in link: the token itself, or what the portal knows of it. */
export type PortalRefusal = TokenRefusal | 'window' | 'replay' | 'session';

const refusalText: Record<PortalRefusal, string> = {
  malformed: 'The sign-in link is damaged.',
  signature: 'The sign-in link was not issued by your reseller’s workspace.',
  expired: 'The sign-in link has expired (links work for 60 seconds).',
  audience: 'The sign-in link is meant for another portal.',
  issuer: 'The sign-in link comes from an unknown workspace.',
  claims: 'The sign-in link does not say whom it is for.',
  window: 'The sign-in link belongs to another window: it opens only the window Reseller Desk opened it for.',
  replay: 'The sign-in link was used already; each link opens one window once.',
  session: 'The session this link belongs to has ended or does not match.',
};

const message = (title: string, language: Language, body: unknown) => shell(title, language, html`<main class="message">${body}</main>`);

export const refusedPage = (refusal: PortalRefusal) =>
  message('Sign-in refused', 'en', html`<h1>Sign-in refused</h1><p data-refusal="${refusal}">${refusalText[refusal]}</p>`);

/** After "Return to reseller" (an operator's window), or for a page asked without a live session (anyone's). */
export const endedPage = (after: 'return' | 'noSession') =>
  after === 'return'
    ? message('Session ended', 'en', html`<h1>Session ended</h1><p>You have returned to the reseller workspace. This window can be closed.</p>`)
    : message('Not signed in', 'en', html`<h1>Not signed in</h1><p>This session has ended, or you have signed out. Sign in again with the link your provider gave you, or close this window.</p>`);

/** "DE" → "Deutschland" / "Germany"; the code where it names no country. */
function countryName(code: string, language: Language): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A client portal's sign-in form, for the client's users. */
export function signInPage(form: { heading: string; action: string; language: Language; error?: string | null; notice?: string | null }) {
  const t = portalText(form.language);
  return message(
    form.heading,
    form.language,
    html`<h1>${form.heading}</h1>
      ${form.notice ? html`<p class="notice" role="status">${form.notice}</p>` : ''}
      ${form.error ? html`<p class="error" role="alert">${form.error}</p>` : ''}
      <form method="post" action="${form.action}" class="sign-in">
        <label>${t.email} <input name="email" type="email" autocomplete="username" required /></label>
        <label>${t.password} <input name="password" type="password" autocomplete="current-password" required /></label>
        <button type="submit">${t.signIn}</button>
      </form>`,
  );
}

export function invitationPage(invitation: { name: string; companyName: string; language: Language; action: string; error?: string | null }) {
  const t = portalText(invitation.language);
  const heading = t.choosePassword(invitation.name, invitation.companyName);
  return message(
    heading,
    invitation.language,
    html`<h1>${heading}</h1>
      <p>${t.choosePasswordHint}</p>
      ${invitation.error ? html`<p class="error" role="alert">${invitation.error}</p>` : ''}
      <form method="post" action="${invitation.action}" class="sign-in">
        <label>${t.password} <input name="password" type="password" autocomplete="new-password" minlength="10" required /></label>
        <label>${t.repeatPassword} <input name="repeat" type="password" autocomplete="new-password" minlength="10" required /></label>
        <button type="submit">${t.setPassword}</button>
      </form>`,
  );
}

/** A notice for whoever asks, in every language: whose page it would be, and so its language, is not known or not told. */
const inEveryLanguage = (text: (t: Text) => string) =>
  message(
    text(portalText('en')),
    'en',
    languages.map((language) => html`<p class="error" role="alert" lang="${language}">${text(portalText(language))}</p>`),
  );

/** A client sign-in page that does not exist or may not be used: one page for both. */
export const signInUnavailablePage = () => inEveryLanguage((t) => t.signInUnavailable);

/** A request whose body is above the portal's limit. */
export const tooLargePage = () => inEveryLanguage((t) => t.tooLarge);

export const invitationProblemPage = (text: string, language: Language) => message(text, language, html`<p class="error" role="alert">${text}</p>`);

export const resellerPage = (overview: { name: string; clients: number }) =>
  message(
    'My reseller portal',
    'en',
    html`<h1>My reseller portal</h1>
      <p data-reseller="${overview.name}">Signed in as ${overview.name}. You manage ${overview.clients} clients.</p>
      <p>This window signs out when you sign out of Reseller Desk, or when you close it.</p>`,
  );
