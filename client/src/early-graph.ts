/**
 * The map page's graph request, started by an inline script in index.html while the page's scripts
 * still load and compile (for a big map that is over half a second, and the server needs about as
 * long to answer). The app takes it over once, for the workspace it was sent for; a retry sends anew.
 */
interface EarlyGraph {
  workspaceId: string;
  response: Promise<Response>;
}

declare global {
  interface Window {
    verkostoEarlyGraph?: EarlyGraph;
  }
}

/** The early graph request for this workspace, if index.html started one and nobody took it yet. */
export function takeEarlyGraph(workspaceId: string): Promise<Response> | undefined {
  const early = window.verkostoEarlyGraph;
  window.verkostoEarlyGraph = undefined;
  return early?.workspaceId === workspaceId ? early.response : undefined;
}
