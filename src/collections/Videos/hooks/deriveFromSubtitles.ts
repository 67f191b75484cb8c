import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { cuesToTranscript, parseVtt } from '@/lib/vtt'

/**
 * Validates the WebVTT track and derives the transcript and, when no video file says
 * otherwise, the duration from its last cue.
 */
export const deriveFromSubtitles: CollectionBeforeChangeHook = async ({ data, req }) => {
  const subtitles = typeof data.subtitles === 'string' ? data.subtitles.trim() : ''
  if (!subtitles) {
    data.transcript = ''
  } else {
    const parsed = parseVtt(subtitles)
    if (!parsed.ok) {
      const [first] = parsed.errors
      throw new ValidationError(
        {
          collection: 'videos',
          errors: [
            {
              path: 'subtitles',
              message: `字幕格式错误（第 ${first.line} 行）：${first.message}`,
            },
          ],
          req,
        },
        req.t,
      )
    }
    data.transcript = cuesToTranscript(parsed.cues)
    data.durationSeconds = Math.round(parsed.cues.at(-1)?.end ?? 0)
  }
  const fileId =
    typeof data.videoFile === 'object' && data.videoFile ? data.videoFile.id : data.videoFile
  if (fileId) {
    const file = await req.payload.findByID({
      collection: 'video-files',
      id: fileId,
      req,
      depth: 0,
      overrideAccess: true,
    })
    if (file?.durationSeconds) data.durationSeconds = Math.round(file.durationSeconds)
  }
  return data
}
