/** Names and choices from the drawn graph, in the interface language (a Theme's nameSv, a City's nameSv...). */
import type { Core } from 'cytoscape';
import { byName } from '../dom';

/** The node's label on the canvas, or the fallback when it is not drawn. */
export function labelOf(cy: Core, id: string, fallback?: string): string {
  const node = cy.getElementById(id);
  const label = node.nonempty() ? node.data('label') : undefined;
  return typeof label === 'string' && label.trim() ? label : (fallback ?? id);
}

/** Every drawn node of a type as {id, name}, sorted by name. */
export function nodesOfType(cy: Core, type: 'City' | 'Region' | 'Theme'): { id: string; name: string }[] {
  return cy
    .nodes(`[type = "${type}"]`)
    .map((n) => ({ id: n.id(), name: String(n.data('label') ?? n.id()) }))
    .sort(byName((x: { name: string }) => x.name));
}
