import { useId, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { clientStatuses } from '../../shared/clients';
import { useCatalogue } from '../features/store';
import { useFeatureName } from '../features/useFeatureName';
import { ClientCount } from './ClientCount';
import { focusList, SEARCH_ID } from './focus';
import { clearSearch, select, setFilter, setSearch, useClientList, type ClientSort, type SortDirection, type StatusFilter } from './listStore';
import { useTags } from './tagsStore';

const statusFilters: readonly StatusFilter[] = ['all', ...clientStatuses];
/** Each order as one choice: field and direction. */
const orders = ['name:asc', 'name:desc', 'created:desc', 'created:asc', 'status:asc', 'status:desc'] as const;

/** Search box, filters, order and the live count above the list. */
export function ClientSearchBar() {
  const { t } = useTranslation();
  const search = useClientList((s) => s.search);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && search !== '') {
      event.preventDefault();
      clearSearch();
    } else if (event.key === 'ArrowDown' && useClientList.getState().results?.total) {
      event.preventDefault();
      select(useClientList.getState().selected ?? 0);
      focusList();
    }
  }

  return (
    <div className="search-bar">
      <div className="search-row">
        <label className="visually-hidden" htmlFor={SEARCH_ID}>
          {t('clientList.search')}
        </label>
        <input
          id={SEARCH_ID}
          className="search-input"
          type="search"
          value={search}
          placeholder={t('clientList.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <ClientFilters />
      <ClientCount />
    </div>
  );
}

/** Status, tag and feature filters and the order: each applies at once. */
function ClientFilters() {
  const { t } = useTranslation();
  const { status, tag, feature, sort, direction } = useClientList(useShallow(({ status, tag, feature, sort, direction }) => ({ status, tag, feature, sort, direction })));
  const tags = useTags((s) => s.tags);
  const features = useCatalogue((s) => s.features);
  const featureName = useFeatureName();
  return (
    <div className="filter-row">
      <FilterSelect label={t('clientList.status')} value={status} onChange={(value) => setFilter({ status: value as StatusFilter })}>
        {statusFilters.map((filter) => (
          <option key={filter} value={filter}>
            {t(`clientStatus.${filter}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('clientList.tag')} value={tag} onChange={(value) => setFilter({ tag: value })}>
        <option value="">{t('clientList.anyTag')}</option>
        {/* A tag chosen before its last client lost it stays choosable. */}
        {tag && !tags?.some((entry) => entry.tag === tag) && <option value={tag}>{tag}</option>}
        {tags?.map((entry) => (
          <option key={entry.tag} value={entry.tag}>
            {t('clientList.tagOption', { tag: entry.tag, count: entry.clients })}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label={t('clientList.feature')} value={feature} onChange={(value) => setFilter({ feature: value })}>
        <option value="">{t('clientList.anyFeature')}</option>
        {features?.map((entry) => (
          <option key={entry.key} value={entry.key}>
            {featureName(entry.key)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        label={t('clientList.sort')}
        value={`${sort}:${direction}`}
        onChange={(value) => {
          const [field, order] = value.split(':') as [ClientSort, SortDirection];
          setFilter({ sort: field, direction: order });
        }}
      >
        {orders.map((order) => (
          <option key={order} value={order}>
            {t(`clientList.orders.${order.replace(':', '_') as 'name_asc'}`)}
          </option>
        ))}
      </FilterSelect>
    </div>
  );
}

function FilterSelect({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = useId();
  return (
    <div className="filter">
      <label className="filter-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
