/** Starts the workshop page for a route (loaded on demand, so the map page does not carry it). */
import { startFacilitatorPage } from './facilitator-page';
import { startParticipantPage } from './participant-page';
import { startProjectorPage } from './projector-page';
import type { WorkshopRoute } from './routes';

export function startWorkshopPage(route: WorkshopRoute): Promise<void> {
  switch (route.page) {
    case 'join':
      return startParticipantPage(route.code);
    case 'projector':
      return startProjectorPage(route.code);
    case 'facilitate':
    case 'new':
      return startFacilitatorPage(route);
  }
}
