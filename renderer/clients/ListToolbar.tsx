import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../ipc/client';
import { navigate } from '../navigation/store';
import { useAllowed } from '../portfolio/useAllowed';
import { listInput, useClientList } from './listStore';
import { noticeFailure, showExported } from './noticeStore';
import { addClient, addClientKeys } from './shortcuts';

/** Exports what the list shows (search and filters as the count states them); the notice says where the file went. */
async function exportShown(): Promise<void> {
  const { results } = useClientList.getState();
  if (!results) return;
  try {
    showExported(await invoke('clients.export', listInput(results)));
  } catch (thrown) {
    noticeFailure(thrown);
  }
}

/** Add a client, import a CSV file, export the list: each where the operator's role allows it. */
export function ListToolbar() {
  const { t } = useTranslation();
  const may = { add: useAllowed('clients.edit'), import: useAllowed('clients.import'), export: useAllowed('clients.export') };
  const total = useClientList((s) => s.results?.total ?? 0);
  const [exporting, setExporting] = useState(false);
  return (
    <div className="list-toolbar">
      {may.add && (
        <button type="button" className="button primary" aria-keyshortcuts={addClientKeys().aria} title={addClientKeys().label} onClick={addClient}>
          {t('clientList.add')}
        </button>
      )}
      {may.import && (
        <button type="button" className="button" onClick={() => navigate('import')}>
          {t('clientList.import')}
        </button>
      )}
      {may.export && (
        <button
          type="button"
          className="button"
          disabled={exporting || total === 0}
          aria-busy={exporting}
          onClick={() => {
            setExporting(true);
            void exportShown().finally(() => setExporting(false));
          }}
        >
          {t('clientList.export')}
        </button>
      )}
    </div>
  );
}
