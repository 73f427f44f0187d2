import { emptyState, table } from '../dom/components.js';
import { el } from '../dom/el.js';
import { routeHash, type CatalogRouteKind } from '../routes/route.js';
import { entryFields, type EntryField } from './catalog-entry.js';

/** Which catalog kind a field's linked chips point at, by the field's label. */
const LINK_KIND: Record<string, CatalogRouteKind> = {
  Dimensions: 'dimensions',
  Skills: 'skills',
  'Core skills': 'skills',
  Roles: 'roles',
  'Roles linking it': 'roles',
};

/** A catalog entry's fields as a definition list; names of other entries link to their pages. */
export function catalogEntryFacts(entry: Record<string, unknown>): HTMLElement {
  const fields = entryFields(entry);
  if (fields.length === 0) return emptyState('No further details.');
  return el(
    'dl',
    { class: 'facts entry-facts' },
    fields.map((field) => el('div', { class: `fact fact-${field.kind}` }, el('dt', null, field.label), el('dd', null, fieldValue(field)))),
  );
}

function fieldValue(field: EntryField): HTMLElement | string {
  switch (field.kind) {
    case 'text':
      return field.value;
    case 'chips': {
      if (field.chips.length === 0) return el('span', { class: 'muted' }, 'none');
      const kind = LINK_KIND[field.label];
      return el(
        'ul',
        { class: 'chips' },
        field.chips.map((chip) =>
          el(
            'li',
            { class: 'chip' },
            kind && chip.slug ? el('a', { href: routeHash({ page: 'catalog', kind, slug: chip.slug, q: '' }) }, chip.text) : chip.text,
            chip.note ? el('span', { class: 'chip-note' }, chip.note) : null,
          ),
        ),
      );
    }
    case 'records':
      return field.rows.length === 0 ? el('span', { class: 'muted' }, 'none') : table(field.columns, field.rows, { caption: field.label });
  }
}
