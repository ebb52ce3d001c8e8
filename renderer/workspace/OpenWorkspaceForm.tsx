import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { handleFailure } from '../app/failures';
import { Checkbox } from '../ui/Checkbox';
import { Field } from '../ui/Field';
import { FormAlert } from '../ui/FormAlert';
import { useFormFailure } from '../ui/useFormFailure';
import { browse, openWorkspace, useWorkspace } from './store';

/** Path of a workspace file (typed or chosen in the shell's dialog), optionally created if missing. */
export function OpenWorkspaceForm({ onCancel }: { onCancel?: () => void }) {
  const { t } = useTranslation();
  const canBrowse = useWorkspace((s) => s.canBrowse);
  const [file, setFile] = useState('');
  const [create, setCreate] = useState(false);
  const [busy, setBusy] = useState(false);
  const failure = useFormFailure(['file'] as const);

  async function submit(event: FormEvent) {
    event.preventDefault();
    failure.reset();
    setBusy(true);
    try {
      await openWorkspace({ file, create });
    } catch (thrown) {
      failure.fail(thrown);
    } finally {
      setBusy(false);
    }
  }

  function pick() {
    browse().then((chosen) => chosen && setFile(chosen), handleFailure);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert failure={failure} />
      <Field
        label={t('openWorkspace.file')}
        name="file"
        value={file}
        onChange={(e) => setFile(e.target.value)}
        spellCheck={false}
        autoComplete="off"
        error={failure.fieldError('file')}
        hint={canBrowse ? undefined : t('openWorkspace.browseUnsupported')}
        action={
          canBrowse && (
            <button type="button" className="button" onClick={pick}>
              {t('openWorkspace.browse')}
            </button>
          )
        }
      />
      <Checkbox label={t('openWorkspace.create')} checked={create} onChange={(e) => setCreate(e.target.checked)} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('openWorkspace.submit')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('openWorkspace.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
