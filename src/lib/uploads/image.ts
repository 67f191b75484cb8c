import sharp, { type Metadata } from 'sharp'

import { UploadRejectedError } from './errors'
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './limits'

export type CleanImage = { data: Buffer; width: number; height: number; blurDataURL: string }

/**
 * Re-encodes an uploaded photo: EXIF orientation applied to the pixels, then every piece of
 * metadata (GPS position, camera serial, XMP) dropped, since sharp writes none unless asked.
 * Re-encoding also decodes every pixel, so truncated files fail here, and anything appended
 * after the image data is gone. Returns the clean bytes and a tiny blur placeholder.
 */
export async function cleanImage(data: Buffer, format: string): Promise<CleanImage> {
  let meta: Metadata
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata()
  } catch {
    throw new UploadRejectedError('图片文件已损坏，无法读取。请重新导出后再上传。')
  }
  const width = meta.width ?? 0
  const height = meta.height ?? 0
  if (width * height > MAX_IMAGE_PIXELS || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new UploadRejectedError(
      `图片尺寸太大：${width}×${height} 像素，上限 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素、单边 ${MAX_IMAGE_SIDE} 像素。请缩小后再上传。`,
      413,
    )
  }
  try {
    const pipeline = sharp(data, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).rotate()
    const encoded =
      format === 'png'
        ? pipeline.png({ compressionLevel: 9 })
        : format === 'webp'
          ? pipeline.webp({ quality: 90 })
          : format === 'avif'
            ? pipeline.avif({ quality: 70 })
            : pipeline.jpeg({ quality: 88 })
    const { data: clean, info } = await encoded.toBuffer({ resolveWithObject: true })
    const blur = await sharp(clean)
      .resize(16, 16, { fit: 'inside' })
      .webp({ quality: 40 })
      .toBuffer()
    return {
      data: clean,
      width: info.width,
      height: info.height,
      blurDataURL: `data:image/webp;base64,${blur.toString('base64')}`,
    }
  } catch (error) {
    if (error instanceof UploadRejectedError) throw error
    throw new UploadRejectedError('图片文件不完整或已损坏（可能上传中断），无法解码。请重新上传。')
  }
}
