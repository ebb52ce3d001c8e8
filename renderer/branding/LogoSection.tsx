import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGO_MAX_BYTES, type Brand } from '../../shared/branding';
import { readBase64 } from '../portfolio/files';
import { FormDialog } from '../portfolio/FormDialog';
import { invalid } from '../portfolio/forms';
import { useSubmit } from '../portfolio/useSubmit';
import { errorText } from '../ui/errorText';
import { FileField } from '../ui/Field';
import { removeLogo, setLogo } from './store';

const kb = (bytes: number) => Math.ceil(bytes / 1024);
const typeNames: Record<NonNullable<Brand['logo']>['type'], string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG' };

/**
 * The current logo and a new one: the file's bytes go to the main process,
 * which decides by the content (type, size, dimensions) and cleans SVGs.
 */
export function LogoSection({ brand, mayManage }: { brand: Brand; mayManage: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const { logo } = brand;
  const [removed, setRemoved] = useState<string[] | null>(null);
  const [removing, setRemoving] = useState(false);
  const chosen = useRef<File | null>(null);
  const [chosenName, setChosenName] = useState<string | null>(null);
  const { failure, busy, submit } = useSubmit(['data'] as const, async () => {
    const file = chosen.current;
    if (!file) return;
    setRemoved(null);
    // The main process refuses it in the same words; a file over the limit need not be sent.
    if (file.size > LOGO_MAX_BYTES) {
      throw invalid('data', 'branding.logoTooLarge', 'The logo is too large.', { sizeKb: kb(file.size), maxKb: kb(LOGO_MAX_BYTES) });
    }
    setRemoved(await setLogo(await readBase64(file)));
  });

  // The content checks answer without a field: their words go under the file input all the same.
  const refusal = failure.fieldError('data') ?? (failure.error ? errorText(failure.error) : undefined);

  return (
    <section className="logo-section" aria-labelledby={id}>
      <h3 id={id}>{t('branding.logo')}</h3>
      {logo ? (
        <div className="logo-current">
          <img src={logo.dataUrl} alt={t('branding.currentLogo')} />
          <p className="muted">{t('branding.logoFacts', { type: typeNames[logo.type], width: Math.round(logo.width), height: Math.round(logo.height), size: kb(logo.bytes) })}</p>
        </div>
      ) : (
        <p className="muted">{t('branding.noLogo')}</p>
      )}
      {mayManage && (
        <>
          <FileField
            label={t(logo ? 'branding.replaceLogo' : 'branding.uploadLogo')}
            hint={t('branding.logoHint')}
            choose={t('portfolio.chooseFile')}
            chosen={chosenName ?? t('portfolio.noFile')}
            accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml"
            disabled={busy}
            onFile={(file) => {
              chosen.current = file;
              setChosenName(file.name);
              void submit();
            }}
            error={refusal}
          />
          {busy && (
            <p className="field-hint" role="status">
              {t('branding.uploading', { name: chosenName ?? '' })}
            </p>
          )}
          {removed && removed.length > 0 && (
            <p className="alert alert-info" role="status">
              {t('branding.sanitised', { removed: removed.join(', ') })}
            </p>
          )}
          {logo && (
            <div className="inline-actions">
              <button type="button" className="button" onClick={() => setRemoving(true)}>
                {t('branding.removeLogo')}
              </button>
            </div>
          )}
          {removing && (
            <FormDialog title={t('branding.removeTitle')} fields={[]} submitLabel={t('branding.removeSubmit')} danger onClosed={() => setRemoving(false)} onSubmit={removeLogo}>
              {() => <p>{t('branding.removeExplain')}</p>}
            </FormDialog>
          )}
        </>
      )}
    </section>
  );
}
