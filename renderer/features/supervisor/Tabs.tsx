/**
 * The ARIA tabs pattern: one tab stop for the tab list, arrows / Home / End move between tabs
 * and activate them (automatic activation), each panel labelled by its tab.
 */
import { useRef, type ReactNode } from 'react';

export interface TabSpec<K extends string> {
  key: K;
  label: ReactNode;
  testId: string;
}

export function tabId(idBase: string, key: string): string {
  return `${idBase}-tab-${key}`;
}

export function panelId(idBase: string, key: string): string {
  return `${idBase}-panel-${key}`;
}

/** The index the key moves to, wrapping around; null for keys the tab list does not own. */
export function nextTabIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function TabList<K extends string>({
  tabs,
  active,
  onChange,
  label,
  idBase,
}: {
  tabs: readonly TabSpec<K>[];
  active: K;
  onChange(key: K): void;
  label: string;
  idBase: string;
}) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const current = tabs.findIndex((t) => t.key === active);
    const next = nextTabIndex(e.key, current, tabs.length);
    if (next === null) return;
    e.preventDefault();
    const key = tabs[next]!.key;
    onChange(key);
    refs.current.get(key)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="sup-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.key === active;
        return (
          <button
            key={tab.key}
            ref={(el) => {
              if (el) refs.current.set(tab.key, el);
              else refs.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={tabId(idBase, tab.key)}
            aria-selected={selected}
            // Only the shown panel exists, so only its tab points at it.
            aria-controls={selected ? panelId(idBase, tab.key) : undefined}
            tabIndex={selected ? 0 : -1}
            className={`sup-tab${selected ? ' is-active' : ''}`}
            onClick={() => onChange(tab.key)}
            data-testid={tab.testId}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
