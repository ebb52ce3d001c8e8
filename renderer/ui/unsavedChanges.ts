import { useEffect, useRef, type RefObject } from 'react';
import { create } from 'zustand';

interface UnsavedForm {
  element: RefObject<HTMLElement | null>;
  /** Where the operator was in it: focus goes back there when they keep editing. */
  lastFocused: HTMLElement | null;
  discard: () => void;
}

/** The forms on screen (or kept behind another screen) whose input differs from what was saved. */
const unsaved = new Set<UnsavedForm>();

/** The step that waits while the operator is asked whether to discard their changes. */
export const useDiscardQuestion = create<{ pending: (() => void) | null }>(() => ({ pending: null }));

/**
 * Marks the form in `element` as holding unsaved changes while `dirty`:
 * whatever would leave it (another client, a new one, another screen,
 * signing out) asks first. `discard` puts the form back where the step after
 * it keeps the form mounted (the clients stay behind the settings and the import).
 */
export function useUnsavedChanges(dirty: boolean, element: RefObject<HTMLElement | null>, discard?: () => void): void {
  const discardRef = useRef(discard);
  useEffect(() => {
    discardRef.current = discard;
  });
  useEffect(() => {
    const root = element.current;
    if (!dirty || !root) return;
    const active = document.activeElement;
    const form: UnsavedForm = {
      element,
      lastFocused: active instanceof HTMLElement && root.contains(active) ? active : null,
      discard: () => discardRef.current?.(),
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) form.lastFocused = event.target;
    };
    root.addEventListener('focusin', onFocusIn);
    unsaved.add(form);
    return () => {
      root.removeEventListener('focusin', onFocusIn);
      unsaved.delete(form);
    };
  }, [dirty, element]);
}

/** Whether a form's values are those it started with or last saved (plain values: text, choices, lists). */
export const sameValues = (values: object, basis: object) => JSON.stringify(values) === JSON.stringify(basis);

/** Takes `step` at once where no form holds unsaved changes; else asks first whether to discard them. */
export function discardingChanges(step: () => void): void {
  if (unsaved.size === 0) step();
  else useDiscardQuestion.setState({ pending: step });
}

/** The operator's answer: discard the changes and take the step, or go back into the form where they were. */
export function answerDiscard(discard: boolean): void {
  const { pending } = useDiscardQuestion.getState();
  useDiscardQuestion.setState({ pending: null });
  const forms = [...unsaved];
  if (discard) {
    for (const form of forms) form.discard();
    pending?.();
    return;
  }
  const [form] = forms;
  const target = form?.lastFocused?.isConnected ? form.lastFocused : form?.element.current?.querySelector<HTMLElement>('input, select, textarea');
  target?.focus();
}
