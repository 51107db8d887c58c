/**
 * The force layout for big maps: fcose's spectral "draft" pass only (no force iterations), which keeps
 * the structure (communities apart, hubs central) at a fraction of the time; bench/render.ts measures
 * it against grid, concentric and full fcose. Above FCOSE_MAX_NODES visible nodes.
 */
import type { LayoutOptions } from 'cytoscape';
import { FCOSE_MAX_NODES } from './renderer-choice';

export function isBigForFcose(nodeCount: number): boolean {
  return nodeCount > FCOSE_MAX_NODES;
}

export function bigFcoseOptions(common: { animate: boolean; fit: boolean; padding: number }): LayoutOptions {
  return {
    name: 'fcose',
    ...common,
    animate: false,
    quality: 'draft',
    randomize: true,
    packComponents: true,
    samplingType: true,
    sampleSize: 25,
  } as LayoutOptions;
}
