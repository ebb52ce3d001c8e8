import '../../ui/tabs.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../shared/clients';
import type { FieldIssue } from '../../../shared/ipc/errors';
import { LogInAsActions } from '../../impersonation';
import { useAllowed } from '../../portfolio/useAllowed';
import { errorText } from '../../ui/errorText';
import { lazyNamed, WhenLoaded } from '../../ui/lazy';
import { tabPanel, TabList } from '../../ui/Tabs';
import { showTab, useOpenedClient, type ClientHistory, type DetailTab } from '../detailStore';
import { DETAIL_HEADING_ID } from '../focus';
import { StatusBadge } from '../StatusBadge';
import { DetailActions } from './DetailActions';
import { OverviewTab } from './OverviewTab';

const TABS_ID = 'client-tabs';
// The tabs after the first load when first shown.
const UsersTab = lazyNamed(() => import('./UsersTab'), 'UsersTab');
const CreditsTab = lazyNamed(() => import('./CreditsTab'), 'CreditsTab');
const OutboxList = lazyNamed(() => import('../../outbox/OutboxList'), 'OutboxList');
const AccessHistory = lazyNamed(() => import('../../impersonation/AccessHistory'), 'AccessHistory');

interface ClientDetailViewProps {
  client: ClientDetail;
  history: ClientHistory | null;
  warnings: FieldIssue[];
}

/** Everything about one client on one screen: who, what they may use, their users, credits, mail and history. */
export function ClientDetailView({ client, history, warnings }: ClientDetailViewProps) {
  const { t } = useTranslation();
  const chosen = useOpenedClient((s) => s.tab);
  const mayAudit = useAllowed('audit.view');
  const panels: Partial<Record<DetailTab, ReactNode>> = {
    overview: <OverviewTab client={client} history={history} />,
    users: <UsersTab client={client} />,
    credits: <CreditsTab client={client} />,
    mail: <OutboxList clientId={client.id} />,
    ...(mayAudit && { access: <AccessHistory clientId={client.id} /> }),
  };
  const tab = chosen in panels ? chosen : 'overview';
  const tabs = (Object.keys(panels) as DetailTab[]).map((key) => ({ key, label: t(`clientDetail.tabs.${key}`) }));
  return (
    <article className="client-detail">
      <header className="detail-header">
        <div className="detail-title">
          <h2 id={DETAIL_HEADING_ID} tabIndex={-1}>
            {client.companyName}
          </h2>
          <StatusBadge status={client.status} />
          <span className="detail-number">{t('clientDetail.number', { id: client.id })}</span>
        </div>
        <DetailActions client={client} />
      </header>
      <LogInAsActions client={client} />
      <StatusNotes client={client} warnings={warnings} />
      <div className="detail-tabs">
        <TabList id={TABS_ID} label={t('clientDetail.tabsLabel')} tabs={tabs} current={tab} onSelect={showTab} />
        <div {...tabPanel(TABS_ID, tab)} className="tab-panel">
          <WhenLoaded>{panels[tab]}</WhenLoaded>
        </div>
      </div>
    </article>
  );
}

/** Why the client is suspended or archived, and what the last save should make the operator look at. */
function StatusNotes({ client, warnings }: { client: ClientDetail; warnings: FieldIssue[] }) {
  const { t } = useTranslation();
  return (
    <>
      {client.status === 'suspended' && (
        <div className="alert alert-warning">
          <p>{t('clientDetail.suspendedBecause', { reason: client.suspensionReason ?? '' })}</p>
        </div>
      )}
      {client.status === 'archived' && (
        <div className="alert alert-info">
          <p>{t(client.suspensionReason ? 'clientDetail.archivedSuspended' : 'clientDetail.archivedNote', { reason: client.suspensionReason ?? '' })}</p>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="alert alert-warning" role="status">
          <p>{t('clientDetail.savedWithWarnings')}</p>
          <ul>
            {warnings.map((warning) => (
              <li key={`${warning.path}-${warning.key}`}>{errorText(warning)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
