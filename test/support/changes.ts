/**
 * Change inputs (POST …/changes) for seeding a test's workspace. `idOf` turns a test's short key into
 * the node id it stores (a suffix or a workspace prefix of the run, so that runs never collide).
 */
export function changeBuilders(idOf: (key: string) => string = (key) => key) {
  return {
    node: (nodeType: string, key: string, props: Record<string, unknown>) => ({ op: 'node:create', nodeType, id: idOf(key), props }),
    link: (type: string, from: string, to: string, props: Record<string, unknown> = {}) => ({
      op: 'relationship:create',
      data: { type, from: idOf(from), to: idOf(to), ...props },
    }),
  };
}
