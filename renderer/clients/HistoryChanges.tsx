import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/audit';
import { useFormat } from '../i18n/format';
import { translateOr } from '../i18n/i18n';

type Value = string | number | boolean | null;
/** Values kept for the record's sake that say nothing to an operator. */
const unshown = new Set(['sessionId']);

/** What an entry changed, "Label: before → after", in the operator's language; nothing for a pure event. */
export function HistoryChanges({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter((key) => !unshown.has(key));
  if (keys.length === 0) return null;

  const show = (key: string, value: Value | undefined): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
    if (typeof value === 'number') {
      if (key === 'durationMs') return format.duration(value);
      if (/(At|Until)$/.test(key)) return format.dateTime(value);
      return value.toLocaleString(i18n.language);
    }
    if (key === 'status') return translateOr(`clientStatus.${value}`, undefined, value);
    if (key === 'view') return translateOr(`impersonation.view.${value}`, undefined, value);
    if (key === 'endReason') return translateOr(`impersonation.endReason.${value}`, undefined, value);
    // A sign-in attempt's source: the desktop by name, a portal caller by address.
    if (key === 'source') return value === 'desktop' ? t('audit.source.desktop') : value;
    // A refusal is kept as its message key: the operator reads the message.
    if (key === 'refusal') return translateOr(value, undefined, value);
    return value;
  };
  return (
    <span className="history-changes">
      {keys.map((key) => (
        <span key={key} className="history-change">
          {translateOr(`audit.field.${key}`, undefined, key)}:{' '}
          {key in before && key in after ? `${show(key, before[key])} → ${show(key, after[key])}` : show(key, key in after ? after[key] : before[key])}
        </span>
      ))}
    </span>
  );
}
