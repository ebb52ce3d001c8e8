import './clients.css';
import '../portfolio/portfolio.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCatalogue } from '../features/store';
import { useAllowed } from '../portfolio/useAllowed';
import { BulkBar } from './bulk/BulkBar';
import { ClientDetailPanel } from './ClientDetailPanel';
import { ClientList } from './ClientList';
import { ClientSearchBar } from './ClientSearchBar';
import { closeClient } from './detailStore';
import { ListNoticeBar } from './ListNoticeBar';
import { ListToolbar } from './ListToolbar';
import { isFiltered, resetClientList, search, setFilter, useClientList } from './listStore';
import { dismissListNotice } from './noticeStore';
import { clearPicked } from './selectionStore';
import { onClientShortcut } from './shortcuts';
import { loadTags } from './tagsStore';

/** Signed in: the client list on the left, the opened client (or a client form) on the right. */
export function ClientsWorkspace() {
  const { t } = useTranslation();
  const allowed = useAllowed('clients.view');
  const mayAdd = useAllowed('clients.edit');

  useEffect(() => {
    if (!allowed) return;
    search();
    loadTags();
    loadCatalogue();
    return () => {
      resetClientList();
      clearPicked();
      dismissListNotice();
      closeClient();
    };
  }, [allowed]);

  useEffect(() => {
    if (!allowed) return;
    const onKeyDown = (event: KeyboardEvent) => onClientShortcut(event, mayAdd);
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [allowed, mayAdd]);

  if (!allowed) {
    return (
      <div className="empty-state">
        <p>{t('errors.missingPermission', { permission: 'clients.view' })}</p>
      </div>
    );
  }
  return (
    <div className="clients-workspace">
      <div className="list-pane">
        <ListToolbar />
        <ClientSearchBar />
        <ClientList />
        <ListEmptyState />
        <div className="list-footer">
          <ListNoticeBar />
          <BulkBar />
        </div>
      </div>
      <ClientDetailPanel />
    </div>
  );
}

/** Under an empty list: why it is empty. */
function ListEmptyState() {
  const { t } = useTranslation();
  const results = useClientList((s) => s.results);
  if (!results || results.total > 0) return null;
  const filtered = isFiltered(results);
  const hint = results.query.trim() ? 'clientList.noMatchHint' : filtered ? 'clientList.filtersHint' : 'clientList.emptyHint';
  return (
    <div className="list-empty">
      <p>{t(hint)}</p>
      {filtered && (
        <button type="button" className="button link" onClick={() => setFilter({ status: 'all', tag: '', feature: '' })}>
          {t('clientList.clearFilters')}
        </button>
      )}
    </div>
  );
}
