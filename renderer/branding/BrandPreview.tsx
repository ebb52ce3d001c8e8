import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brand } from '../../shared/branding';
import { contrastWithWhite, READABLE_CONTRAST } from './colour';

/** The header of the client view of the portal as it will look: logo, name, colour (white text, as the portal has it). */
export function BrandPreview({ name, colour, logo }: { name: string; colour: string; logo: Brand['logo'] }) {
  const { t } = useTranslation();
  const id = useId();
  const contrast = contrastWithWhite(colour);
  return (
    <figure className="brand-preview" aria-labelledby={id}>
      <figcaption id={id}>{t('branding.preview')}</figcaption>
      <div className="preview-header" style={{ background: colour }}>
        {logo && <img src={logo.dataUrl} alt={t('branding.logoAlt', { name })} />}
        <strong>{name}</strong>
        <span className="preview-client">{t('branding.previewClient')}</span>
      </div>
      {contrast < READABLE_CONTRAST && <p className="field-hint">{t('branding.lowContrast', { ratio: contrast.toFixed(1), minimum: READABLE_CONTRAST })}</p>}
    </figure>
  );
}
