import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import { answerDiscard, useDiscardQuestion } from './unsavedChanges';

/** "Discard your changes?", while a step waits for the answer. */
export function DiscardChangesPrompt() {
  const pending = useDiscardQuestion((s) => s.pending);
  return pending && <DiscardChangesDialog />;
}

/** Cancel (or Escape) goes back into the form; Discard drops the changes and goes on. */
function DiscardChangesDialog() {
  const { t } = useTranslation();
  const discard = useRef(false);
  return (
    <ConfirmDialog
      title={t('unsaved.title')}
      text={t('unsaved.text')}
      confirmLabel={t('unsaved.discard')}
      cancelLabel={t('portfolio.cancel')}
      danger
      onConfirm={() => (discard.current = true)}
      onClosed={() => answerDiscard(discard.current)}
    />
  );
}
