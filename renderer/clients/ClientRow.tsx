import type { ClientSummary } from '../../shared/clients';
import { StatusBadge } from './StatusBadge';
import { useFormat } from './useFormat';

interface RowPlace {
  id: string;
  index: number;
  total: number;
  top: number;
  height: number;
  selected: boolean;
}

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

/** One client: company and status, then contact and place. */
export function ClientRow({ client, open, onClick, ...place }: RowPlace & { client: ClientSummary; open: boolean; onClick: () => void }) {
  const format = useFormat();
  return (
    <div {...optionProps(place)} className={open ? 'client-row is-open' : 'client-row'} onClick={onClick}>
      <div className="row-line">
        <span className="row-name">{client.companyName}</span>
        <StatusBadge status={client.status} />
      </div>
      <div className="row-line row-meta">
        <span className="row-contact">
          {client.contactName} · {client.contactEmail}
        </span>
        <span className="row-place">
          {client.city}, {format.country(client.country)}
        </span>
      </div>
    </div>
  );
}

/** Stands in for a row whose page is still on its way. */
export function LoadingRow({ label, ...place }: RowPlace & { label: string }) {
  return (
    <div {...optionProps(place)} className="client-row is-loading" aria-disabled>
      <div className="row-line">
        <span className="row-placeholder">{label}</span>
      </div>
    </div>
  );
}
