/**
 * A saved view's filter on the client. The types and a single city, region or theme go into the
 * sidebar's filters (views/filters.ts), where the user sees them; what those cannot show (several
 * places of one kind, a period, metric ranges) hides nodes with the class "view-hidden". The rules are
 * the API's (cypher/queries/workspace-graph.cypher): a place list passes a node near any of its places;
 * dated nodes must overlap the period, undated ones pass; every metric range must hold.
 */
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { NodeType } from '../../../domain/entities';
import { metricProperty, type ViewFilter } from '../../../domain/views';
import { emptyFilter, FILTERABLE_TYPES, matchingNodes, SHOWN_ANYWAY, type FilterState } from '../views/filters';

export const VIEW_HIDDEN = 'view-hidden';

/** The sidebar's filter state for a view: its types, and a place when the view has exactly one of that kind. */
export function sidebarStateOf(filter: ViewFilter): FilterState {
  const only = (ids: string[]) => (ids.length === 1 ? ids[0] : '');
  return {
    types: new Set<NodeType>(filter.types ?? FILTERABLE_TYPES),
    city: only(filter.cities),
    region: only(filter.regions),
    theme: only(filter.themes),
  };
}

/** The view filter of what the sidebar shows, with the period and ranges kept from the form. */
export function viewFilterOf(state: FilterState, extra: Pick<ViewFilter, 'period' | 'metricRanges'>): ViewFilter {
  const all = FILTERABLE_TYPES.every((t) => state.types.has(t));
  return {
    types: all || state.types.size === 0 ? null : FILTERABLE_TYPES.filter((t) => state.types.has(t)),
    cities: state.city ? [state.city] : [],
    regions: state.region ? [state.region] : [],
    themes: state.theme ? [state.theme] : [],
    ...extra,
  };
}

function nearAny(cy: Core, key: 'city' | 'region' | 'theme', ids: string[]): NodeCollection {
  let result = cy.collection() as NodeCollection;
  for (const id of ids) result = result.union(matchingNodes(cy, { ...emptyFilter(), [key]: id }));
  return result;
}

function inPeriod(node: NodeSingular, filter: ViewFilter): boolean {
  const { from, to } = filter.period ?? { from: null, to: null };
  const start = node.data('startDate') as string | undefined;
  const end = node.data('endDate') as string | undefined;
  // ISO dates compare as text.
  return (!to || !start || start <= to) && (!from || !end || end >= from);
}

function inRanges(node: NodeSingular, filter: ViewFilter): boolean {
  return filter.metricRanges.every((r) => {
    const value = node.data(metricProperty(r.metric)) as unknown;
    return typeof value === 'number' && (r.min === null || value >= r.min) && (r.max === null || value <= r.max);
  });
}

/** Hides (class view-hidden) what the view's extra rules leave out; null clears them. Returns how many are hidden. */
export function applyViewFilter(cy: Core, filter: ViewFilter | null): number {
  let hidden = 0;
  cy.batch(() => {
    cy.nodes().removeClass(VIEW_HIDDEN);
    if (!filter) return;
    let keep = cy.nodes().filter((n) => inPeriod(n, filter) && inRanges(n, filter));
    if (filter.cities.length > 1) keep = keep.intersection(nearAny(cy, 'city', filter.cities));
    if (filter.regions.length > 1) keep = keep.intersection(nearAny(cy, 'region', filter.regions));
    if (filter.themes.length > 1) keep = keep.intersection(nearAny(cy, 'theme', filter.themes));
    const out = cy.nodes().difference(keep.union(cy.nodes(`.${SHOWN_ANYWAY}`)));
    out.addClass(VIEW_HIDDEN).unselect();
    hidden = out.length;
  });
  return hidden;
}
