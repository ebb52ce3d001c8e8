import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clientStatuses } from '../../shared/clients';
import { ClientCount } from './ClientCount';
import { focusList, SEARCH_ID } from './focus';
import { clearSearch, select, setSearch, setStatusFilter, useClientList, type StatusFilter } from './listStore';

const filters: readonly StatusFilter[] = ['all', ...clientStatuses];

/** Search box, status filter and the live count above the list. */
export function ClientSearchBar() {
  const { t } = useTranslation();
  const search = useClientList((s) => s.search);
  const status = useClientList((s) => s.status);

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
        <label className="inline-field">
          <span className="visually-hidden">{t('clientList.status')}</span>
          <select value={status} onChange={(e) => setStatusFilter(e.target.value as StatusFilter)}>
            {filters.map((filter) => (
              <option key={filter} value={filter}>
                {t(`clientStatus.${filter}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ClientCount />
    </div>
  );
}
