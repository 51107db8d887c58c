/**
 * Highlights a set of projects on the map with where they are run, dimming the rest: both sides of an
 * overlap, the projects of a heat-map cell, the projects of an insight. Works with its own classes
 * (ov-*), so the selection's 'faded' and the filters' 'filtered' stay untouched and clearing restores
 * exactly what was there. A bar over the canvas says what is highlighted and clears it (so does Esc).
 */
import type { Collection, Core, NodeCollection } from 'cytoscape';
import { h, replaceChildren } from '../dom';
import { ot } from './overlaps-i18n';

export interface HighlightRequest {
  projectIds: readonly string[];
  /** Cities known from the API to be where the projects are run (the graph adds what it knows). */
  cityIds?: readonly string[];
  /** Other places to mark, e.g. the region of a heat-map row. */
  placeIds?: readonly string[];
  /** The project the highlight starts from (drawn a little stronger). */
  sourceId?: string;
}

export interface HighlightState {
  projectIds: string[];
  placeIds: string[];
  /** Requested ids not on the canvas. */
  missing: string[];
}

const CLASSES = 'ov-hit ov-source ov-place ov-bridge ov-edge ov-dim';

/** Where a project is run, as the API counts it: its own LOCATED_IN cities, its lead's and partners' cities, cities that are partners. */
export function citiesOfProject(cy: Core, projectId: string): { cities: NodeCollection; bridges: NodeCollection } {
  const project = cy.getElementById(projectId);
  if (project.empty() || !project.isNode()) return { cities: cy.collection(), bridges: cy.collection() };
  const own = project.outgoers('edge[type = "LOCATED_IN"]').targets('node[type = "City"]');
  const actors = project.incomers('edge[type = "LEADS"], edge[type = "PARTNER_IN"]').sources();
  const actorCities = actors.outgoers('edge[type = "LOCATED_IN"]').targets('node[type = "City"]');
  const cities = own.union(actorCities).union(actors.filter('node[type = "City"]'));
  const bridges = actors.filter(
    (a) => a.data('type') !== 'City' && a.outgoers('edge[type = "LOCATED_IN"]').targets().intersection(cities).nonempty(),
  );
  return { cities, bridges };
}

export class MapHighlight {
  private state: HighlightState | null = null;
  private readonly bar: HTMLElement;
  private backAction: (() => void) | null = null;
  private readonly listeners = new Set<(state: HighlightState | null) => void>();

  constructor(
    private readonly cy: Core,
    stage: HTMLElement,
  ) {
    this.bar = h('div', { class: 'highlight-bar', 'data-testid': 'highlight-bar', role: 'status', hidden: true });
    stage.append(this.bar);
    this.installStyles();
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.state && !document.querySelector('dialog[open]')) this.clear();
    });
  }

  current(): HighlightState | null {
    return this.state;
  }

  onChange(listener: (state: HighlightState | null) => void): void {
    this.listeners.add(listener);
  }

  /** Highlights the projects, their cities and the given places; `back` reopens the view it came from. */
  show(req: HighlightRequest, back?: () => void): HighlightState {
    const cy = this.cy;
    const requested = [...new Set([...req.projectIds, ...(req.cityIds ?? []), ...(req.placeIds ?? [])])];
    let projects = cy.collection();
    let places = cy.collection();
    let bridges = cy.collection();
    for (const id of new Set(req.projectIds)) {
      const node = cy.getElementById(id);
      if (node.empty()) continue;
      projects = projects.union(node);
      const found = citiesOfProject(cy, id);
      places = places.union(found.cities);
      bridges = bridges.union(found.bridges);
    }
    for (const id of [...(req.cityIds ?? []), ...(req.placeIds ?? [])]) {
      const node = cy.getElementById(id);
      if (node.nonempty()) places = places.union(node);
    }
    const kept = projects.union(places).union(bridges);
    const edges = kept.connectedEdges().filter((e) => kept.contains(e.source()) && kept.contains(e.target()));
    cy.batch(() => {
      cy.elements().removeClass(CLASSES);
      cy.elements().difference(kept.union(edges)).addClass('ov-dim');
      projects.addClass('ov-hit');
      places.addClass('ov-hit ov-place');
      bridges.addClass('ov-bridge');
      edges.addClass('ov-edge');
      if (req.sourceId) cy.getElementById(req.sourceId).addClass('ov-source');
    });
    const visible = kept.filter((n) => n.visible());
    if (visible.nonempty()) {
      cy.stop();
      cy.animate({ fit: { eles: visible, padding: 70 } }, { duration: 400 });
    }
    this.state = {
      projectIds: projects.map((n) => n.id()),
      placeIds: places.map((n) => n.id()),
      missing: requested.filter((id) => cy.getElementById(id).empty() || !cy.getElementById(id).visible()),
    };
    this.backAction = back ?? null;
    this.render();
    this.emit();
    return this.state;
  }

  clear(): void {
    if (!this.state) return;
    this.cy.batch(() => this.cy.elements().removeClass(CLASSES));
    this.state = null;
    this.backAction = null;
    this.render();
    this.emit();
  }

  /** Elements added live join the dimmed rest while a highlight is on. */
  dimNew(eles: Collection): void {
    if (this.state) eles.filter((e) => !e.hasClass('ov-hit') && !e.hasClass('ov-edge') && !e.hasClass('ov-bridge')).addClass('ov-dim');
  }

  render(): void {
    const s = this.state;
    this.bar.hidden = !s;
    if (!s) {
      replaceChildren(this.bar);
      return;
    }
    replaceChildren(
      this.bar,
      h(
        'span',
        { class: 'highlight-text' },
        ot('highlight.summary', { projects: s.projectIds.length, cities: s.placeIds.length }),
        s.missing.length ? h('small', { class: 'highlight-missing' }, ot('highlight.missing', { count: s.missing.length })) : null,
      ),
      this.backAction
        ? h('button', { type: 'button', 'data-testid': 'highlight-back', onclick: () => this.backAction?.() }, ot('highlight.back'))
        : null,
      h(
        'button',
        { type: 'button', class: 'primary', 'data-testid': 'highlight-clear', onclick: () => this.clear() },
        ot('highlight.clear'),
      ),
    );
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.state);
  }

  /** Appended after the base stylesheet so that a highlighted element wins over the selection's 'faded'. */
  private installStyles(): void {
    this.cy
      .style()
      .selector('.ov-dim')
      .style({ opacity: 0.1, 'text-opacity': 0.25 })
      .selector('.ov-hit, .ov-edge, .ov-bridge')
      .style({ opacity: 1, 'text-opacity': 1, 'z-index': 20 })
      .selector('node.ov-bridge')
      .style({ opacity: 0.75 })
      .selector('node.ov-hit')
      .style({
        'underlay-color': '#e4572e',
        'underlay-opacity': 0.35,
        'underlay-padding': 9,
        'border-width': 3,
        'border-color': '#c2410c',
        'font-weight': 'bold',
      })
      .selector('node.ov-place')
      .style({ 'underlay-color': '#2e9d5b', 'border-color': '#1e6e3f' })
      .selector('node.ov-source')
      .style({ 'underlay-opacity': 0.6, 'underlay-padding': 13, 'border-width': 5 })
      .selector('edge.ov-edge')
      .style({ width: 3, 'line-color': '#c2410c', 'target-arrow-color': '#c2410c' })
      .update();
  }
}
