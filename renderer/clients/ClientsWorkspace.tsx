import './clients.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useSession } from '../session/store';
import { ClientDetailPanel } from './ClientDetailPanel';
import { ClientList } from './ClientList';
import { ClientSearchBar } from './ClientSearchBar';
import { closeClient } from './detailStore';
import { focusSearch, isTypingIn } from './focus';
import { resetClientList, search, useClientList } from './listStore';

/** `/` (outside text fields) and Ctrl/Cmd+F go to the search box. */
function onShortcut(event: KeyboardEvent): void {
  const find = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f';
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingIn(event.target);
  if (find || slash) {
    event.preventDefault();
    focusSearch();
  }
}

/** Signed in: the client list on the left, the opened client on the right. */
export function ClientsWorkspace() {
  const { t } = useTranslation();
  const allowed = useSession((s) => hasPermission(s.session, 'clients.view'));

  useEffect(() => {
    if (!allowed) return;
    search();
    window.addEventListener('keydown', onShortcut);
    return () => {
      window.removeEventListener('keydown', onShortcut);
      resetClientList();
      closeClient();
    };
  }, [allowed]);

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
        <ClientSearchBar />
        <ClientList />
        <ListEmptyState />
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
  return (
    <div className="list-empty">
      <p>{results.query.trim() || results.status !== 'all' ? t('clientList.noMatchHint') : t('clientList.emptyHint')}</p>
    </div>
  );
}
