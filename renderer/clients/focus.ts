/** The search box and the list hand focus to each other and take it on shortcuts. */
export const SEARCH_ID = 'client-search';
export const LIST_ID = 'client-list';

export function focusSearch(): void {
  const input = document.getElementById(SEARCH_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

export const focusList = () => document.getElementById(LIST_ID)?.focus();

/** Where `/` is a character being typed, not a shortcut. */
export function isTypingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The heading of the opened client: focus goes there once a form that led to it is done. */
export const DETAIL_HEADING_ID = 'client-detail-heading';
export const focusDetailHeading = () => requestAnimationFrame(() => document.getElementById(DETAIL_HEADING_ID)?.focus());
