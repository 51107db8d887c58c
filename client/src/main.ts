/** Entry point: a workshop page (/join, /workshop/…), a read-only shared view (/shared/…) or the map of the workspace in the URL. */
import './styles.css';
import { App } from './app';
import { sharedTokenOf } from './saved-views/views-api';
import { workshopRouteOf } from './workshop/routes';
import { workspaceFromUrl } from './workspace';

const workshopRoute = workshopRouteOf(window.location);
const printWorkspace = /^\/w\/[^/]+\/print\/?$/.test(window.location.pathname);
const sharedToken = sharedTokenOf(window.location);
if (workshopRoute) {
  void import('./workshop/start').then(({ startWorkshopPage }) => startWorkshopPage(workshopRoute));
} else if (printWorkspace) {
  void import('./print/print-page').then(({ printRouteOf, startPrintPage }) => startPrintPage(printRouteOf(window.location)!));
} else if (sharedToken) {
  void import('./saved-views/shared-page').then(({ startSharedPage }) => startSharedPage(sharedToken));
} else {
  void new App(workspaceFromUrl()).start();
}
