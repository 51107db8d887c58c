/**
 * Header controls of the map: the renderer choice (auto / canvas / WebGL, remembered; a change
 * reloads the page because Cytoscape fixes its renderer when it starts) and "Print summary", which
 * hands the current map as a PNG to the print page (/w/:ws/print).
 */
import type { Core } from 'cytoscape';
import { h, replaceChildren } from '../dom';
import { pt } from '../print/print-strings';
import { storeMapImage } from '../print/map-image';
import { isRendererMode, rememberRenderer, RENDERER_MODES, type RendererMode } from './renderer-choice';

export class RenderControls {
  private readonly select: HTMLSelectElement;
  private readonly printButton: HTMLButtonElement;

  constructor(private readonly opts: { workspaceId: string; cy: Core; mode: RendererMode }) {
    this.select = h('select', { 'data-testid': 'renderer-select', onchange: () => this.choose() });
    this.printButton = h('button', { type: 'button', class: 'secondary', 'data-testid': 'print-button', onclick: () => this.openPrint() });
    this.render();
  }

  mountBefore(anchor: Element): void {
    anchor.before(this.select, this.printButton);
  }

  render(): void {
    this.select.title = pt('renderer.label');
    this.select.setAttribute('aria-label', pt('renderer.label'));
    replaceChildren(
      this.select,
      ...RENDERER_MODES.map((mode) => h('option', { value: mode, selected: mode === this.opts.mode }, pt(`renderer.${mode}`))),
    );
    this.printButton.textContent = pt('print.open');
  }

  private choose(): void {
    if (!isRendererMode(this.select.value) || this.select.value === this.opts.mode) return;
    rememberRenderer(this.select.value);
    const url = new URL(window.location.href);
    url.searchParams.delete('renderer');
    window.location.assign(url.toString());
  }

  private openPrint(): void {
    storeMapImage(this.opts.workspaceId, this.opts.cy);
    window.open(`/w/${encodeURIComponent(this.opts.workspaceId)}/print`, '_blank');
  }
}
