import type { ResourceKind } from '@/lib/kinds'
import { KIND_LABELS } from '@/lib/kinds'

/**
 * Where public/offline.js puts the 保存到手机 button (page, pictures and files kept for reading
 * without a connection), in browsers that can do it. The slot's content belongs to that script:
 * it is set through innerHTML, so React's hydration never replaces what the script drew.
 */
export function OfflineSave({ kind, title }: { kind: ResourceKind; title: string }) {
  return (
    <span
      className="offline-save-slot"
      data-offline-save-slot=""
      data-kind={KIND_LABELS[kind].short}
      data-title={title}
      dangerouslySetInnerHTML={{ __html: '' }}
    />
  )
}
