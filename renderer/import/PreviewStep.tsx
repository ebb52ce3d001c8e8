import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { importFields, type ImportField, type RowIssue } from '../../shared/client-import';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { errorText } from '../ui/errorText';
import { cancelImport, chooseMode, commitImport, remap, type ImportStep } from './importStore';

type Preview = Extract<ImportStep, { step: 'preview' }>;

/** What the file holds and what an import would do: mapping, counts, problems per row, a sample, and the mode. */
export function PreviewStep({ current }: { current: Preview }) {
  const { t } = useTranslation();
  const { preview, mode, error } = current;
  const blocked = preview.validRows === 0 || (mode === 'allOrNothing' && preview.invalidRows > 0);
  return (
    <div className="import-preview">
      <div className="card">
        <p className="import-file">{preview.fileName}</p>
        <ul className="import-counts" aria-label={t('import.counts')}>
          <li>{t('import.rows', { count: preview.rows })}</li>
          <li className="count-valid">{t('import.validRows', { count: preview.validRows })}</li>
          <li className={preview.invalidRows ? 'count-invalid' : undefined}>{t('import.invalidRows', { count: preview.invalidRows })}</li>
        </ul>
      </div>
      <MappingTable current={current} />
      <IssuesTable title={t('import.errors')} issues={preview.errors} count={preview.errorCount} tone="error" />
      <IssuesTable title={t('import.warnings')} issues={preview.warnings} count={preview.warningCount} tone="warning" />
      <SampleTable current={current} />
      <div className="card">
        <ChoiceGroup
          legend={t('import.mode')}
          options={[
            { value: 'allOrNothing', label: t('import.allOrNothing') },
            { value: 'skipInvalid', label: t('import.skipInvalid', { count: preview.invalidRows }) },
          ]}
          value={mode}
          onChange={chooseMode}
        />
        {mode === 'allOrNothing' && preview.invalidRows > 0 && <p className="field-hint">{t('import.allOrNothingBlocked', { count: preview.invalidRows })}</p>}
        {error && (
          <div className="alert alert-error" role="alert">
            <p>{errorText(error)}</p>
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button primary" disabled={blocked} onClick={() => void commitImport()}>
            {t('import.commit', { count: preview.validRows })}
          </button>
          <button type="button" className="button" onClick={cancelImport}>
            {t('import.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Each column of the file and the field it fills; changing one checks the rows again. */
function MappingTable({ current }: { current: Preview }) {
  const { t } = useTranslation();
  return (
    <CardTable title={t('import.mapping')} intro={t('import.mappingHint')} headings={[t('import.column'), t('import.importsAs')]}>
      {current.preview.columns.map((column) => (
        <tr key={column.index}>
          <th scope="row">{column.header || t('import.unnamedColumn', { number: column.index + 1 })}</th>
          <td>
            <select
              aria-label={t('import.importsAsFor', { column: column.header || column.index + 1 })}
              value={column.field ?? ''}
              onChange={(e) => void remap(column.index, (e.target.value || null) as ImportField | null)}
            >
              <option value="">{t('import.notImported')}</option>
              {importFields.map((field) => (
                <option key={field} value={field}>
                  {t(`import.fields.${field}`)}
                </option>
              ))}
            </select>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}

/** Problems (or warnings) as row, column and reason in words; the first 200 of them. */
function IssuesTable({ title, issues, count, tone }: { title: string; issues: RowIssue[]; count: number; tone: 'error' | 'warning' }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <CardTable
      title={`${title} (${count})`}
      tone={tone}
      headings={[t('import.row'), t('import.column'), t(tone === 'error' ? 'import.problem' : 'import.notice')]}
      footer={count > issues.length && <p className="muted">{t('import.moreIssues', { shown: issues.length, total: count })}</p>}
    >
      {issues.map((issue, index) => (
        <tr key={index}>
          <td>{issue.row}</td>
          <td>{issue.column ?? t('import.wholeRow')}</td>
          <td>{errorText(issue)}</td>
        </tr>
      ))}
    </CardTable>
  );
}

/** The first valid rows as they would be imported, by the fields the file fills. */
function SampleTable({ current }: { current: Preview }) {
  const { t } = useTranslation();
  const { sample, columns } = current.preview;
  const fields = importFields.filter((field) => columns.some((c) => c.field === field));
  if (sample.length === 0) return null;
  return (
    <CardTable title={t('import.sample')} headings={[t('import.row'), ...fields.map((field) => t(`import.fields.${field}`))]}>
      {sample.map(({ row, values }) => (
        <tr key={row}>
          <td>{row}</td>
          {fields.map((field) => (
            <td key={field}>{values[field]}</td>
          ))}
        </tr>
      ))}
    </CardTable>
  );
}

interface CardTableProps {
  title: string;
  intro?: string;
  tone?: 'error' | 'warning';
  /** Column headings; the first column holds row numbers or names. */
  headings: string[];
  footer?: ReactNode;
  children: ReactNode;
}

/** A titled card around a table that scrolls when it is long. */
function CardTable({ title, intro, tone, headings, footer, children }: CardTableProps) {
  const id = useId();
  return (
    <section className={tone ? `card issues-${tone}` : 'card'} aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {intro && <p className="field-hint">{intro}</p>}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {headings.map((heading) => (
                <th key={heading} scope="col">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
      {footer}
    </section>
  );
}
