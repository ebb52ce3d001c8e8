import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createClient } from '../../../shared/clients';
import type { Language } from '../../../shared/settings';
import { inPlan, useCatalogue } from '../../features/store';
import { invoke } from '../../ipc/client';
import { checkBeforeSending, wholeNumbers } from '../../portfolio/forms';
import { Checkbox } from '../../ui/Checkbox';
import { FeatureChecks } from '../../features/FeatureChecks';
import { Field } from '../../ui/Field';
import { sameValues } from '../../ui/unsavedChanges';
import { clientsChanged } from '../changes';
import { openClient } from '../detailStore';
import { focusDetailHeading } from '../focus';
import { ClientFormFrame } from './ClientFormFrame';
import { DetailFields } from './DetailFields';
import { detailFields, detailInput, newDetails, type DetailValues } from './detailValues';

/** The services a new client starts with; the numbers as typed. */
interface Services {
  features: string[];
  seatLimit: string;
  smsCredits: string;
  callCredits: string;
  /** "Let the client configure the password": the contact is invited as the first user. */
  inviteFirstUser: boolean;
}

const newServices: Services = { features: [], seatLimit: '5', smsCredits: '0', callCredits: '0', inviteFirstUser: true };

const numberFields = [
  ['seatLimit', 5],
  ['smsCredits', 0],
  ['callCredits', 0],
] as const;
const fields = [...detailFields, 'features', ...numberFields.map(([name]) => name)];

/** "Add client": details, features of the plan, seats, initial credits, and the invitation of the contact. */
export function CreateClientForm() {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue((s) => s.features);
  const [initial] = useState(() => ({ details: newDetails(i18n.language as Language), services: newServices }));
  const [details, setDetails] = useState<DetailValues>(initial.details);
  const [services, setServices] = useState<Services>(initial.services);
  const change = (patch: Partial<Services>) => setServices((s) => ({ ...s, ...patch }));

  async function save() {
    const { features, inviteFirstUser } = services;
    const { values, wrong } = wholeNumbers(services, numberFields);
    const input = { ...detailInput(details), features, inviteFirstUser, ...values };
    checkBeforeSending(createClient, input, wrong);
    const { client, warnings } = await invoke('clients.create', input);
    clientsChanged();
    await openClient(client.id, warnings);
    focusDetailHeading();
  }

  return (
    <ClientFormFrame title={t('clients.form.createTitle')} submitLabel={t('clients.form.create')} fields={fields} dirty={!sameValues({ details, services }, initial)} onSubmit={save}>
      {(failure) => (
        <>
          <DetailFields values={details} onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))} failure={failure} />
          <fieldset className="form-section">
            <legend>{t('clients.form.services')}</legend>
            <FeatureChecks
              offered={inPlan(catalogue)}
              checked={services.features}
              onChange={(features) => change({ features })}
              error={failure.fieldError('features')}
            />
            <div className="form-grid form-grid-3">
              {numberFields.map(([name]) => (
                <Field
                  key={name}
                  label={t(`clients.form.${name}`)}
                  inputMode="numeric"
                  name={name}
                  value={services[name]}
                  onChange={(e) => change({ [name]: e.target.value })}
                  error={failure.fieldError(name)}
                />
              ))}
            </div>
          </fieldset>
          <fieldset className="form-section">
            <legend>{t('clients.form.access')}</legend>
            <Checkbox label={t('clients.form.inviteFirstUser')} checked={services.inviteFirstUser} onChange={(e) => change({ inviteFirstUser: e.target.checked })} />
            <p className="field-hint">{t(services.inviteFirstUser ? 'clients.form.inviteHint' : 'clients.form.noInviteHint')}</p>
          </fieldset>
        </>
      )}
    </ClientFormFrame>
  );
}
