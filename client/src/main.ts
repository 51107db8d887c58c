/** Entry point: picks the workspace from the URL and starts the app. */
import './styles.css';
import { App } from './app';
import { workspaceFromUrl } from './workspace';

void new App(workspaceFromUrl()).start();
