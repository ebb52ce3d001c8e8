import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../shared/clients';
import { FeatureChecks } from '../../features/FeatureChecks';
import { useCatalogue } from '../../features/store';
import { useFeatureName } from '../../features/useFeatureName';
import { invoke } from '../../ipc/client';
import { FormDialog } from '../../portfolio/FormDialog';
import { invalid, wholeNumber } from '../../portfolio/forms';
import { useAllowed } from '../../portfolio/useAllowed';
import { Field } from '../../ui/Field';
import { clientsChanged } from '../changes';
import { refreshOpened, showTab } from '../detailStore';
import { Section } from './Section';

/** What the client may use: features, seats, and the credit balances. */
export function ServicesSection({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const featureName = useFeatureName();
  const mayEdit = useAllowed('clients.edit');
  const [modifying, setModifying] = useState(false);
  return (
    <Section
      title={t('clientDetail.services')}
      actions={
        mayEdit &&
        client.status !== 'archived' && (
          <button type="button" className="button" onClick={() => setModifying(true)}>
            {t('clientDetail.modifyServices')}
          </button>
        )
      }
    >
      <div className="services">
        <div className="service">
          <p className="service-label">{t('clientDetail.features')}</p>
          {client.features.length > 0 ? (
            <ul className="tag-list" aria-label={t('clientDetail.features')}>
              {client.features.map((key) => (
                <li key={key} className="tag tag-feature">
                  {featureName(key)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('clientDetail.noFeatures')}</p>
          )}
        </div>
        <div className="service">
          <p className="service-label">{t('clientDetail.seats')}</p>
          <p className="service-figure">{t('clientDetail.seatsUsed', { used: client.usersUsed, count: client.seatLimit })}</p>
        </div>
        <div className="service">
          <p className="service-label">{t('clientDetail.credits')}</p>
          <p className="service-figure">
            {t('clientDetail.balances', { sms: client.credits.sms, call: client.credits.call })}{' '}
            <button type="button" className="button link" onClick={() => showTab('credits')}>
              {t('clientDetail.creditsHistory')}
            </button>
          </p>
        </div>
      </div>
      {modifying && <ModifyServicesDialog client={client} onClosed={() => setModifying(false)} />}
    </Section>
  );
}

/** "Modify features": the plan's features on or off, and the seat limit (never below the seats in use). */
function ModifyServicesDialog({ client, onClosed }: { client: ClientDetail; onClosed: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue((s) => s.features) ?? [];
  const [features, setFeatures] = useState(client.features);
  const [seats, setSeats] = useState(String(client.seatLimit));
  // A feature the plan no longer has can still be switched off where a client has it.
  const offered = catalogue.filter((f) => f.inPlan || client.features.includes(f.key));

  async function save() {
    const seatLimit = wholeNumber(seats);
    if (seatLimit === null) throw invalid('seatLimit', 'validation.wholeNumber', 'Enter a whole number.');
    const changed = features.length !== client.features.length || features.some((key) => !client.features.includes(key));
    if (changed) await invoke('clients.features.set', { id: client.id, features });
    if (seatLimit !== client.seatLimit) await invoke('clients.seats.set', { id: client.id, seatLimit });
    void refreshOpened();
    clientsChanged();
  }

  return (
    <FormDialog title={t('clientDetail.modifyTitle', { name: client.companyName })} fields={['features', 'seatLimit'] as const} submitLabel={t('clients.form.save')} onClosed={onClosed} onSubmit={save}>
      {(failure) => (
        <>
          <FeatureChecks offered={offered} checked={features} onChange={setFeatures} error={failure.fieldError('features')} />
          <Field
            label={t('clients.form.seatLimit')}
            hint={t('clientDetail.seatsHint', { used: client.usersUsed })}
            inputMode="numeric"
            value={seats}
            onChange={(e) => setSeats(e.target.value)}
            error={failure.fieldError('seatLimit')}
          />
        </>
      )}
    </FormDialog>
  );
}
