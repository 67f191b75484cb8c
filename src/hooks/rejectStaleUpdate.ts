import { APIError, type CollectionBeforeChangeHook } from 'payload'

/** Shown to an editor whose save would overwrite someone else's newer changes. */
export const STALE_UPDATE_MESSAGE =
  '该内容已被他人修改：您打开之后，别人已经保存了新的内容。为避免覆盖对方的修改，本次保存未生效。' +
  '请先复制您的改动，刷新页面查看最新内容后再保存。'

/**
 * Optimistic concurrency for editors: a save that carries the `updatedAt` it was based on (the
 * admin's edit form submits it; REST clients may) is refused with 409 when the stored document
 * has changed since. Saves without `updatedAt` (scripts, jobs, the Local API) are not checked.
 */
export const rejectStaleUpdate: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !req.user || req.context?.skipConflictCheck) return data
  const submitted = typeof data?.updatedAt === 'string' ? Date.parse(data.updatedAt) : NaN
  const stored =
    typeof originalDoc?.updatedAt === 'string' ? Date.parse(originalDoc.updatedAt) : NaN
  if (Number.isFinite(submitted) && Number.isFinite(stored) && submitted < stored) {
    throw new APIError(STALE_UPDATE_MESSAGE, 409, { storedUpdatedAt: originalDoc.updatedAt }, true)
  }
  return data
}
