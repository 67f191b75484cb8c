import { readFile, writeFile } from 'node:fs/promises'

import type {
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionSlug,
  PayloadRequest,
} from 'payload'

import { normaliseFileName } from '@/lib/uploads/fileName'
import { UploadRejectedError } from '@/lib/uploads/errors'
import { cleanImage } from '@/lib/uploads/image'
import { MAX_SUBTITLE_CUES, MAX_SUBTITLE_LINES, type UploadKind } from '@/lib/uploads/limits'
import { inspectPdf } from '@/lib/uploads/pdf'
import { sniffUpload } from '@/lib/uploads/sniff'
import { inspectVideo } from '@/lib/uploads/video'
import { firstNonUtf8Line, prepareSubtitles } from '@/lib/vtt'

/** What the checks learned about an upload, carried from beforeOperation to beforeChange. */
type UploadFacts = {
  fields: Record<string, unknown>
  /** A JPEG to store as a media doc (video poster, PDF first page) and the field it fills. */
  derivedImage?: { field: string; data: Buffer; alt: string }
}

const factsKey = (slug: string) => `uploadFacts:${slug}`

async function fileBytes(file: NonNullable<PayloadRequest['file']>): Promise<Buffer> {
  if (file.data?.length) return file.data
  if (file.tempFilePath) return readFile(file.tempFilePath)
  return Buffer.alloc(0)
}

function baseName(name: string): string {
  return name.replace(/\.[^.]+$/, '')
}

async function inspect(kind: UploadKind, data: Buffer, name: string) {
  const detected = await sniffUpload(kind, data)
  switch (kind) {
    case 'image': {
      const ext = detected!.ext
      const clean = await cleanImage(data, ext)
      return {
        data: clean.data,
        mime: detected!.mime,
        ext,
        facts: { fields: { blurDataURL: clean.blurDataURL } },
      }
    }
    case 'video': {
      const { poster, ...fields } = await inspectVideo(data, detected!.ext as 'mp4' | 'webm')
      return {
        data,
        mime: detected!.mime,
        ext: detected!.ext,
        facts: {
          fields,
          derivedImage: { field: 'poster', data: poster, alt: `${baseName(name)}（视频封面）` },
        },
      }
    }
    case 'document': {
      if (detected!.ext !== 'pdf') {
        return { data, mime: detected!.mime, ext: detected!.ext, facts: { fields: {} } }
      }
      const { cover, ...fields } = await inspectPdf(data)
      return {
        data,
        mime: detected!.mime,
        ext: 'pdf',
        facts: {
          fields,
          derivedImage: { field: 'preview', data: cover, alt: `${baseName(name)}（首页）` },
        },
      }
    }
    case 'subtitles': {
      const badLine = firstNonUtf8Line(data)
      if (badLine !== null) {
        throw new UploadRejectedError(
          `字幕文件不是 UTF-8 编码（第 ${badLine} 行）。请在记事本或字幕软件里“另存为 UTF-8”后再上传。`,
        )
      }
      const prepared = prepareSubtitles(data.toString('utf8'), {
        maxLines: MAX_SUBTITLE_LINES,
        maxCues: MAX_SUBTITLE_CUES,
      })
      if (!prepared.ok) {
        throw new UploadRejectedError(
          `字幕格式错误（第 ${prepared.problem.line} 行）：${prepared.problem.message}。`,
        )
      }
      return {
        data: Buffer.from(prepared.vtt, 'utf8'),
        mime: 'text/vtt',
        ext: 'vtt',
        facts: {
          fields: {
            vtt: prepared.vtt,
            cueCount: prepared.cues.length,
            sourceFormat: prepared.format,
          },
        },
      }
    }
  }
}

/** Stores a derived JPEG as a media doc in the same transaction; returns its id. */
async function storeDerivedImage(
  req: PayloadRequest,
  image: NonNullable<UploadFacts['derivedImage']>,
  name: string,
): Promise<number | string> {
  // The Local API reuses the request object and would overwrite the parent's file.
  const parentFile = req.file
  try {
    const doc = await req.payload.create({
      collection: 'media',
      data: { alt: image.alt.slice(0, 200) },
      file: { data: image.data, mimetype: 'image/jpeg', name, size: image.data.length },
      req,
      overrideAccess: true,
      context: req.context,
    })
    return doc.id
  } finally {
    req.file = parentFile
  }
}

/**
 * Upload safety for one kind of upload collection. `beforeOperation` runs before Payload
 * touches the file: it decides the type from the bytes, normalises the name, enforces the
 * kind's limits and runs the kind's checks (re-encoding images, probing videos, reading PDFs,
 * validating subtitles), so a refused upload writes nothing. `beforeChange` then stores what
 * was learned (dimensions, duration, extracted text, a poster or cover as a media doc).
 */
export function uploadSafety<TSlug extends CollectionSlug>(
  kind: UploadKind,
): {
  beforeOperation: CollectionBeforeOperationHook<TSlug>
  beforeChange: CollectionBeforeChangeHook
} {
  return {
    beforeOperation: async ({ args, operation, req, collection }) => {
      if (operation !== 'create' && operation !== 'update') return args
      const file = req.file
      if (!file) return args
      const data = await fileBytes(file)
      const result = await inspect(kind, data, file.name.normalize('NFC'))
      file.name = normaliseFileName(file.name, result.ext)
      file.mimetype = result.mime
      if (result.data !== data) {
        file.data = result.data
        file.size = result.data.length
        if (file.tempFilePath) await writeFile(file.tempFilePath, result.data)
      }
      req.context[factsKey(collection.slug)] = result.facts satisfies UploadFacts
      return args
    },
    beforeChange: async ({ data, req, collection, originalDoc }) => {
      const key = factsKey(collection.slug)
      const facts = req.context[key] as UploadFacts | undefined
      if (!facts) return data
      delete req.context[key]
      Object.assign(data, facts.fields)
      const image = facts.derivedImage
      if (image && !data[image.field] && !originalDoc?.[image.field]) {
        const name = `${baseName(String(data.filename ?? 'upload'))}-${image.field}.jpg`
        data[image.field] = await storeDerivedImage(req, image, name)
      }
      return data
    },
  }
}
