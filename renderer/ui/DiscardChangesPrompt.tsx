import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, useDialog } from './Dialog';
import { answerDiscard, useDiscardQuestion } from './unsavedChanges';

/** "Discard your changes?", while a step waits for the answer. */
export function DiscardChangesPrompt() {
  const pending = useDiscardQuestion((s) => s.pending);
  return pending && <DiscardChangesDialog />;
}

/** Cancel (or Escape) goes back into the form; Discard drops the changes and goes on. */
function DiscardChangesDialog() {
  const { t } = useTranslation();
  const dialog = useDialog();
  const discard = useRef(false);
  const close = (answer: boolean) => {
    discard.current = answer;
    dialog.close();
  };
  return (
    <Dialog title={t('unsaved.title')} role="alertdialog" dialogRef={dialog.ref} onClosed={() => answerDiscard(discard.current)}>
      <p className="dialog-text">{t('unsaved.text')}</p>
      <div className="form-actions">
        <button type="button" className="button danger" onClick={() => close(true)}>
          {t('unsaved.discard')}
        </button>
        <button type="button" className="button" data-autofocus onClick={() => close(false)}>
          {t('portfolio.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
