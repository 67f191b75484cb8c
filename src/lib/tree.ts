/** A node of a parent-linked tree (orgs, topics). */
export type TreeNode<Id> = { id: Id; parent: Id | null }

/**
 * Ids of a node and everything below it. Tolerates cycles and dangling parents, which an admin
 * can create by accident, instead of looping forever.
 */
export function subtreeIds<Id>(nodes: readonly TreeNode<Id>[], rootId: Id): Id[] {
  const children = new Map<Id, Id[]>()
  for (const node of nodes) {
    if (node.parent === null) continue
    const siblings = children.get(node.parent) ?? []
    siblings.push(node.id)
    children.set(node.parent, siblings)
  }
  const seen = new Set<Id>([rootId])
  const queue = [rootId]
  while (queue.length > 0) {
    const id = queue.shift() as Id
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue
      seen.add(child)
      queue.push(child)
    }
  }
  return [...seen]
}

/** Ids of a node's ancestors, nearest first (cycle-safe). */
export function ancestorIds<Id>(nodes: readonly TreeNode<Id>[], id: Id): Id[] {
  const parentOf = new Map(nodes.map((node) => [node.id, node.parent]))
  const result: Id[] = []
  let current = parentOf.get(id) ?? null
  while (current !== null && !result.includes(current) && current !== id) {
    result.push(current)
    current = parentOf.get(current) ?? null
  }
  return result
}

/** Depth of every node (roots are 0), cycle-safe. */
export function subtreeDepth<Id>(nodes: readonly TreeNode<Id>[]): Map<Id, number> {
  const depth = new Map<Id, number>()
  for (const node of nodes) depth.set(node.id, ancestorIds(nodes, node.id).length)
  return depth
}
