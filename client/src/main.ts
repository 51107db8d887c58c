/** Entry point: a workshop page (/join, /workshop/…), a read-only shared view (/shared/…) or the map of the workspace in the URL. */
import './styles.css';
import { App } from './app';
import { sharedTokenOf } from './saved-views/views-api';
import { workshopRouteOf } from './workshop/routes';
import { workspaceFromUrl } from './workspace';

const workshopRoute = workshopRouteOf(window.location);
const sharedToken = sharedTokenOf(window.location);
if (workshopRoute) {
  void import('./workshop/start').then(({ startWorkshopPage }) => startWorkshopPage(workshopRoute));
} else if (sharedToken) {
  void import('./saved-views/shared-page').then(({ startSharedPage }) => startSharedPage(sharedToken));
} else {
  void new App(workspaceFromUrl()).start();
}
