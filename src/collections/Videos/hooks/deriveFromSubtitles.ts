import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { MAX_SUBTITLE_CUES, MAX_SUBTITLE_LINES } from '@/lib/uploads/limits'
import { cuesToTranscript, prepareSubtitles } from '@/lib/vtt'
import { idOf } from '@/lib/ids'

/**
 * Validates the subtitle track (an attached subtitle file wins over pasted text; pasted SRT is
 * converted) and derives the transcript, the duration (from the video file when there is one,
 * else from the last cue) and the poster (from the video file when none is chosen).
 */
export const deriveFromSubtitles: CollectionBeforeChangeHook = async ({ data, req }) => {
  const subtitleFileId = idOf(data.subtitleFile)
  if (subtitleFileId) {
    const track = await req.payload.findByID({
      collection: 'subtitle-files',
      id: subtitleFileId as number,
      req,
      depth: 0,
      overrideAccess: true,
    })
    if (track?.vtt) data.subtitles = track.vtt
  }
  const subtitles = typeof data.subtitles === 'string' ? data.subtitles.trim() : ''
  if (!subtitles) {
    data.transcript = ''
  } else {
    const prepared = prepareSubtitles(subtitles, {
      maxLines: MAX_SUBTITLE_LINES,
      maxCues: MAX_SUBTITLE_CUES,
    })
    if (!prepared.ok) {
      throw new ValidationError(
        {
          collection: 'videos',
          errors: [
            {
              path: 'subtitles',
              message: `字幕格式错误（第 ${prepared.problem.line} 行）：${prepared.problem.message}`,
            },
          ],
          req,
        },
        req.t,
      )
    }
    data.subtitles = prepared.vtt
    data.transcript = cuesToTranscript(prepared.cues)
    data.durationSeconds = Math.round(prepared.cues.at(-1)?.end ?? 0)
  }
  const fileId = idOf(data.videoFile)
  if (fileId) {
    const file = await req.payload.findByID({
      collection: 'video-files',
      id: fileId as number,
      req,
      depth: 0,
      overrideAccess: true,
    })
    if (file?.durationSeconds) data.durationSeconds = Math.round(file.durationSeconds)
    if (!data.poster && file?.poster) data.poster = idOf(file.poster)
  }
  return data
}
