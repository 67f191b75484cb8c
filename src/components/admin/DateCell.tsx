import type { DefaultServerCellComponentProps } from 'payload'

import { siteTimeZone } from '@/data/siteTimeZone'
import { formatDateTime } from '@/lib/dates'

/** A date column in the admin's lists: "2026年12月2日 15:29" in the site's time zone. */
export async function DateCell({ cellData, payload }: DefaultServerCellComponentProps) {
  const text = formatDateTime(
    typeof cellData === 'number' ? new Date(cellData) : (cellData as string | Date | null),
    await siteTimeZone(payload),
  )
  return <span className="date-cell">{text}</span>
}
