import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../shared/clients';
import { useFormat } from '../../i18n/format';
import { Moment } from '../../i18n/Moment';
import { PartnerAccessEditor } from '../../impersonation';
import { ClientHistoryList } from '../ClientHistoryList';
import type { ClientHistory } from '../detailStore';
import { Facts, Section } from './Section';
import { ServicesSection } from './ServicesSection';
import { SsoTokenSection } from './SsoTokenSection';

/** Company, contact, services, tags and notes, the SSO token, partner access and the history of changes. */
export function OverviewTab({ client, history }: { client: ClientDetail; history: ClientHistory | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="overview">
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
            [t('clientDetail.portal'), client.portalSsoUrl ?? t('clientDetail.portalBuiltin')],
          ]}
        />
        <Facts
          title={t('clientDetail.record')}
          facts={[
            [t('clientDetail.created'), <Moment at={client.createdAt} />],
            [t('clientDetail.updated'), <Moment at={client.updatedAt} />],
          ]}
        />
      </div>
      <ServicesSection client={client} />
      <div className="facts-grid">
        <Section title={t('clientDetail.tagsAndNotes')}>
          {client.tags.length > 0 ? (
            <ul className="tag-list" aria-label={t('clientDetail.tags')}>
              {client.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('clientDetail.noTags')}</p>
          )}
          <p className={client.notes ? 'notes' : 'muted'}>{client.notes || t('clientDetail.noNotes')}</p>
        </Section>
        <SsoTokenSection key={client.id} client={client} />
      </div>
      <PartnerAccessEditor clientId={client.id} />
      <ClientHistoryList history={history} />
    </div>
  );
}
