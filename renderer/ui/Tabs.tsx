import './tabs.css';
import type { KeyboardEvent } from 'react';

export interface Tab<K extends string> {
  key: K;
  label: string;
}

const tabId = (id: string, key: string) => `${id}-tab-${key}`;
const panelId = (id: string, key: string) => `${id}-panel-${key}`;

/**
 * A row (or column) of tabs: one tab stop, arrow keys (and Home/End) move
 * between tabs and show each as they go, as the ARIA tabs pattern has it.
 */
export function TabList<K extends string>({
  id,
  label,
  tabs,
  current,
  onSelect,
  vertical = false,
}: {
  id: string;
  label: string;
  tabs: readonly Tab<K>[];
  current: K;
  onSelect: (key: K) => void;
  vertical?: boolean;
}) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.findIndex((tab) => tab.key === current);
    const [back, forward] = vertical ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
    const moves: Record<string, number> = { [back]: at - 1, [forward]: at + 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!;
    onSelect(next.key);
    document.getElementById(tabId(id, next.key))?.focus();
  }
  return (
    <div
      role="tablist"
      aria-label={label}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      className={vertical ? 'tabs tabs-vertical' : 'tabs'}
      onKeyDown={onKeyDown}
    >
      {tabs.map((tab) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          id={tabId(id, tab.key)}
          aria-selected={tab.key === current}
          aria-controls={panelId(id, tab.key)}
          tabIndex={tab.key === current ? 0 : -1}
          className="tab"
          onClick={() => onSelect(tab.key)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The props of the panel that belongs to a tab of `TabList` with the same id. */
export const tabPanel = (id: string, key: string) =>
  ({ role: 'tabpanel', id: panelId(id, key), 'aria-labelledby': tabId(id, key), tabIndex: 0 }) as const;
