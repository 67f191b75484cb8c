import type { CollectionConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { authenticated } from '@/access/authenticated'
import { updateUploadInScope } from '@/access/resourceAccess'
import { orgField } from '@/fields/org'
import { assignUploadOrg } from '@/hooks/assignUploadOrg'
import { mediaDir } from '@/lib/paths'

/** Video files (MP4 H.264/AAC or WebM) attached to dialect short videos. */
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
  hooks: { beforeChange: [assignUploadOrg] },
  upload: {
    staticDir: mediaDir('videos'),
    mimeTypes: ['video/mp4', 'video/webm'],
  },
  fields: [
    {
      name: 'durationSeconds',
      type: 'number',
      label: '时长（秒）',
      admin: { readOnly: true },
    },
    orgField({ required: false }),
  ],
}
