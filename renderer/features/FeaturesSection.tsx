import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueFeature } from '../../shared/features';
import type { IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';
import { setFilter } from '../clients/listStore';
import { showScreen } from '../navigation/store';
import { useAllowed } from '../portfolio/useAllowed';
import { errorText } from '../ui/errorText';
import { discardingChanges } from '../ui/unsavedChanges';
import { loadCatalogue, updateFeature, useCatalogue } from './store';
import { useFeatureName } from './useFeatureName';

type Flag = 'inPlan' | 'hidden';

/**
 * The platform's features: which the plan allows (only those can be enabled
 * for clients), which white-labelling hides from the client view, and how
 * many clients use each. A feature in use cannot leave the plan; the refusal
 * says how many clients use it and leads to them.
 */
export function FeaturesSection() {
  const { t } = useTranslation();
  const features = useCatalogue((s) => s.features);
  const mayManage = useAllowed('features.manage');
  const featureName = useFeatureName();
  const [refusal, setRefusal] = useState<{ feature: string; error: IpcError } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(loadCatalogue, []);

  function change(feature: CatalogueFeature, flag: Flag, value: boolean) {
    setRefusal(null);
    setBusy(feature.key);
    updateFeature({ key: feature.key, [flag]: value })
      .catch((thrown) => {
        const error = handleFailure(thrown);
        if (error) setRefusal({ feature: feature.key, error });
      })
      .finally(() => setBusy(null));
  }

  function showClients(feature: string) {
    discardingChanges(() => {
      setFilter({ feature, status: 'all', tag: '' });
      showScreen('clients');
    });
  }

  if (!features) return <p className="muted">{t('portfolio.loading')}</p>;
  return (
    <div className="stack">
      {refusal && (
        <div className="alert alert-error" role="alert">
          <p>{errorText(refusal.error)}</p>
          {refusal.error.key === 'features.inUse' && (
            <button type="button" className="button link" onClick={() => showClients(refusal.feature)}>
              {t('features.showClients', { feature: refusal.feature })}
            </button>
          )}
        </div>
      )}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('features.feature')}</th>
            <th scope="col">{t('features.inPlan')}</th>
            <th scope="col">{t('features.hidden')}</th>
            <th scope="col" className="number">
              {t('features.clients')}
            </th>
          </tr>
        </thead>
        <tbody>
          {features.map((feature) => {
            const flag = (which: Flag) => (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={feature[which]}
                  disabled={!mayManage || busy === feature.key}
                  onChange={(e) => change(feature, which, e.target.checked)}
                />
                <span className="visually-hidden">{t(which === 'inPlan' ? 'features.inPlanFor' : 'features.hiddenFor', { feature: feature.key })}</span>
              </label>
            );
            return (
              <tr key={feature.key}>
                <th scope="row">{featureName(feature.key)}</th>
                <td>{flag('inPlan')}</td>
                <td>{flag('hidden')}</td>
                <td className="number">
                  {feature.clients > 0 ? (
                    <button type="button" className="button link" onClick={() => showClients(feature.key)}>
                      {t('features.clientCount', { count: feature.clients })}
                    </button>
                  ) : (
                    t('features.clientCount', { count: 0 })
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-hint">{t('features.explain')}</p>
    </div>
  );
}
