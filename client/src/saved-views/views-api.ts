/** REST calls of saved views and share links (API: api/routes/views.ts). */
import type { Graph } from '../../../domain/graph';
import type { SavedView, ViewInput } from '../../../domain/views';
import { API_BASE, request } from '../api';

const views = (workspaceId: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspaceId)}/views`;
const one = (workspaceId: string, id: string) => `${views(workspaceId)}/${encodeURIComponent(id)}`;

export interface SharedView {
  view: Omit<SavedView, 'shared'>;
  graph: Graph;
}

export const viewsApi = {
  list: (workspaceId: string) => request<{ items: SavedView[] }>('GET', views(workspaceId)).then((r) => r.items),
  get: (workspaceId: string, id: string) => request<SavedView>('GET', one(workspaceId, id)),
  create: (workspaceId: string, input: ViewInput) => request<SavedView>('POST', views(workspaceId), { body: input }),
  remove: (workspaceId: string, id: string) => request<void>('DELETE', one(workspaceId, id)),
  share: (workspaceId: string, id: string) => request<{ view: SavedView; token: string; path: string }>('POST', `${one(workspaceId, id)}/share`, { body: {} }),
  revoke: (workspaceId: string, id: string) => request<SavedView>('DELETE', `${one(workspaceId, id)}/share`),
  shared: (token: string) => request<SharedView>('GET', `${API_BASE}/shared/${encodeURIComponent(token)}`),
};

/** The page a share token opens. */
export const sharedPagePath = (token: string) => `/shared/${encodeURIComponent(token)}`;

/** The token of /shared/<token>, or null on any other page. */
export function sharedTokenOf(location: Pick<Location, 'pathname'> = window.location): string | null {
  const match = /^\/shared\/([^/]+)\/?$/.exec(location.pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
