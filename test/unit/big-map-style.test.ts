/**
 * The big-map stylesheet (client/src/style/cy-style.ts buildStylesheet(true)) and how it takes the
 * base rules' place (renderer-choice.ts applyBigMapStyle): nodes keep their look, links carry only
 * width, colour and curve until they are shown, and rules other features appended are kept.
 */
import cytoscape, { type StylesheetJson } from 'cytoscape';
import { buildStylesheet } from '../../client/src/style/cy-style';
import { applyBigMapStyle } from '../../client/src/views/renderer-choice';

type Rule = { selector: string; style: Record<string, unknown> };
const rules = (sheet: StylesheetJson) => sheet as unknown as Rule[];
const rule = (sheet: StylesheetJson, selector: string) => rules(sheet).find((r) => r.selector === selector)!.style;
/** What a big map may draw differently: labels from a larger size on screen, no fade transitions. */
const BIG_ONLY = ['min-zoomed-font-size', 'transition-property', 'transition-duration'];
const without = (style: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(style).filter(([k]) => !keys.includes(k)));

describe('big-map stylesheet', () => {
  const normal = buildStylesheet();
  const big = buildStylesheet(true);

  it('draws nodes of every type as the normal one does', () => {
    const nodeSelectors = rules(normal)
      .map((r) => r.selector)
      .filter((s) => s.startsWith('node'));
    expect(nodeSelectors.length).toBeGreaterThan(12);
    for (const selector of nodeSelectors) {
      expect([selector, without(rule(big, selector), BIG_ONLY)]).toEqual([selector, without(rule(normal, selector), BIG_ONLY)]);
    }
    expect(rule(big, 'node')['min-zoomed-font-size']).toBe(16);
  });

  it('gives every link only width, colour and a haystack curve, and per-type arrow colours only to the normal sheet', () => {
    expect(Object.keys(rule(big, 'edge')).sort()).toEqual(['curve-style', 'line-color', 'width']);
    expect(rule(big, 'edge')['curve-style']).toBe('haystack');
    // Per-type rules keep their line look; arrow colours only in the normal sheet, where every link has an arrow.
    expect(rule(big, 'edge[type = "FOCUSES_ON"]')).toEqual({ 'line-style': 'dotted', 'line-color': '#e8a7c3' });
    expect(rule(normal, 'edge[type = "FOCUSES_ON"]')).toMatchObject({ 'target-arrow-color': '#e8a7c3' });
  });

  it('replaces the base rules of a running instance, keeps the rules appended after them, and shows a selected link with arrow and label', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet() });
    try {
      cy.style().append([{ selector: '.an-dim', style: { opacity: 0.12 } }]).update();
      applyBigMapStyle(cy);
      const json = rules((cy.style() as unknown as { json(): StylesheetJson }).json());
      expect(json.map((r) => r.selector)).toEqual([...rules(big).map((r) => r.selector), '.an-dim']);
      cy.add([
        { data: { id: 'a', type: 'Organisation', label: 'A' } },
        { data: { id: 'b', type: 'City', label: 'B' } },
        { data: { id: 'ab', source: 'a', target: 'b', type: 'LOCATED_IN', label: 'sijaitsee' } },
      ]);
      const link = cy.getElementById('ab');
      expect(cy.getElementById('a').style('shape')).toBe('round-rectangle');
      expect([link.style('curve-style'), link.style('target-arrow-shape'), link.style('label')]).toEqual(['haystack', 'none', '']);
      link.select();
      expect([link.style('curve-style'), link.style('target-arrow-shape'), link.style('label')]).toEqual(['straight', 'triangle', 'sijaitsee']);
      expect(link.style('text-rotation')).toBe('autorotate');
    } finally {
      cy.destroy(); // a failed expectation must not leave the instance's timers running
    }
  });
});
