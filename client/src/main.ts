/** Entry point: a workshop page (/join, /workshop/…) or the map of the workspace in the URL. */
import './styles.css';
import { App } from './app';
import { workshopRouteOf } from './workshop/routes';
import { workspaceFromUrl } from './workspace';

const workshopRoute = workshopRouteOf(window.location);
if (workshopRoute) {
  void import('./workshop/start').then(({ startWorkshopPage }) => startWorkshopPage(workshopRoute));
} else {
  void new App(workspaceFromUrl()).start();
}
