import type { CollectionConfig } from 'payload'

import { mediaDir } from '@/lib/paths'

import { uploadCollection } from './uploadCollection'

/**
 * Video files (MP4 H.264/AAC or WebM) attached to dialect short videos. ffprobe/ffmpeg check
 * each upload and record its duration, size and a poster frame.
 */
export const VideoFiles: CollectionConfig<'video-files'> = uploadCollection('video', {
  slug: 'video-files',
  labels: { singular: '视频文件', plural: '视频文件' },
  admin: { group: '素材', defaultColumns: ['filename', 'durationSeconds', 'filesize'] },
  upload: {
    staticDir: mediaDir('videos'),
    mimeTypes: ['video/mp4', 'video/webm'],
  },
  fields: [
    {
      name: 'poster',
      type: 'upload',
      relationTo: 'media',
      label: '封面',
      admin: { description: '上传视频时自动截取画面，可替换为其他图片' },
    },
    {
      type: 'row',
      fields: [
        { name: 'durationSeconds', type: 'number', label: '时长（秒）', admin: { readOnly: true } },
        { name: 'width', type: 'number', label: '宽（像素）', admin: { readOnly: true } },
        { name: 'height', type: 'number', label: '高（像素）', admin: { readOnly: true } },
        { name: 'videoCodec', type: 'text', label: '画面编码', admin: { readOnly: true } },
        { name: 'audioCodec', type: 'text', label: '声音编码', admin: { readOnly: true } },
      ],
    },
  ],
})
