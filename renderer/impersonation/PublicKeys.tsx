import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { invoke } from '../ipc/client';
import { failedWith, LoadFailed, type Failed } from './LoadFailed';

/** What an external platform needs to verify the one-time sign-in links: the key set, its address, the issuer. */
export function PublicKeys() {
  const { t } = useTranslation();
  const id = useId();
  const [keys, setKeys] = useState<ChannelOutput<'impersonation.publicKeys'> | null>(null);
  const [failed, setFailed] = useState<Failed | null>(null);

  useEffect(() => {
    invoke('impersonation.publicKeys').then(setKeys, (thrown: unknown) => setFailed(failedWith(thrown)));
  }, []);

  return (
    <section className="impersonation-section" aria-labelledby={id} aria-busy={!keys && !failed}>
      <h3 id={id}>{t('impersonation.keys.title')}</h3>
      <p className="muted">{t('impersonation.keys.intro')}</p>
      {failed ? (
        <LoadFailed failed={failed} />
      ) : !keys ? (
        <p className="muted">{t('impersonation.keys.loading')}</p>
      ) : (
        <div className="form">
          <CopyField label={t('impersonation.keys.url')} value={keys.url} />
          <CopyField label={t('impersonation.keys.issuer')} value={keys.issuer} />
          <CopyField label={t('impersonation.keys.jwks')} value={keys.jwks} multiline />
        </div>
      )}
    </section>
  );
}

/**
 * Selects the text and copies it. The clipboard API needs a secure origin;
 * where the workspace page is not one (the Chromium shell) the older copy
 * command does it.
 */
async function copyFrom(field: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    return document.execCommand('copy');
  }
}

/** A read-only value with a Copy button beside it. */
function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const common = { id, ref: field, value, readOnly: true, spellCheck: false, className: 'copy-value', onFocus: () => field.current?.select() };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={multiline ? 'copy-field copy-field-multiline' : 'copy-field'}>
        {multiline ? <textarea rows={12} {...common} /> : <input {...common} />}
        <button type="button" className="button" aria-label={t('impersonation.keys.copyLabel', { what: label })} onClick={() => field.current && void copyFrom(field.current).then(setCopied)}>
          {t('impersonation.keys.copy')}
        </button>
      </div>
      <p className="field-hint" aria-live="polite">
        {copied === true && t('impersonation.keys.copied')}
        {copied === false && t('impersonation.keys.copyManually')}
      </p>
    </div>
  );
}
