import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openClient, useOpenedClient } from './detailStore';
import { focusSearch, LIST_ID } from './focus';
import { ClientRow, LoadingRow } from './ClientRow';
import { rowAt, select, showRows, useClientList } from './listStore';

/** Fixed row height: the list never measures rows, so 100,000 of them scroll as easily as 50. */
const ROW_HEIGHT = 52;

/**
 * The clients as a virtualised listbox: only the rows on screen exist in the
 * page, and only their pages are fetched. The listbox keeps focus; the
 * selected row is its active descendant.
 */
export function ClientList() {
  const { t } = useTranslation();
  const results = useClientList((s) => s.results);
  const searching = useClientList((s) => s.searching);
  const selected = useClientList((s) => s.selected);
  const openedId = useOpenedClient((s) => (s.opened.state === 'none' ? null : s.opened.id));
  const scroller = useRef<HTMLDivElement>(null);
  const total = results?.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= 0) showRows(first, last);
  }, [first, last, results?.generation]);

  // A new search starts at the top.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [results?.generation, virtualizer]);

  useEffect(() => {
    if (selected !== null) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);

  function openRow(index: number) {
    const row = results && rowAt(results, index);
    if (row) void openClient(row.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = selected ?? -1;
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    if (event.key === 'ArrowUp' && current <= 0) {
      event.preventDefault();
      focusSearch();
      return;
    }
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: total - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      select(target);
    } else if (event.key === 'Enter' && selected !== null) {
      event.preventDefault();
      openRow(selected);
    }
  }

  const busy = searching || (!!results && items.some((item) => !rowAt(results, item.index)));
  const activeOnScreen = selected !== null && selected >= first && selected <= last;

  return (
    <div
      ref={scroller}
      id={LIST_ID}
      className="client-list"
      role="listbox"
      aria-label={t('clientList.list')}
      aria-busy={busy}
      aria-activedescendant={activeOnScreen ? optionId(selected) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="client-list-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {results &&
          items.map((item) => {
            const row = rowAt(results, item.index);
            const common = {
              id: optionId(item.index),
              index: item.index,
              total,
              top: item.start,
              height: item.size,
              selected: item.index === selected,
            };
            return row ? (
              <ClientRow
                key={item.key}
                {...common}
                client={row}
                open={row.id === openedId}
                onClick={() => {
                  select(item.index);
                  openRow(item.index);
                }}
              />
            ) : (
              <LoadingRow key={item.key} {...common} label={t('clientList.loadingRow')} />
            );
          })}
      </div>
    </div>
  );
}

const optionId = (index: number) => `client-option-${index}`;
