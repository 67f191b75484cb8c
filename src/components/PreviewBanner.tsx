import { draftMode } from 'next/headers'

import { PortalLink } from './PortalLink'

/** Shown on every portal page while a staff member previews drafts. */
export async function PreviewBanner() {
  let enabled = false
  try {
    enabled = (await draftMode()).isEnabled
  } catch {
    enabled = false
  }
  if (!enabled) return null
  return (
    <div className="preview-banner no-print" role="status">
      预览模式：你看到的是未发布的草稿，只有登录的工作人员能看到。
      <PortalLink href="/preview/exit">退出预览</PortalLink>
    </div>
  )
}
