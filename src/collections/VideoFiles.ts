import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { updateUploadInScope } from '@/access/resourceAccess'
import { orgField } from '@/fields/org'
import { assignUploadOrg } from '@/hooks/assignUploadOrg'
import { uploadSafety } from '@/hooks/uploadSafety'
import { mediaDir } from '@/lib/paths'

const safety = uploadSafety<'video-files'>('video')

/**
 * Video files (MP4 H.264/AAC or WebM) attached to dialect short videos. ffprobe/ffmpeg check
 * each upload and record its duration, size and a poster frame.
 */
export const VideoFiles: CollectionConfig<'video-files'> = {
  slug: 'video-files',
  labels: { singular: '视频文件', plural: '视频文件' },
  admin: { group: '素材', defaultColumns: ['filename', 'durationSeconds', 'filesize'] },
  access: {
    read: anyone,
    create: authenticated,
    update: updateUploadInScope,
    delete: updateUploadInScope,
  },
  hooks: {
    beforeOperation: [safety.beforeOperation],
    beforeChange: [assignUploadOrg, safety.beforeChange],
  },
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
    orgField({ required: false }),
  ],
}
