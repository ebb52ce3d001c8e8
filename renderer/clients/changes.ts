import { loadCatalogue } from '../features/store';
import { refreshList } from './listStore';
import { loadTags } from './tagsStore';

/**
 * After clients changed (created, edited, bulk, imported): the list rows, the
 * tags the filter offers and the catalogue's usage counts are read again.
 */
export function clientsChanged(): void {
  refreshList();
  loadTags();
  loadCatalogue();
}
