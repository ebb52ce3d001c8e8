import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { logInKeysText } from '../impersonation/shortcuts';
import { discardingChanges } from '../ui/unsavedChanges';
import { openClient, useOpenedClient } from './detailStore';
import { focusSearch, LIST_ID } from './focus';
import { ClientRow, LoadingRow } from './ClientRow';
import { rowAt, select, showRows, useClientList } from './listStore';
import { clearPicked, pickAll, pickRange, togglePicked, useSelection } from './selectionStore';

/** Fixed row height: the list never measures rows, so 100,000 of them scroll as easily as 50. */
const ROW_HEIGHT = 52;

/**
 * The clients as a virtualised listbox: only the rows on screen exist in the
 * page, and only their pages are fetched. The listbox keeps focus; the
 * selected row is its active descendant. Rows are checked for bulk work with
 * Space, Shift (ranges), Ctrl/Cmd (one more) and Ctrl/Cmd+A (all of the filter).
 */
export function ClientList() {
  const { t } = useTranslation();
  const results = useClientList((s) => s.results);
  const searching = useClientList((s) => s.searching);
  const selected = useClientList((s) => s.selected);
  const picked = useSelection((s) => s.picked);
  const openedId = useOpenedClient((s) => (s.opened.state === 'none' ? null : s.opened.id));
  const scroller = useRef<HTMLDivElement>(null);
  const hintId = useId();
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

  // A new search starts at the top; a refresh after a change keeps the place.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [results?.searchId, virtualizer]);

  useEffect(() => {
    if (selected !== null) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, virtualizer]);

  function openRow(index: number) {
    const row = results && rowAt(results, index);
    if (row) discardingChanges(() => void openClient(row.id));
  }

  function onRowClick(event: MouseEvent, index: number) {
    select(index);
    if (event.shiftKey) void pickRange(index);
    else if (event.ctrlKey || event.metaKey) togglePicked(index);
    else openRow(index);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = selected ?? -1;
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1);
    if (event.key === 'ArrowUp' && current <= 0 && !event.shiftKey) {
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
    const command = (event.ctrlKey || event.metaKey) && !event.altKey;
    if (target !== undefined) {
      event.preventDefault();
      select(target);
      // Shift checks the range from where it started (or the row the cursor leaves) to where the cursor goes.
      if (event.shiftKey) void pickRange(Math.min(Math.max(target, 0), total - 1), current >= 0 ? current : undefined);
    } else if (event.key === 'Enter' && selected !== null) {
      event.preventDefault();
      openRow(selected);
    } else if (event.key === ' ' && selected !== null) {
      event.preventDefault();
      if (event.shiftKey) void pickRange(selected);
      else togglePicked(selected);
    } else if (command && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      void pickAll();
    } else if (event.key === 'Escape' && useSelection.getState().picked.size > 0) {
      event.preventDefault();
      clearPicked();
    }
  }

  const busy = searching || (!!results && items.some((item) => !rowAt(results, item.index)));
  const activeOnScreen = selected !== null && selected >= first && selected <= last;

  return (
    <>
      <p id={hintId} hidden>
        {t('clientList.keyboardHint')} {logInKeysText(t)}
      </p>
      <div
        ref={scroller}
        id={LIST_ID}
        className="client-list"
        role="listbox"
        aria-label={t('clientList.list')}
        aria-describedby={hintId}
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
                  checked={picked.has(row.id)}
                  onClick={(event) => onRowClick(event, item.index)}
                  onToggle={() => {
                    select(item.index);
                    togglePicked(item.index);
                  }}
                />
              ) : (
                <LoadingRow key={item.key} {...common} label={t('clientList.loadingRow')} />
              );
            })}
        </div>
      </div>
    </>
  );
}

const optionId = (index: number) => `client-option-${index}`;
