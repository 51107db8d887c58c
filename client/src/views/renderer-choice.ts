/**
 * Which Cytoscape renderer draws the map: the 2D canvas, or the canvas renderer's experimental WebGL
 * mode (Cytoscape 3.31+, `renderer: { name: 'canvas', webgl: true }`), chosen automatically above a
 * size. Big maps also get cheaper drawing: labels only once zoomed in, and no force layout.
 */
import type { Core, Position, StylesheetJson } from 'cytoscape';
import { buildStylesheet } from '../style/cy-style';

export const RENDERER_MODES = ['auto', 'canvas', 'webgl'] as const;
export type RendererMode = (typeof RENDERER_MODES)[number];

/** Elements (nodes + edges) from which `auto` draws with WebGL. */
export const WEBGL_AUTO_ELEMENTS = 3000;
/** Elements from which the map is drawn with the big-map stylesheet (labels once zoomed in, plain links). */
export const BIG_MAP_ELEMENTS = 3000;
/** Nodes above which the force layout (fcose) is replaced by a cheap one (see layouts-big.ts). */
export const FCOSE_MAX_NODES = 1500;

const STORAGE_KEY = 'verkosto.renderer';

export function isRendererMode(value: unknown): value is RendererMode {
  return typeof value === 'string' && (RENDERER_MODES as readonly string[]).includes(value);
}

/** ?renderer= in the URL, else the remembered choice, else auto. */
export function rendererPreference(): RendererMode {
  const fromUrl = new URLSearchParams(window.location.search).get('renderer');
  if (isRendererMode(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isRendererMode(stored)) return stored;
  } catch {
    /* storage may be blocked */
  }
  return 'auto';
}

export function rememberRenderer(mode: RendererMode): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    /* ignore */
  }
}

let webglSupport: { available: boolean; software: boolean } | undefined;

/** Renderer strings of software rasterisers: WebGL there runs on the CPU and draws slower than the canvas. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software/i;

function probeWebgl(): { available: boolean; software: boolean } {
  if (webglSupport === undefined) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const name = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
      webglSupport = { available: !!gl, software: SOFTWARE_GL.test(name) };
    } catch {
      webglSupport = { available: false, software: false };
    }
  }
  return webglSupport;
}

/** Whether the browser gives a WebGL2 context at all (not with a blocked GPU and no software fallback). */
export function webglAvailable(): boolean {
  return probeWebgl().available;
}

/**
 * WebGL when asked for, or in auto mode for big maps on a real GPU: with a software rasteriser
 * (SwiftShader, llvmpipe) the first frame of a 2,000-element map took 30 s against 4 s on the canvas
 * (bench/README.md), so auto stays on the canvas there.
 */
export function wantsWebgl(mode: RendererMode, elements: number): boolean {
  if (!webglAvailable()) return false;
  return mode === 'webgl' || (mode === 'auto' && elements >= WEBGL_AUTO_ELEMENTS && !probeWebgl().software);
}

/** Cytoscape's options for its canvas renderer in WebGL mode (texture sizes: its defaults are for phones). */
export const WEBGL_RENDERER_OPTIONS = { name: 'canvas', webgl: true, webglTexSize: 4096, webglBatchSize: 4096 } as const;

/** The GPU (or software rasteriser, e.g. SwiftShader) behind the WebGL canvas, when the browser tells. */
export function webglBackend(container: HTMLElement): string | null {
  const canvas = container.querySelector<HTMLCanvasElement>('canvas[data-id$="-webgl"]');
  const gl = canvas?.getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/** Whether this Cytoscape instance's renderer really runs in WebGL mode. */
export function usesWebgl(cy: Core): boolean {
  const renderer = (cy as unknown as { renderer(): { webgl?: boolean } | null }).renderer();
  return !!renderer?.webgl;
}

/**
 * Switches a running instance to the WebGL renderer: Cytoscape's mount() rebuilds the renderer from
 * the instance's options (private, but the only way short of a new instance, which every view holds).
 * Styles added after start are kept. Only one way: the canvas renderer is not rebuilt after WebGL.
 */
export function switchToWebgl(cy: Core): void {
  const container = cy.container();
  if (!container || usesWebgl(cy)) return;
  const style = (cy.style() as unknown as { json(): unknown }).json();
  const options = (cy as unknown as { _private: { options: { renderer: Record<string, unknown> } } })._private.options;
  options.renderer = { ...options.renderer, ...WEBGL_RENDERER_OPTIONS };
  cy.mount(container);
  cy.style(style as never);
}

/**
 * Big maps get the cheaper stylesheet (cy-style.ts buildStylesheet(true): the same look with fewer
 * properties per element, haystack links, labels once zoomed in). Its rules take the place of the base
 * rules at the head of the current stylesheet; rules other features appended after those are kept.
 */
export function applyBigMapStyle(cy: Core): void {
  const current = (cy.style() as unknown as { json(): StylesheetJson }).json();
  const baseRules = buildStylesheet().length;
  cy.style([...buildStylesheet(true), ...current.slice(baseRules)]);
}

/**
 * Fits the view to node positions given by hand (a placement computed from the data), instead of
 * cy.fit(), which measures every element's bounding box with its label first.
 */
export function fitPositions(cy: Core, positions: Iterable<Position>, padding = 40): void {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positions) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  if (!Number.isFinite(x1)) return;
  const margin = 30; // about half a node and its label
  [x1, y1, x2, y2] = [x1 - margin, y1 - margin, x2 + margin, y2 + margin];
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min((cy.width() - 2 * padding) / (x2 - x1), (cy.height() - 2 * padding) / (y2 - y1))),
  );
  cy.viewport({ zoom, pan: { x: (cy.width() - zoom * (x1 + x2)) / 2, y: (cy.height() - zoom * (y1 + y2)) / 2 } });
}
