import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../shared/clients';
import { handleFailure } from '../../app/failures';
import { invoke } from '../../ipc/client';
import { FormDialog } from '../../portfolio/FormDialog';
import { useAllowed } from '../../portfolio/useAllowed';
import { errorText } from '../../ui/errorText';
import { refreshOpened } from '../detailStore';
import { Section } from './Section';

type Said = { tone: 'info' | 'error'; text: string } | null;

/**
 * The client's SSO token, masked. Reveal and Copy show it whole (the history
 * records each), Rotate replaces it after a confirmation: the old one stops working.
 */
export function SsoTokenSection({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const mayToken = useAllowed('clients.ssoToken');
  const [token, setToken] = useState<string | null>(null);
  const [said, setSaid] = useState<Said>(null);
  const [rotating, setRotating] = useState(false);
  const shown = useRef<HTMLElement>(null);
  const changeable = client.status !== 'archived';

  async function reveal(): Promise<string | null> {
    try {
      const whole = token ?? (await invoke('clients.ssoToken.reveal', { id: client.id })).token;
      setToken(whole);
      if (!token) void refreshOpened();
      return whole;
    } catch (thrown) {
      const error = handleFailure(thrown);
      if (error) setSaid({ tone: 'error', text: errorText(error) });
      return null;
    }
  }

  async function copy() {
    const whole = await reveal();
    if (!whole) return;
    try {
      await navigator.clipboard.writeText(whole);
      setSaid({ tone: 'info', text: t('clientDetail.token.copied') });
    } catch {
      // No clipboard access here (an insecure page, or refused): the token is selected for Ctrl/Cmd+C.
      requestAnimationFrame(() => shown.current && window.getSelection()?.selectAllChildren(shown.current));
      setSaid({ tone: 'info', text: t('clientDetail.token.selected') });
    }
  }

  return (
    <Section title={t('clientDetail.token.title')}>
      <p className="token-line">
        <code ref={shown} className="token" aria-label={t(token ? 'clientDetail.token.whole' : 'clientDetail.token.masked')}>
          {token ?? client.ssoTokenMasked}
        </code>
      </p>
      {mayToken && (
        <div className="inline-actions">
          {token ? (
            <button type="button" className="button" onClick={() => setToken(null)}>
              {t('clientDetail.token.hide')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void reveal()}>
              {t('clientDetail.token.reveal')}
            </button>
          )}
          <button type="button" className="button" onClick={() => void copy()}>
            {t('clientDetail.token.copy')}
          </button>
          {changeable && (
            <button type="button" className="button" onClick={() => setRotating(true)}>
              {t('clientDetail.token.rotate')}
            </button>
          )}
        </div>
      )}
      <p className="field-hint">{t('clientDetail.token.audited')}</p>
      {said && (
        <p className={said.tone === 'error' ? 'field-error' : 'field-hint'} role={said.tone === 'error' ? 'alert' : 'status'}>
          {said.text}
        </p>
      )}
      {rotating && (
        <FormDialog
          title={t('clientDetail.token.rotateTitle')}
          fields={[]}
          submitLabel={t('clientDetail.token.rotateSubmit')}
          danger
          onClosed={() => setRotating(false)}
          onSubmit={async () => {
            await invoke('clients.ssoToken.rotate', { id: client.id });
            setToken(null);
            setSaid({ tone: 'info', text: t('clientDetail.token.rotated') });
            void refreshOpened();
          }}
        >
          {() => <p>{t('clientDetail.token.rotateExplain', { name: client.companyName })}</p>}
        </FormDialog>
      )}
    </Section>
  );
}
