import { APIError, type CollectionBeforeOperationHook, type Config, type Plugin } from 'payload'

import { INVALID_PARAMETERS_MESSAGE } from '@/hooks/apiErrors'

/** Chinese message for a create/update whose body is not a JSON object. */
export const BODY_NOT_OBJECT_MESSAGE = '请求内容无效：保存的数据必须是一个 JSON 对象。'

/**
 * REST creates and updates whose body was not parsed into an object (a `text/plain` body leaves
 * `data` undefined; `[]` or `"x"` parse to a non-object) crash Payload's field hooks with a
 * TypeError and a 500. Missing data becomes `{}` (so validation answers with the missing fields);
 * anything else that is not an object is refused with a 400.
 */
export const requireObjectData: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const withData = args as { data?: unknown }
  if (withData.data === undefined) return { ...args, data: {} }
  const data = withData.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new APIError(BODY_NOT_OBJECT_MESSAGE, 400, undefined, true)
  }
  return args
}

/**
 * `page` and `limit` must be whole numbers a database can take. SQLite's driver refuses
 * `limit=1e309` (Infinity) or `page=99999999999999999999` with an error we answer as 400; MongoDB
 * quietly treats them as "no limit" or an empty page and answers 200. One rule for both adapters,
 * before any query runs.
 */
export const requireWholeNumbers: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'read' && operation !== 'update' && operation !== 'delete') return args
  const { limit, page } = args as { limit?: unknown; page?: unknown }
  for (const value of [limit, page]) {
    if (value === undefined || value === null) continue
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new APIError(INVALID_PARAMETERS_MESSAGE, 400, undefined, true)
    }
  }
  return args
}

/** Adds the request guards to every collection (after its own hooks) and global. */
export const requestGuards =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    // A global without versions still gets /api/globals/<slug>/versions/<id>, which queries a
    // versions table that does not exist (a TypeError, 500). There is nothing to read: forbid it.
    globals: (config.globals ?? []).map((global) =>
      global.versions
        ? global
        : { ...global, access: { ...global.access, readVersions: () => false } },
    ),
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: {
        ...collection.hooks,
        beforeOperation: [
          ...(collection.hooks?.beforeOperation ?? []),
          requireObjectData,
          requireWholeNumbers,
        ],
      },
    })),
  })
