/**
 * Client-side filters: node types, city, region and theme. Filtering hides elements (class
 * "filtered") instead of refetching, so live changes keep flowing into one graph. The city, region
 * and theme rules match the API's graph query (cypher/queries/workspace-graph.cypher):
 * a node passes the city filter when it is the city, touches it, or touches something located in it;
 * region and theme work the same way through IN_REGION and FOCUSES_ON.
 */
import type { Core, NodeCollection } from 'cytoscape';
import { NODE_TYPES, type NodeType } from '../../../domain/entities';
import { byName, h, replaceChildren, svg } from '../dom';
import { t, typeLabel, type MsgKey } from '../i18n';
import { swatchSvg } from '../style/cy-style';

export const FILTERABLE_TYPES: readonly NodeType[] = NODE_TYPES.filter((type) => type !== 'Workspace');

export interface FilterState {
  types: Set<NodeType>;
  city: string;
  region: string;
  theme: string;
}

/**
 * Nodes the user asked to see whatever the filters say (double-click "expand" brings in neighbours the
 * filters had hidden): apply() keeps them visible, so the next live change does not hide them again.
 * A filter the user changes is a new intent and clears the mark.
 */
export const SHOWN_ANYWAY = 'shown-anyway';

export function emptyFilter(): FilterState {
  return { types: new Set(FILTERABLE_TYPES), city: '', region: '', theme: '' };
}

export function isFiltering(state: FilterState): boolean {
  return state.types.size < FILTERABLE_TYPES.length || !!state.city || !!state.region || !!state.theme;
}

const edgesOf = (...types: string[]) => types.map((type) => `edge[type = "${type}"]`).join(', ');

/** The nodes that pass every active filter. */
export function matchingNodes(cy: Core, state: FilterState): NodeCollection {
  let result = cy.nodes().filter((n) => state.types.has(n.data('type')));
  const place = (id: string) => cy.getElementById(id).nodes();

  if (state.city) {
    const city = place(state.city);
    const locatedThere = city.incomers(edgesOf('LOCATED_IN')).sources();
    result = result.intersection(city.union(city.neighborhood('node')).union(locatedThere.neighborhood('node')));
  }
  if (state.region) {
    const region = place(state.region);
    const placeEdges = edgesOf('LOCATED_IN', 'IN_REGION');
    const near = region.connectedEdges(placeEdges).connectedNodes();
    const twoSteps = near.connectedEdges(placeEdges).connectedNodes();
    const citiesInRegion = region.incomers(edgesOf('IN_REGION')).sources('[type = "City"]');
    const locatedInCities = citiesInRegion.incomers(edgesOf('LOCATED_IN')).sources();
    result = result.intersection(region.union(near).union(twoSteps).union(locatedInCities.neighborhood('node')));
  }
  if (state.theme) {
    const theme = place(state.theme);
    const focusing = theme.incomers(edgesOf('FOCUSES_ON')).sources();
    result = result.intersection(theme.union(focusing).union(focusing.neighborhood('node')));
  }
  return result;
}

const PLACE_FILTERS: ReadonlyArray<{ key: 'city' | 'region' | 'theme'; type: NodeType; label: MsgKey }> = [
  { key: 'city', type: 'City', label: 'filters.city' },
  { key: 'region', type: 'Region', label: 'filters.region' },
  { key: 'theme', type: 'Theme', label: 'filters.theme' },
];

export class FiltersView {
  private state = emptyFilter();

  constructor(
    private readonly root: HTMLElement,
    private readonly cy: Core,
    private readonly onChange: (state: FilterState) => void,
  ) {}

  get current(): FilterState {
    return this.state;
  }

  /** Builds the controls; call again after a language switch or when cities, regions or themes change. */
  render(): void {
    const typeBoxes = FILTERABLE_TYPES.map((type) =>
      h(
        'label',
        { class: 'check' },
        h('input', {
          type: 'checkbox',
          checked: this.state.types.has(type),
          'data-testid': `filter-type-${type}`,
          onchange: (e) => {
            if ((e.target as HTMLInputElement).checked) this.state.types.add(type);
            else this.state.types.delete(type);
            this.changed();
          },
        }),
        svg(swatchSvg(type, 14)),
        h('span', { class: 'check-label', title: typeLabel(type) }, typeLabel(type)),
      ),
    );
    const selects = PLACE_FILTERS.map(({ key, type, label }) => {
      const id = `filter-${key}`;
      const options = this.cy
        .nodes(`[type = "${type}"]`)
        .map((n) => ({ id: n.id(), name: String(n.data('label') ?? n.data('name')) }))
        .sort(byName((o) => o.name));
      if (this.state[key] && !options.some((o) => o.id === this.state[key])) this.state[key] = '';
      return h(
        'div',
        { class: 'field' },
        h('label', { for: id }, t(label)),
        h(
          'select',
          {
            id,
            'data-testid': id,
            onchange: (e) => {
              this.state[key] = (e.target as HTMLSelectElement).value;
              this.changed();
            },
          },
          h('option', { value: '' }, t('filters.any')),
          ...options.map((o) => h('option', { value: o.id, selected: o.id === this.state[key] }, o.name)),
        ),
      );
    });

    replaceChildren(
      this.root,
      h('h2', {}, t('filters.title')),
      h(
        'fieldset',
        { class: 'types' },
        h('legend', {}, t('filters.types')),
        h(
          'div',
          { class: 'row-buttons' },
          h('button', { type: 'button', class: 'link', onclick: () => this.setTypes(FILTERABLE_TYPES) }, t('filters.all')),
          h('button', { type: 'button', class: 'link', onclick: () => this.setTypes([]) }, t('filters.none')),
        ),
        h('div', { class: 'type-grid' }, ...typeBoxes),
      ),
      ...selects,
      h('button', { type: 'button', class: 'secondary', 'data-testid': 'filter-reset', onclick: () => this.reset() }, t('filters.reset')),
    );
  }

  /** Replaces the whole state (a saved view being opened) and applies it. */
  set(state: FilterState): void {
    this.state = { ...state, types: new Set(state.types) };
    this.render();
    this.changed();
  }

  reset(): void {
    this.state = emptyFilter();
    this.render();
    this.changed();
  }

  /** Hides what does not pass; returns whether anything is hidden. */
  apply(): boolean {
    const filtering = isFiltering(this.state);
    this.cy.batch(() => {
      if (!filtering) {
        this.cy.nodes().removeClass('filtered');
        return;
      }
      const keep = matchingNodes(this.cy, this.state).union(this.cy.nodes(`.${SHOWN_ANYWAY}`));
      keep.removeClass('filtered');
      this.cy.nodes().difference(keep).addClass('filtered').unselect();
    });
    return filtering;
  }

  private setTypes(types: readonly NodeType[]): void {
    this.state.types = new Set(types);
    this.render();
    this.changed();
  }

  private changed(): void {
    this.cy.nodes().removeClass(SHOWN_ANYWAY);
    this.apply();
    this.onChange(this.state);
  }
}
