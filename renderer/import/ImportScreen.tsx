import '../portfolio/portfolio.css';
import './import.css';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES } from '../../shared/client-import';
import { showNewest } from '../clients/listStore';
import { navigate } from '../navigation/store';
import { errorText } from '../ui/errorText';
import { FileField } from '../ui/Field';
import { Progress } from '../ui/Progress';
import { useUnsavedChanges } from '../ui/unsavedChanges';
import { cancelImport, followImportProgress, leaveImport, startImport, useImport } from './importStore';
import { PreviewStep } from './PreviewStep';

const steps = ['choose', 'check', 'import'] as const;
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** "Import clients": choose a CSV file, check it (mapping, problems per row), import, see what happened. */
export function ImportScreen() {
  const { t } = useTranslation();
  const current = useImport((s) => s.current);
  const headingId = useId();
  const screen = useRef<HTMLElement>(null);
  useUnsavedChanges('remapped' in current && current.remapped, screen);
  useEffect(() => {
    const stop = followImportProgress();
    return () => {
      stop();
      leaveImport();
    };
  }, []);

  const at = { choose: 0, reading: 1, checking: 1, preview: 1, committing: 2, done: 2 }[current.step];
  return (
    <section ref={screen} className="import-screen" aria-labelledby={headingId}>
      <header className="import-header">
        <button type="button" className="button link" onClick={() => navigate('clients')}>
          {t('import.back')}
        </button>
        <h2 id={headingId}>{t('import.title')}</h2>
        <ol className="import-steps">
          {steps.map((step, index) => (
            <li key={step} aria-current={index === at ? 'step' : undefined} className={index < at ? 'is-done' : undefined}>
              {t(`import.steps.${step}`)}
            </li>
          ))}
        </ol>
      </header>
      {current.step === 'choose' && (
        <div className="card">
          <p>{t('import.intro', { limit: megabytes(IMPORT_MAX_BYTES) })}</p>
          {current.cancelled && (
            <div className="alert alert-info" role="status">
              <p>{t('import.cancelledNothing', { file: current.cancelled })}</p>
            </div>
          )}
          {current.error && (
            <div className="alert alert-error" role="alert">
              <p>{errorText(current.error)}</p>
            </div>
          )}
          <FileField
            label={t('import.file')}
            hint={t('import.fileHint')}
            choose={t('portfolio.chooseFile')}
            chosen={t('portfolio.noFile')}
            accept=".csv,.txt,text/csv"
            onFile={(file) => void startImport(file)}
          />
        </div>
      )}
      {(current.step === 'reading' || current.step === 'checking') && (
        <div className="card" aria-busy>
          <p className="import-file">{current.fileName}</p>
          <Progress
            label={t(current.step === 'reading' ? 'import.reading' : 'import.checking')}
            done={current.done}
            total={current.total}
            text={
              current.step === 'reading'
                ? t('import.readingProgress', { done: megabytes(current.done), total: megabytes(current.total) })
                : t('import.checkingProgress', { done: current.done, total: current.total })
            }
          />
          <div className="form-actions">
            <button type="button" className="button" onClick={cancelImport}>
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}
      {current.step === 'preview' && <PreviewStep current={current} />}
      {current.step === 'committing' && (
        <div className="card" aria-busy>
          <p className="import-file">{current.preview.fileName}</p>
          <Progress label={t('import.committing')} done={current.done} total={current.total} text={t('import.committingProgress', { done: current.done, total: current.total })} />
          <p className="field-hint">{t('import.noCancelWhileWriting')}</p>
        </div>
      )}
      {current.step === 'done' && (
        <div className="card">
          <div className="alert alert-info" role="status">
            <p>{t('import.doneSummary', { count: current.imported, file: current.fileName })}</p>
            {current.skipped > 0 && <p>{t('import.doneSkipped', { count: current.skipped })}</p>}
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                showNewest();
                navigate('clients');
              }}
            >
              {t('import.showClients')}
            </button>
            <button type="button" className="button" onClick={cancelImport}>
              {t('import.another')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
