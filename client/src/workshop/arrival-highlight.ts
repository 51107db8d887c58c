/**
 * New elements on the projector glow and pulse for a few seconds as they arrive, so the room sees
 * what was just added. One timer toggles a class; Cytoscape's style transitions do the animating (so
 * moving or re-styling a node does not cut the pulse short).
 */
import type { Core, SingularElementArgument } from 'cytoscape';

const PULSE_MS = 700;

export class ArrivalHighlighter {
  private readonly until = new Map<string, number>();
  private timer: number | undefined;
  private on = false;

  constructor(
    private readonly cy: Core,
    private readonly durationMs = 6000,
  ) {}

  mark(ele: SingularElementArgument): void {
    this.until.set(ele.id(), Date.now() + this.durationMs);
    ele.addClass('arrived');
    if (this.timer === undefined) this.timer = window.setInterval(() => this.tick(), PULSE_MS);
  }

  private tick(): void {
    const now = Date.now();
    this.on = !this.on;
    this.cy.batch(() => {
      for (const [id, until] of this.until) {
        const ele = this.cy.getElementById(id);
        if (ele.empty() || until <= now) {
          ele.removeClass('arrived glow');
          this.until.delete(id);
        } else {
          ele.toggleClass('glow', this.on);
        }
      }
    });
    if (this.until.size === 0) {
      window.clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
