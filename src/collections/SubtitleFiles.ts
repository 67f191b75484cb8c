import type { CollectionConfig } from 'payload'

import { mediaDir } from '@/lib/paths'

import { uploadCollection } from './uploadCollection'

/** Subtitle tracks: WebVTT or SRT uploads, validated and stored as WebVTT. */
export const SubtitleFiles: CollectionConfig<'subtitle-files'> = uploadCollection('subtitles', {
  slug: 'subtitle-files',
  labels: { singular: '字幕文件', plural: '字幕文件' },
  admin: { group: '素材', defaultColumns: ['filename', 'cueCount', 'sourceFormat', 'updatedAt'] },
  upload: {
    staticDir: mediaDir('subtitles'),
    mimeTypes: ['text/vtt', 'text/plain'],
  },
  fields: [
    { name: 'cueCount', type: 'number', label: '字幕条数', admin: { readOnly: true } },
    {
      name: 'sourceFormat',
      type: 'select',
      label: '原始格式',
      options: [
        { label: 'WebVTT', value: 'vtt' },
        { label: 'SRT（已转换为 WebVTT）', value: 'srt' },
      ],
      admin: { readOnly: true },
    },
    {
      name: 'vtt',
      type: 'code',
      label: 'WebVTT 内容',
      admin: { language: 'plaintext', readOnly: true },
    },
  ],
})
