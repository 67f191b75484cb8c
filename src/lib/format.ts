/** Date and duration formatting for the portal, in Chinese (dates: one formatter, `dates.ts`). */

export { formatDate } from './dates'

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60)
  const s = seconds % 60
  return m > 0 ? `${m} 分 ${String(s).padStart(2, '0')} 秒` : `${s} 秒`
}
