import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueFeature } from '../../shared/features';
import { Checkbox } from '../ui/Checkbox';
import { useFeatureName } from './useFeatureName';

interface FeatureChecksProps {
  offered: readonly CatalogueFeature[];
  checked: readonly string[];
  onChange: (checked: string[]) => void;
  error?: string | undefined;
}

/** A check box per feature; one the plan no longer has says so (it can only be switched off). */
export function FeatureChecks({ offered, checked, onChange, error }: FeatureChecksProps) {
  const { t } = useTranslation();
  const featureName = useFeatureName();
  const errorId = useId();
  return (
    <fieldset className="choice-group" aria-describedby={error ? errorId : undefined}>
      <legend>{t('clients.form.features')}</legend>
      <div className="feature-checks">
        {offered.map((feature) => (
          <Checkbox
            key={feature.key}
            label={feature.inPlan ? featureName(feature.key) : t('features.outsidePlanOption', { feature: feature.key })}
            checked={checked.includes(feature.key)}
            onChange={(e) => onChange(e.target.checked ? [...checked, feature.key] : checked.filter((key) => key !== feature.key))}
          />
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
