import { fileTypeFromBuffer } from 'file-type'

import { UploadRejectedError } from './errors'
import { formatBytes, UPLOAD_LIMITS, type UploadKind } from './limits'

export type DetectedType = { mime: string; ext: string }

/** What each kind accepts, keyed by the extension file-type reports. */
const ACCEPTED: Record<Exclude<UploadKind, 'subtitles'>, Record<string, DetectedType>> = {
  image: {
    jpg: { mime: 'image/jpeg', ext: 'jpg' },
    png: { mime: 'image/png', ext: 'png' },
    webp: { mime: 'image/webp', ext: 'webp' },
    avif: { mime: 'image/avif', ext: 'avif' },
  },
  document: {
    pdf: { mime: 'application/pdf', ext: 'pdf' },
    docx: {
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ext: 'docx',
    },
  },
  video: {
    mp4: { mime: 'video/mp4', ext: 'mp4' },
    m4v: { mime: 'video/mp4', ext: 'mp4' },
    webm: { mime: 'video/webm', ext: 'webm' },
  },
}

const EXPECTED: Record<UploadKind, string> = {
  image: 'JPEG、PNG、WebP 或 AVIF 图片',
  document: 'PDF 或 Word（.docx）文档',
  video: 'MP4（H.264/AAC）或 WebM 视频',
  subtitles: 'WebVTT（.vtt）或 SRT（.srt）字幕文本',
}

/** Markup that has no business inside an image, a PDF or a subtitle track. */
const MARKUP = /<(script|html|iframe|object|embed|body|svg|\?php)\b|javascript:/i
/** PDF features that run code or carry other files. */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia)(?![A-Za-z])/
const ZIP_ENTRY = Buffer.from('PK\u0003\u0004', 'latin1')

function looksLikeSvg(data: Buffer): boolean {
  const head = data
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)
}

/**
 * Decides what an upload is from its bytes alone: size within the kind's limit, not empty,
 * a type the kind accepts (never SVG), and no second format hidden inside (polyglots).
 * Returns the canonical type; throws an UploadRejectedError with the reason in Chinese.
 */
export async function sniffUpload(kind: UploadKind, data: Buffer): Promise<DetectedType | null> {
  const { maxBytes, label } = UPLOAD_LIMITS[kind]
  if (data.length === 0) {
    throw new UploadRejectedError('文件是空的（0 字节），可能上传中断了，请重新选择文件。')
  }
  if (data.length > maxBytes) {
    throw new UploadRejectedError(
      `${label}文件太大：${formatBytes(data.length)}，上限 ${formatBytes(maxBytes)}。`,
      413,
    )
  }
  if (looksLikeSvg(data)) {
    throw new UploadRejectedError(
      '不接受 SVG 矢量图：它可以内嵌脚本。请导出为 PNG 或 JPEG 后再上传。',
      415,
    )
  }
  const detected = await fileTypeFromBuffer(data)
  if (kind === 'subtitles') {
    // file-type recognises a WEBVTT header; anything else it recognises is binary.
    if (detected && detected.ext !== 'vtt') {
      throw new UploadRejectedError(
        `这不是字幕文本，而是 ${detected.ext.toUpperCase()} 文件。请上传${EXPECTED.subtitles}。`,
        415,
      )
    }
    return null
  }
  const accepted = detected ? ACCEPTED[kind][detected.ext] : undefined
  if (!accepted) {
    const what = detected ? `${detected.ext.toUpperCase()} 文件` : '无法识别的文件'
    throw new UploadRejectedError(
      `文件内容是${what}，不论扩展名写的是什么。这里只接受${EXPECTED[kind]}。`,
      415,
    )
  }
  if (kind !== 'video') {
    const text = data.toString('latin1')
    const hidden =
      MARKUP.test(text) ||
      (accepted.ext !== 'docx' && data.indexOf(ZIP_ENTRY, 4) !== -1) ||
      (accepted.ext === 'pdf' && PDF_ACTIVE.test(text))
    if (hidden) {
      throw new UploadRejectedError(
        `${label}文件里夹带了网页脚本、可执行动作或另一个压缩包（多重格式文件），已拒绝。请用正常软件重新导出后再上传。`,
        415,
      )
    }
  }
  return accepted
}
