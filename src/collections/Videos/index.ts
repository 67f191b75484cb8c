import type { CollectionConfig } from 'payload'

import { DIALECTS } from '@/lib/vocabulary'

import { resourceCollection } from '../resourceCollection'
import { deriveFromSubtitles } from './hooks/deriveFromSubtitles'

/** Dialect short videos (方言短视频): a 1–5 minute clip with Mandarin subtitles and transcript. */
export const Videos: CollectionConfig = resourceCollection('videos', {
  defaultColumns: ['title', 'dialect', 'durationSeconds', 'org', 'reviewState', 'publishedAt'],
  beforeChange: [deriveFromSubtitles],
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'dialect',
          type: 'select',
          label: '方言',
          required: true,
          options: [...DIALECTS],
          index: true,
        },
        {
          name: 'durationSeconds',
          type: 'number',
          label: '时长（秒）',
          index: true,
          admin: { readOnly: true, description: '由视频文件或字幕自动得出' },
        },
      ],
    },
    { name: 'videoFile', type: 'upload', relationTo: 'video-files', label: '视频文件' },
    { name: 'poster', type: 'upload', relationTo: 'media', label: '视频封面' },
    {
      name: 'description',
      type: 'textarea',
      label: '拍摄说明',
      maxLength: 1000,
      admin: { description: '讲述人、拍摄地点等' },
    },
    {
      name: 'subtitleFile',
      type: 'upload',
      relationTo: 'subtitle-files',
      label: '字幕文件（WebVTT 或 SRT）',
      admin: { description: '选择字幕文件后，下方字幕文本以文件为准' },
    },
    {
      name: 'subtitles',
      type: 'code',
      label: '普通话字幕（WebVTT）',
      admin: {
        language: 'plaintext',
        description: '以 WEBVTT 开头的字幕文本；粘贴 SRT 也可以，保存时自动转换',
      },
    },
    {
      name: 'transcript',
      type: 'textarea',
      label: '文字稿',
      admin: { readOnly: true, description: '由字幕自动生成，可被搜索' },
    },
  ],
})
