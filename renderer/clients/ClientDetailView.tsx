import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../shared/clients';
import { ClientHistoryList } from './ClientHistoryList';
import type { ClientHistory } from './detailStore';
import { StatusBadge } from './StatusBadge';
import { useFormat } from './useFormat';

/** A titled group of label/value pairs. */
function Facts({ title, facts }: { title: string; facts: [label: string, value: ReactNode][] }) {
  const id = useId();
  return (
    <section className="facts" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <dl>
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Everything the workspace knows about one client, and what happened to it. */
export function ClientDetailView({ client, history }: { client: ClientDetail; history: ClientHistory | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article className="client-detail">
      <header className="detail-header">
        <h2>{client.companyName}</h2>
        <StatusBadge status={client.status} />
      </header>
      <div className="facts-grid">
        <Facts
          title={t('clientDetail.contact')}
          facts={[
            [t('clientDetail.name'), client.contactName],
            [t('clientDetail.email'), client.contactEmail],
            [t('clientDetail.phone'), client.contactPhone],
          ]}
        />
        <Facts
          title={t('clientDetail.address')}
          facts={[
            [t('clientDetail.street'), client.street],
            [t('clientDetail.postalCode'), client.postalCode],
            [t('clientDetail.city'), client.city],
            [t('clientDetail.country'), format.country(client.country)],
          ]}
        />
        <Facts
          title={t('clientDetail.settings')}
          facts={[
            [t('clientDetail.language'), format.language(client.language)],
            [t('clientDetail.timeZone'), client.timeZone],
          ]}
        />
        <Facts
          title={t('clientDetail.record')}
          facts={[
            [t('clientDetail.created'), <time dateTime={new Date(client.createdAt).toISOString()}>{format.dateTime(client.createdAt)}</time>],
            [t('clientDetail.updated'), <time dateTime={new Date(client.updatedAt).toISOString()}>{format.dateTime(client.updatedAt)}</time>],
          ]}
        />
      </div>
      <ClientHistoryList history={history} />
    </article>
  );
}
