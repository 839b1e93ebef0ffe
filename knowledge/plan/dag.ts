/** A node of a dependency graph: `after` lists the ids that must come first. */
export interface DagNode {
  id: string;
  after: readonly string[];
}

/**
 * Returns one cycle as a list of ids (first id repeated at the end), or undefined when the graph is a DAG.
 * Edges to ids that are not nodes are ignored (the cross-check reports them separately).
 */
export function findCycle(nodes: readonly DagNode[]): string[] | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const s = state.get(id);
    if (s === 'done') return undefined;
    if (s === 'visiting') return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 'visiting');
    stack.push(id);
    for (const dep of byId.get(id)?.after ?? []) {
      if (!byId.has(dep)) continue;
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const n of nodes) {
    const cycle = visit(n.id);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Assigns each node its stage: 1 for nodes with no dependencies, otherwise one more than the latest
 * dependency. Nodes of one stage do not depend on each other and can run in parallel.
 * Input must be acyclic.
 */
export function stages(nodes: readonly DagNode[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const stage = new Map<string, number>();
  const of = (id: string): number => {
    const known = stage.get(id);
    if (known !== undefined) return known;
    const deps = (byId.get(id)?.after ?? []).filter((d) => byId.has(d));
    const s = deps.length === 0 ? 1 : 1 + Math.max(...deps.map(of));
    stage.set(id, s);
    return s;
  };
  for (const n of nodes) of(n.id);
  return stage;
}

/**
 * The longest chain of `weight` along dependencies: the least total time when every stage
 * runs its matters in parallel.
 */
export function criticalPath(nodes: readonly DagNode[], weight: (id: string) => number): number {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const finish = new Map<string, number>();
  const of = (id: string): number => {
    const known = finish.get(id);
    if (known !== undefined) return known;
    const deps = (byId.get(id)?.after ?? []).filter((d) => byId.has(d));
    const f = weight(id) + (deps.length === 0 ? 0 : Math.max(...deps.map(of)));
    finish.set(id, f);
    return f;
  };
  return nodes.reduce((max, n) => Math.max(max, of(n.id)), 0);
}
