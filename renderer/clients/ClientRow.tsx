import type { MouseEvent } from 'react';
import type { ClientSummary } from '../../shared/clients';
import { useFormat } from '../i18n/format';
import { StatusBadge } from './StatusBadge';

interface RowPlace {
  id: string;
  index: number;
  total: number;
  top: number;
  height: number;
  selected: boolean;
}

/** Tags shown in a row; the detail has them all. */
const ROW_TAGS = 2;

/** The option's place in the whole list, for a list that only renders what is on screen. */
function optionProps({ id, index, total, top, height, selected }: RowPlace) {
  return {
    id,
    role: 'option',
    'aria-selected': selected,
    'aria-setsize': total,
    'aria-posinset': index + 1,
    style: { height, transform: `translateY(${top}px)` },
  } as const;
}

interface ClientRowProps extends RowPlace {
  client: ClientSummary;
  open: boolean;
  /** Checked for bulk work. */
  checked: boolean;
  onClick: (event: MouseEvent) => void;
  onToggle: () => void;
}

/**
 * One client: a check box for bulk work, company, tags and status, then
 * contact and place. The box is drawn for the mouse; the option itself
 * carries the checked state (aria-checked), so its name starts with the company.
 */
export function ClientRow({ client, open, checked, onClick, onToggle, ...place }: ClientRowProps) {
  const format = useFormat();
  const more = client.tags.length - ROW_TAGS;
  return (
    <div {...optionProps(place)} aria-checked={checked} className={open ? 'client-row is-open' : 'client-row'} onClick={onClick}>
      <span
        className={checked ? 'row-check is-checked' : 'row-check'}
        aria-hidden
        onClick={(event) => {
          event.stopPropagation();
          onToggle();
        }}
      />
      <div className="row-body">
        <div className="row-line">
          <span className="row-name">{client.companyName}</span>
          <span className="row-tags">
            {client.tags.slice(0, ROW_TAGS).map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
            {more > 0 && <span className="tag tag-more">+{more}</span>}
          </span>
          <StatusBadge status={client.status} />
        </div>
        <div className="row-line row-meta">
          <span className="row-contact">
            {client.contactName} · {client.contactEmail}
          </span>
          <span className="row-place">
            {client.city}
            {client.city && client.country && ', '}
            {format.country(client.country)}
          </span>
        </div>
      </div>
    </div>
  );
}

/** Stands in for a row whose page is still on its way. */
export function LoadingRow({ label, ...place }: RowPlace & { label: string }) {
  return (
    <div {...optionProps(place)} className="client-row is-loading" aria-disabled>
      <span className="row-check" aria-hidden />
      <div className="row-body">
        <span className="row-placeholder">{label}</span>
      </div>
    </div>
  );
}
