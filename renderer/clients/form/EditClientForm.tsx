import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateClient, type ClientDetail } from '../../../shared/clients';
import { invoke } from '../../ipc/client';
import { checkBeforeSending } from '../../portfolio/forms';
import { sameValues } from '../../ui/unsavedChanges';
import { clientsChanged } from '../changes';
import { closeForm, refreshOpened } from '../detailStore';
import { focusDetailHeading } from '../focus';
import { ClientFormFrame } from './ClientFormFrame';
import { DetailFields } from './DetailFields';
import { detailFields, detailInput, detailsOf } from './detailValues';

/** "Edit details": the same fields and rules as a new client; only what changed is recorded. */
export function EditClientForm({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const [initial] = useState(() => detailsOf(client));
  const [details, setDetails] = useState(initial);

  async function save() {
    const input = { id: client.id, ...detailInput(details) };
    checkBeforeSending(updateClient, input);
    const saved = await invoke('clients.update', input);
    closeForm();
    clientsChanged();
    await refreshOpened(saved.client, saved.warnings);
    focusDetailHeading();
  }

  return (
    <ClientFormFrame title={t('clients.form.editTitle', { name: client.companyName })} submitLabel={t('clients.form.save')} fields={detailFields} dirty={!sameValues(details, initial)} onSubmit={save}>
      {(failure) => <DetailFields values={details} onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))} failure={failure} />}
    </ClientFormFrame>
  );
}
