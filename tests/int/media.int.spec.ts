import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import config from '@payload-config'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import exifReader from 'exif-reader'
import type { CollectionSlug, DataFromCollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generateTextbookPdf } from '@/seed/media'

import { context, createOrgTree, minimalPdf, rejectionText, unique } from '../helpers/fixtures'
import {
  file,
  filesOnDisk,
  mp4,
  phonePhoto,
  pixelBombPng,
  png,
  type UploadFile,
  vtt,
  webm,
} from '../helpers/media'
import { bootPayload, shutdownPayload } from '../helpers/payload'

let payload: Payload
let token: string
let orgId: number

const UPLOADS = ['media', 'files', 'video-files', 'subtitle-files'] as const
const mediaRoot = () => process.env.MEDIA_DIR ?? ''

beforeAll(async () => {
  payload = await bootPayload()
  const tree = await createOrgTree(payload)
  orgId = tree.station.id
  const email = `${unique('media')}@lanchuan.example`
  await payload.create({
    collection: 'users',
    data: { email, password: 'media-test-pass-2026', name: '素材测试员', role: 'admin' },
    overrideAccess: true,
    context,
  } as never)
  const login = await payload.login({
    collection: 'users',
    data: { email, password: 'media-test-pass-2026' },
  })
  token = login.token ?? ''
})

afterAll(async () => {
  await shutdownPayload(payload)
})

async function snapshot() {
  const counts: Record<string, number> = {}
  for (const slug of [...UPLOADS, 'videos', 'textbooks'] as const) {
    counts[slug] = (await payload.count({ collection: slug, overrideAccess: true })).totalDocs
  }
  return { counts, files: filesOnDisk() }
}

const ALT = { alt: '测试图片', title: '测试文档' }
const dataFor = (collection: CollectionSlug) =>
  collection === 'media' ? { alt: ALT.alt } : collection === 'files' ? { title: ALT.title } : {}

function createUpload<S extends (typeof UPLOADS)[number]>(
  collection: S,
  upload: UploadFile,
): Promise<DataFromCollectionSlug<S>> {
  return payload.create({
    collection,
    data: dataFor(collection) as never,
    file: upload,
    overrideAccess: true,
    context,
  }) as Promise<DataFromCollectionSlug<S>>
}

type RestBody = { doc: { filename: string }; errors: { message: string }[] }

async function restUpload(collection: (typeof UPLOADS)[number], upload: UploadFile) {
  const form = new FormData()
  form.append(
    'file',
    new Blob([new Uint8Array(upload.data)], { type: upload.mimetype }),
    upload.name,
  )
  form.append('_payload', JSON.stringify(dataFor(collection)))
  const request = new Request(`http://localhost/api/${collection}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `JWT ${token}` },
  })
  const response = await REST_POST(config)(request, {
    params: Promise.resolve({ slug: [collection] }),
  })
  return { status: response.status, body: (await response.json()) as RestBody }
}

/** The upload must fail with the Chinese reason, leaving no document and no file behind. */
async function expectRefused(
  collection: (typeof UPLOADS)[number],
  upload: UploadFile,
  reason: RegExp,
) {
  const before = await snapshot()
  const message = await rejectionText(createUpload(collection, upload))
  expect(message).toMatch(reason)
  expect(await snapshot()).toEqual(before)
}

describe('images', () => {
  it('applies EXIF orientation, strips GPS and camera data, and writes every WebP size', async () => {
    // Stored sideways (1200×2400) with orientation 6: upright it is 2400×1200.
    const photo = await phonePhoto(1200, 2400)
    const exifBefore = exifReader((await sharp(photo).metadata()).exif!)
    expect(exifBefore.GPSInfo?.GPSLatitude).toEqual([29, 36, 12])

    const doc = await createUpload('media', file(photo, '岚川 茶园 采茶.jpg', 'image/jpeg'))
    expect(doc.filename).toBe('岚川-茶园-采茶.jpg')
    expect([doc.width, doc.height]).toEqual([2400, 1200])
    const stored = path.join(mediaRoot(), 'images', doc.filename!)
    const meta = await sharp(readFileSync(stored)).metadata()
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect([meta.width, meta.height]).toEqual([2400, 1200])
    expect(readFileSync(stored).includes('LanchuanPhone')).toBe(false)
    expect(doc.blurDataURL).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/=]{20,}$/)

    for (const [name, width] of [
      ['thumbnail', 320],
      ['card', 640],
      ['hero', 1600],
    ] as const) {
      const size = doc.sizes?.[name]
      expect(size?.filename, name).toMatch(/\.webp$/)
      const onDisk = await sharp(path.join(mediaRoot(), 'images', size!.filename!)).metadata()
      expect(onDisk.format, name).toBe('webp')
      expect(onDisk.width, name).toBe(width)
      expect(onDisk.exif, name).toBeUndefined()
    }
  })

  it('decides the type by content: a PNG named .jpg with a JPEG MIME is stored as PNG', async () => {
    const doc = await createUpload('media', file(await png(), 'photo.jpg', 'image/jpeg'))
    expect(doc.mimeType).toBe('image/png')
    expect(doc.filename).toBe('photo.png')
  })

  it('normalises hostile names: no folders, control or bidi characters, no double extension', async () => {
    const before = filesOnDisk()
    const doc = await createUpload(
      'media',
      file(await png(64, 64), '../../../etc/\u0000evil\u202Egnp.php.png', 'image/png'),
    )
    expect(doc.filename).toBe('evilgnp-php.png')
    const added = filesOnDisk().filter((entry) => !before.includes(entry))
    expect(added.every((entry) => entry.startsWith('images/'))).toBe(true)
  })

  it('refuses bad images with a clear reason and stores nothing', async () => {
    const jpeg = await phonePhoto(800, 600)
    await expectRefused(
      'media',
      file(minimalPdf(), 'photo.jpg', 'image/jpeg'),
      /文件内容是PDF 文件.*只接受 ?JPEG/,
    )
    await expectRefused(
      'media',
      file(Buffer.from('<html><body>hi</body></html>'), 'photo.jpg', 'image/jpeg'),
      /无法识别的文件/,
    )
    await expectRefused(
      'media',
      file(
        Buffer.from(
          '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        ),
        'logo.svg',
        'image/svg+xml',
      ),
      /不接受 SVG/,
    )
    await expectRefused(
      'media',
      file(Buffer.from('<svg onload="alert(1)"></svg>'), 'logo.png', 'image/png'),
      /不接受 SVG/,
    )
    await expectRefused(
      'media',
      file(
        Buffer.concat([jpeg, Buffer.from('<script>alert(document.cookie)</script>')]),
        'p.jpg',
        'image/jpeg',
      ),
      /多重格式/,
    )
    await expectRefused(
      'media',
      file(
        Buffer.concat([await png(), Buffer.from('PK\u0003\u0004payload.class', 'latin1')]),
        'gifar.png',
        'image/png',
      ),
      /多重格式/,
    )
    await expectRefused('media', file(Buffer.alloc(0), 'empty.jpg', 'image/jpeg'), /0 字节/)
    await expectRefused(
      'media',
      file(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg', 'image/jpeg'),
      /不完整或已损坏/,
    )
    const huge = Buffer.alloc(21 * 1024 * 1024)
    jpeg.copy(huge)
    await expectRefused(
      'media',
      file(huge, 'huge.jpg', 'image/jpeg'),
      /图片文件太大：21 MB，上限 20 MB/,
    )
    await expectRefused('media', file(pixelBombPng(), 'bomb.png', 'image/png'), /30000×30000 像素/)
  })
  it('refuses a bad replacement file on update and keeps the original', async () => {
    const doc = await createUpload('media', file(await png(320, 200), 'keep.png', 'image/png'))
    const before = await snapshot()
    const message = await rejectionText(
      payload.update({
        collection: 'media',
        id: doc.id,
        data: {},
        file: file(Buffer.from('<svg><script>alert(1)</script></svg>'), 'keep.png', 'image/png'),
        overrideAccess: true,
        context,
      }),
    )
    expect(message).toMatch(/不接受 SVG/)
    expect(await snapshot()).toEqual(before)
    const after = await payload.findByID({ collection: 'media', id: doc.id, overrideAccess: true })
    expect([after.filename, after.mimeType, after.width]).toEqual(['keep.png', 'image/png', 320])
  })
})

describe('videos', () => {
  it('probes an MP4, stores duration, size, codecs and a poster, and feeds the video resource', async () => {
    const doc = await createUpload('video-files', file(mp4(4), '河湾村 反诈.mp4', 'video/mp4'))
    expect(doc.filename).toBe('河湾村-反诈.mp4')
    expect(doc.durationSeconds).toBeCloseTo(4, 0)
    expect([doc.width, doc.height, doc.videoCodec, doc.audioCodec]).toEqual([
      320,
      180,
      'h264',
      'aac',
    ])
    const posterId = typeof doc.poster === 'object' ? doc.poster?.id : doc.poster
    const poster = await payload.findByID({
      collection: 'media',
      id: posterId!,
      overrideAccess: true,
    })
    expect(poster.mimeType).toBe('image/jpeg')
    expect([poster.width, poster.height]).toEqual([320, 180])
    expect(statSync(path.join(mediaRoot(), 'videos', doc.filename!)).size).toBe(doc.filesize)

    const video = await payload.create({
      collection: 'videos',
      data: {
        title: `视频${unique()}`,
        summary: '测试视频',
        org: orgId,
        dialect: 'lanchuan',
        videoFile: doc.id,
        subtitles: vtt([['00:00:00.500', '00:00:03.000', '乡亲们好']]),
        _status: 'published',
      } as never,
      overrideAccess: true,
      context,
    })
    expect(video.durationSeconds).toBe(4)
    expect(typeof video.poster === 'object' ? video.poster?.id : video.poster).toBe(posterId)
  })

  it('serves the stored video with byte ranges (206 Partial Content)', async () => {
    const doc = await createUpload('video-files', file(webm(3), 'range.webm', 'video/webm'))
    expect([doc.videoCodec, doc.audioCodec]).toEqual(['vp8', 'opus'])
    const url = `http://localhost/api/video-files/file/${doc.filename}`
    const response = await REST_GET(config)(
      new Request(url, { headers: { Range: 'bytes=100-199' } }),
      {
        params: Promise.resolve({ slug: ['video-files', 'file', doc.filename!] }),
      },
    )
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 100-199/${doc.filesize}`)
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    const body = Buffer.from(await response.arrayBuffer())
    expect(body.length).toBe(100)
    const onDisk = readFileSync(path.join(mediaRoot(), 'videos', doc.filename!))
    expect(body.equals(onDisk.subarray(100, 200))).toBe(true)
  })

  it('refuses bad videos with the reason and stores nothing', async () => {
    const good = mp4(3)
    await expectRefused(
      'video-files',
      file(await png(), 'clip.mp4', 'video/mp4'),
      /文件内容是PNG 文件.*MP4（H\.264\/AAC）或 WebM/,
    )
    await expectRefused('video-files', file(Buffer.alloc(0), 'clip.mp4', 'video/mp4'), /0 字节/)
    await expectRefused(
      'video-files',
      file(good.subarray(0, Math.floor(good.length * 0.6)), 'cut.mp4', 'video/mp4'),
      /视频文件不完整或已损坏/,
    )
    const { ffmpegClip } = await import('../helpers/media')
    await expectRefused(
      'video-files',
      file(ffmpegClip('mp4', ['-c:v', 'mpeg4', '-c:a', 'mp3']), 'old.mp4', 'video/mp4'),
      /MP4 视频须为 H\.264 画面、AAC 声音，这个文件是 mpeg4\/mp3/,
    )
    await expectRefused(
      'video-files',
      file(
        ffmpegClip('mov', ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac']),
        'phone.mp4',
        'video/mp4',
      ),
      /文件内容是MOV 文件/,
    )
  })

  it('names the Debian package when ffmpeg is missing', async () => {
    const clip = mp4(2)
    const path = process.env.PATH
    process.env.PATH = '/nonexistent'
    try {
      await expectRefused(
        'video-files',
        file(clip, 'clip.mp4', 'video/mp4'),
        /Debian 软件包 ffmpeg/,
      )
    } finally {
      process.env.PATH = path
    }
  })
})

describe('subtitles', () => {
  it('converts SRT to WebVTT and makes the cues the transcript of a video', async () => {
    const srt =
      '1\r\n00:00:01,000 --> 00:00:03,500\r\n莫信陌生电话\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\n转账之前问一问\r\n'
    const track = await createUpload(
      'subtitle-files',
      file(Buffer.from(srt), '反诈字幕.srt', 'application/x-subrip'),
    )
    expect(track.filename).toBe('反诈字幕.vtt')
    expect(track.sourceFormat).toBe('srt')
    expect(track.cueCount).toBe(2)
    expect(track.vtt).toContain('00:00:01.000 --> 00:00:03.500')
    const stored = readFileSync(path.join(mediaRoot(), 'subtitles', track.filename!), 'utf8')
    expect(stored.startsWith('WEBVTT')).toBe(true)

    const video = await payload.create({
      collection: 'videos',
      data: {
        title: `字幕${unique()}`,
        summary: '字幕测试',
        org: orgId,
        dialect: 'lanchuan',
        subtitleFile: track.id,
        _status: 'published',
      } as never,
      overrideAccess: true,
      context,
    })
    expect(video.transcript).toBe('莫信陌生电话\n转账之前问一问')
    expect(video.durationSeconds).toBe(6)
    const found = await payload.find({
      collection: 'videos',
      where: { transcript: { contains: '转账之前' } },
      overrideAccess: true,
    })
    expect(found.docs.map((doc) => doc.id)).toContain(video.id)
  })

  it('refuses bad subtitle files with the line number and stores nothing', async () => {
    const manyLines = `WEBVTT\n\n${Array.from({ length: 3400 }, (_, i) => `00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.000 --> 00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.500\n字幕${i}\n\n`).join('')}`
    expect(manyLines.split('\n').length).toBeGreaterThanOrEqual(10_000)
    await expectRefused(
      'subtitle-files',
      file(Buffer.from(manyLines), 'long.vtt', 'text/vtt'),
      /第 5001 行.*超过上限 5000 行/,
    )
    await expectRefused(
      'subtitle-files',
      file(
        Buffer.from(
          vtt([
            ['00:00:01.000', '00:00:05.000', '第一句'],
            ['00:00:04.000', '00:00:06.000', '第二句'],
          ]),
        ),
        'overlap.vtt',
        'text/vtt',
      ),
      /第 6 行.*时间重叠/,
    )
    const gbk = Buffer.concat([
      Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n'),
      Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
      Buffer.from('\n'),
    ])
    await expectRefused(
      'subtitle-files',
      file(gbk, 'gbk.vtt', 'text/vtt'),
      /不是 UTF-8 编码（第 4 行）/,
    )
    await expectRefused(
      'subtitle-files',
      file(Buffer.from('WEBVTT\n\n00:00:01 --> 00:00:02.000\n你好\n'), 'bad.vtt', 'text/vtt'),
      /第 3 行/,
    )
    await expectRefused(
      'subtitle-files',
      file(
        Buffer.from('1\n00:00:03,000 --> 00:00:02,000\n你好\n'),
        'bad.srt',
        'application/x-subrip',
      ),
      /第 2 行.*结束时间必须晚于开始时间/,
    )
    await expectRefused(
      'subtitle-files',
      file(await png(), 'track.vtt', 'text/vtt'),
      /不是字幕文本/,
    )
    await expectRefused(
      'subtitle-files',
      file(Buffer.alloc(600 * 1024, 'a'), 'big.vtt', 'text/vtt'),
      /字幕文件太大/,
    )
    await expectRefused(
      'subtitle-files',
      file(Buffer.from('WEBVTT\n'), 'empty.vtt', 'text/vtt'),
      /没有任何字幕条/,
    )
  })

  it('refuses a video whose pasted subtitles overlap, creating nothing', async () => {
    const before = await snapshot()
    const message = await rejectionText(
      payload.create({
        collection: 'videos',
        data: {
          title: `重叠${unique()}`,
          summary: '重叠字幕',
          org: orgId,
          dialect: 'lanchuan',
          subtitles: vtt([
            ['00:00:01.000', '00:00:05.000', '一'],
            ['00:00:02.000', '00:00:03.000', '二'],
          ]),
        } as never,
        overrideAccess: true,
        context,
      }),
    )
    expect(message).toMatch(/第 6 行.*时间重叠/)
    expect(await snapshot()).toEqual(before)
  })
})

describe('textbook PDFs', () => {
  it('extracts text and page count, renders the first page, and uses it as the missing cover', async () => {
    const pdf = generateTextbookPdf('杏花村村史读本', '岚川县乡土教材', [
      {
        title: '第一章 村名的由来',
        paragraphs: ['杏花村因村口三棵老杏树得名，每年清明前后花开满坡。'],
      },
    ])
    const doc = await createUpload('files', file(pdf, '杏花村村史.pdf', 'application/pdf'))
    expect(doc.pageCount).toBe(2)
    expect(doc.text).toContain('杏花村因村口三棵老杏树得名')
    const previewId = typeof doc.preview === 'object' ? doc.preview?.id : doc.preview
    expect(previewId).toBeTruthy()

    const textbook = await payload.create({
      collection: 'textbooks',
      data: {
        title: `教材${unique()}`,
        summary: '教材测试',
        org: orgId,
        pdf: doc.id,
        chapters: [
          {
            title: '第一章',
            body: {
              root: {
                type: 'root',
                version: 1,
                direction: null,
                format: '',
                indent: 0,
                children: [
                  {
                    type: 'paragraph',
                    version: 1,
                    direction: null,
                    format: '',
                    indent: 0,
                    children: [{ type: 'text', text: '正文', version: 1 }],
                  },
                ],
              },
            },
          },
        ],
        _status: 'published',
      } as never,
      overrideAccess: true,
      context,
    })
    expect(typeof textbook.cover === 'object' ? textbook.cover?.id : textbook.cover).toBe(previewId)
    const found = await payload.find({
      collection: 'files',
      where: { text: { contains: '三棵老杏树' } },
      overrideAccess: true,
    })
    expect(found.docs.map((entry) => entry.id)).toContain(doc.id)
  })

  it('refuses bad documents and stores nothing', async () => {
    const pdf = minimalPdf()
    await expectRefused(
      'files',
      file(pdf.subarray(0, pdf.length - 30), 'cut.pdf', 'application/pdf'),
      /PDF 文件不完整或已损坏/,
    )
    await expectRefused(
      'files',
      file(
        Buffer.from(
          pdf
            .toString('latin1')
            .replace(
              '/Type /Catalog',
              '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
            ),
          'latin1',
        ),
        'script.pdf',
        'application/pdf',
      ),
      /多重格式/,
    )
    await expectRefused(
      'files',
      file(Buffer.from('<html><script>alert(1)</script></html>'), 'book.pdf', 'application/pdf'),
      /只接受 ?PDF 或 Word/,
    )
    await expectRefused(
      'files',
      file(
        Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000notes.txt', 'latin1'),
        'book.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
      /只接受 ?PDF 或 Word/,
    )
  })
})

describe('REST uploads', () => {
  it('accepts every kind over multipart REST and refuses a spoofed one with the Chinese reason', async () => {
    const uploads = [
      ['media', file(await png(), '门户图片.png', 'image/png')],
      [
        'files',
        file(
          generateTextbookPdf('读本', '岚川县', [{ title: '一', paragraphs: ['正文'] }]),
          '读本.pdf',
          'application/pdf',
        ),
      ],
      ['video-files', file(webm(2), '短片.webm', 'video/webm')],
      [
        'subtitle-files',
        file(Buffer.from(vtt([['00:00:00.000', '00:00:01.000', '你好']])), '字幕.vtt', 'text/vtt'),
      ],
    ] as const
    for (const [collection, upload] of uploads) {
      const { status, body } = await restUpload(collection, upload)
      expect(status, `${collection}: ${JSON.stringify(body)}`).toBe(201)
      expect(body.doc.filename, collection).toBe(upload.name)
    }
    const before = await snapshot()
    const { status, body } = await restUpload('media', file(minimalPdf(), 'x.jpg', 'image/jpeg'))
    expect(status).toBe(415)
    expect(body.errors[0].message).toMatch(/文件内容是PDF 文件/)
    expect(await snapshot()).toEqual(before)
  })
})

describe('REST request limits', () => {
  it('lets a 60 MB video reach the checks (Payload alone would cut requests at 50 MB)', async () => {
    const big = Buffer.alloc(60 * 1024 * 1024)
    const before = await snapshot()
    const { status, body } = await restUpload('video-files', file(big, 'big.mp4', 'video/mp4'))
    expect(status).toBe(415)
    expect(body.errors[0].message).toMatch(/无法识别的文件.*MP4（H\.264\/AAC）或 WebM/)
    expect(await snapshot()).toEqual(before)
  })
})
