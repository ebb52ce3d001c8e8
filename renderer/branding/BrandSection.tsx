import './branding.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultBrandNames, type Brand } from '../../shared/branding';
import type { Language } from '../../shared/settings';
import { useAllowed } from '../portfolio/useAllowed';
import { useSubmit } from '../portfolio/useSubmit';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { SaveActions } from '../ui/SaveActions';
import { sameValues, useUnsavedChanges } from '../ui/unsavedChanges';
import { BrandPreview } from './BrandPreview';
import { isColour } from './colour';
import { LogoSection } from './LogoSection';
import { loadBrand, updateBrand, useBrand } from './store';

/** Display name, primary colour and logo of the client view, with a preview of its header as it changes. */
export function BrandSection() {
  const { t } = useTranslation();
  const brand = useBrand((s) => s.brand);
  useEffect(loadBrand, []);
  if (!brand) return <p className="muted">{t('portfolio.loading')}</p>;
  return <BrandForm brand={brand} />;
}

function BrandForm({ brand }: { brand: Brand }) {
  const { t, i18n } = useTranslation();
  const mayManage = useAllowed('branding.manage');
  // Empty: not named; the preview and the placeholder show the default name in the operator's language.
  const defaultName = defaultBrandNames[i18n.language as Language];
  const [displayName, setDisplayName] = useState(brand.displayName ?? '');
  const [colour, setColour] = useState(brand.primaryColour);
  const [saved, setSaved] = useState(false);
  // What the fields held when the brand was read or last saved.
  const [basis, setBasis] = useState({ displayName, colour });
  const { failure, busy, submit, formRef } = useSubmit(['displayName', 'primaryColour'] as const, async () => {
    setSaved(false);
    await updateBrand({ displayName: displayName.trim() || null, primaryColour: colour });
    setBasis({ displayName, colour });
    setSaved(true);
  });
  useUnsavedChanges(!sameValues({ displayName, colour }, basis), formRef);
  const shownColour = isColour(colour) ? colour : brand.primaryColour;
  return (
    <div className="brand-section">
      <BrandPreview name={displayName.trim() || defaultName} colour={shownColour} logo={brand.logo} />
      <form ref={formRef} className="form brand-form" onSubmit={submit} noValidate>
        <FormAlert failure={failure} />
        <Field
          label={t('branding.displayName')}
          hint={t('branding.displayNameHint')}
          maxLength={120}
          placeholder={defaultName}
          disabled={!mayManage}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={failure.fieldError('displayName')}
        />
        <Field
          label={t('branding.colour')}
          hint={t('branding.colourHint')}
          // Room for a pasted " #1f4e79 ": the rule trims it; a shorter limit would cut it silently.
          maxLength={20}
          spellCheck={false}
          disabled={!mayManage}
          value={colour}
          onChange={(e) => setColour(e.target.value)}
          error={failure.fieldError('primaryColour')}
          action={
            <input
              type="color"
              className="colour-picker"
              aria-label={t('branding.pickColour')}
              disabled={!mayManage}
              value={shownColour}
              onChange={(e) => setColour(e.target.value)}
            />
          }
        />
        {mayManage && <SaveActions label={t('branding.save')} busy={busy} saved={saved} />}
      </form>
      <LogoSection brand={brand} mayManage={mayManage} />
    </div>
  );
}
