import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { UploadRejectedError } from './errors'
import { MAX_VIDEO_SECONDS, MAX_VIDEO_SIDE } from './limits'
import { withTempFile } from './scratch'
import { runTool } from './tools'

export type VideoFacts = {
  durationSeconds: number
  width: number
  height: number
  videoCodec: string
  audioCodec: string | null
  /** A JPEG frame from early in the clip, for the poster. */
  poster: Buffer
}

type ProbeStream = { codec_type?: string; codec_name?: string; width?: number; height?: number }
type Probe = { streams?: ProbeStream[]; format?: { duration?: string; format_name?: string } }

/** Which codecs each container may carry: what every current browser plays. */
const CODECS: Record<'mp4' | 'webm', { video: string[]; audio: string[]; label: string }> = {
  mp4: { video: ['h264'], audio: ['aac'], label: 'MP4 视频须为 H.264 画面、AAC 声音' },
  webm: {
    video: ['vp8', 'vp9', 'av1'],
    audio: ['opus', 'vorbis'],
    label: 'WebM 视频须为 VP8/VP9/AV1 画面、Opus/Vorbis 声音',
  },
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean)
      ?.replace(/^.*?input\.\w+:\s*/, '')
      .slice(0, 160) ?? ''
  )
}

function undecodable(detail: string): UploadRejectedError {
  return new UploadRejectedError(
    `视频文件不完整或已损坏（可能上传中断），无法解码${detail ? `：${detail}` : ''}。请重新导出后再上传。`,
  )
}

/**
 * Checks an MP4/WebM upload with the system ffprobe/ffmpeg: readable container, browser-safe
 * codecs, sane duration and size, the last seconds decodable (catches truncated files whose
 * index sits at the front), and a poster frame.
 */
export async function inspectVideo(data: Buffer, container: 'mp4' | 'webm'): Promise<VideoFacts> {
  return withTempFile(data, container, async (input, dir) => {
    const probe = await runTool('ffprobe', [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      input,
    ])
    if (probe.code !== 0) throw undecodable(firstLine(probe.stderr))
    const info = JSON.parse(probe.stdout.toString('utf8')) as Probe
    const video = info.streams?.find((stream) => stream.codec_type === 'video')
    const audio = info.streams?.find((stream) => stream.codec_type === 'audio')
    if (!video) throw new UploadRejectedError('文件里没有视频画面。')
    const rules = CODECS[container]
    const videoCodec = video.codec_name ?? '未知'
    const audioCodec = audio?.codec_name ?? null
    if (!rules.video.includes(videoCodec) || (audioCodec && !rules.audio.includes(audioCodec))) {
      throw new UploadRejectedError(
        `${rules.label}，这个文件是 ${videoCodec}${audioCodec ? `/${audioCodec}` : ''}。请用剪辑软件导出为 MP4（H.264/AAC）后再上传。`,
        415,
      )
    }
    const durationSeconds = Number(info.format?.duration ?? 0)
    if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) throw undecodable('读不出时长')
    if (durationSeconds > MAX_VIDEO_SECONDS) {
      throw new UploadRejectedError(
        `视频太长：${Math.round(durationSeconds / 60)} 分钟，上限 ${MAX_VIDEO_SECONDS / 60} 分钟。`,
        413,
      )
    }
    const width = video.width ?? 0
    const height = video.height ?? 0
    if (!width || !height || width > MAX_VIDEO_SIDE || height > MAX_VIDEO_SIDE) {
      throw new UploadRejectedError(
        `视频画面尺寸不合适：${width}×${height}，单边上限 ${MAX_VIDEO_SIDE} 像素。`,
        413,
      )
    }
    const tail = await runTool('ffmpeg', [
      '-v',
      'error',
      '-xerror',
      '-sseof',
      String(-Math.min(3, durationSeconds)),
      '-i',
      input,
      '-f',
      'null',
      '-',
    ])
    if (tail.code !== 0) throw undecodable(firstLine(tail.stderr))
    const posterPath = path.join(dir, 'poster.jpg')
    const frame = await runTool('ffmpeg', [
      '-v',
      'error',
      '-ss',
      String(Math.min(1, durationSeconds / 3).toFixed(2)),
      '-i',
      input,
      '-frames:v',
      '1',
      '-q:v',
      '3',
      '-y',
      posterPath,
    ])
    if (frame.code !== 0) throw undecodable(firstLine(frame.stderr))
    return {
      durationSeconds: Math.round(durationSeconds * 100) / 100,
      width,
      height,
      videoCodec,
      audioCodec,
      poster: await readFile(posterPath),
    }
  })
}
