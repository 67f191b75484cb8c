import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { resourcePath, type ResourceKind } from '@/lib/kinds'

type RevalidatableDoc = { slug?: string | null; _status?: 'draft' | 'published' | null }

/** Revalidates portal paths; outside a Next.js request (scripts, tests) there is nothing to revalidate. */
async function revalidatePaths(req: PayloadRequest, paths: string[]): Promise<void> {
  if (req.context.disableRevalidate || paths.length === 0) return
  try {
    const { revalidatePath } = await import('next/cache')
    for (const path of paths) revalidatePath(path)
    req.payload.logger.info(`已刷新页面 revalidated: ${paths.join(', ')}`)
  } catch (err) {
    req.payload.logger.warn(
      `跳过页面刷新（不在 Next.js 请求中）skipped revalidation outside Next.js: ${String(err)}`,
    )
  }
}

function pathsFor(kind: ResourceKind, doc: RevalidatableDoc | undefined): string[] {
  if (!doc?.slug || doc._status !== 'published') return []
  return [resourcePath(kind, doc.slug)]
}

/** Revalidates the pages that show a resource when it is published, edited or unpublished. */
export function revalidateResourceAfterChange(kind: ResourceKind): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, req }) => {
    const paths = new Set([...pathsFor(kind, doc), ...pathsFor(kind, previousDoc)])
    if (paths.size > 0) {
      paths.add('/')
      paths.add(`/${kind}`)
    }
    await revalidatePaths(req, [...paths])
    return doc
  }
}

/** Revalidates the pages that showed a resource once it is deleted. */
export function revalidateResourceAfterDelete(kind: ResourceKind): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    const paths = pathsFor(kind, doc)
    await revalidatePaths(req, paths.length ? [...paths, '/', `/${kind}`] : [])
    return doc
  }
}
