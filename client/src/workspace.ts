/** The workspace to show: /w/:id, or ?workspace=id, or "demo". */
export const DEFAULT_WORKSPACE = 'demo';

export function workspaceFromUrl(location: Pick<Location, 'pathname' | 'search'> = window.location): string {
  const match = /^\/w\/([^/]+)\/?$/.exec(location.pathname);
  if (match?.[1]) {
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return match[1];
    }
  }
  return new URLSearchParams(location.search).get('workspace')?.trim() || DEFAULT_WORKSPACE;
}
