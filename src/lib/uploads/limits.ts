/** What each upload collection accepts. One place, so the admin help text and the checks agree. */
export type UploadKind = 'image' | 'document' | 'video' | 'subtitles'

const MB = 1024 * 1024

export const UPLOAD_LIMITS = {
  image: { maxBytes: 20 * MB, label: '图片' },
  document: { maxBytes: 50 * MB, label: '文档' },
  video: { maxBytes: 200 * MB, label: '视频' },
  subtitles: { maxBytes: 512 * 1024, label: '字幕' },
} as const satisfies Record<UploadKind, { maxBytes: number; label: string }>

/** Images above this many pixels are refused before decoding (decompression bombs). */
export const MAX_IMAGE_PIXELS = 40_000_000
export const MAX_IMAGE_SIDE = 12_000

/** A 1–5 minute dialect video; anything past 20 minutes belongs somewhere else. */
export const MAX_VIDEO_SECONDS = 20 * 60
export const MAX_VIDEO_SIDE = 4096

/** A two-hour talk has about 4,000 subtitle lines; 10,000 is not a subtitle track. */
export const MAX_SUBTITLE_LINES = 5000
export const MAX_SUBTITLE_CUES = 1500

/** Extracted PDF text kept for search. */
export const MAX_PDF_TEXT_CHARS = 300_000
export const MAX_PDF_PAGES = 2000

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes % MB === 0 ? 0 : 1)} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} 字节`
}
