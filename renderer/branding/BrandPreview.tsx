import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { inkOn, type Brand } from '../../shared/branding';

/** The header of the client view of the portal as it will look: logo, name, colour, and the text colour the portal derives from it. */
export function BrandPreview({ name, colour, logo }: { name: string; colour: string; logo: Brand['logo'] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <figure className="brand-preview" aria-labelledby={id}>
      <figcaption id={id}>{t('branding.preview')}</figcaption>
      <div className="preview-header" style={{ background: colour, color: inkOn(colour) }}>
        {logo && <img src={logo.dataUrl} alt={t('branding.logoAlt', { name })} />}
        <strong>{name}</strong>
        <span className="preview-client">{t('branding.previewClient')}</span>
      </div>
    </figure>
  );
}
