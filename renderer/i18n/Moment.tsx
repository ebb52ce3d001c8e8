import { useFormat } from './format';

/** A point in time as the operator's language writes it, with the exact moment for assistive technology. */
export function Moment({ at, as = 'dateTime' }: { at: number; as?: 'dateTime' | 'time' }) {
  const format = useFormat();
  return <time dateTime={new Date(at).toISOString()}>{format[as](at)}</time>;
}
