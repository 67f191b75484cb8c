import type { CollectionConfig } from 'payload'

import { AUDIENCES, DIALECTS, SCRIPT_FORMATS } from '@/lib/vocabulary'

import { resourceCollection } from '../resourceCollection'
import { computeScriptMeasures } from './hooks/computeScriptMeasures'

/** Lecture scripts (宣讲稿): the talk itself with its format, audience and key points. */
export const Scripts: CollectionConfig = resourceCollection('scripts', {
  defaultColumns: ['title', 'format', 'org', 'reviewState', 'publishedAt', 'updatedAt'],
  beforeChange: [computeScriptMeasures],
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'format',
          type: 'select',
          label: '宣讲形式',
          required: true,
          options: [...SCRIPT_FORMATS],
          index: true,
        },
        {
          name: 'dialect',
          type: 'select',
          label: '宣讲语言',
          defaultValue: 'mandarin',
          options: [...DIALECTS],
          index: true,
        },
        {
          name: 'durationMinutes',
          type: 'number',
          label: '建议时长（分钟）',
          required: true,
          min: 1,
          max: 180,
          index: true,
        },
      ],
    },
    {
      name: 'audience',
      type: 'select',
      label: '适合对象',
      hasMany: true,
      options: [...AUDIENCES],
      index: true,
    },
    {
      name: 'keyPoints',
      type: 'array',
      label: '要点',
      labels: { singular: '要点', plural: '要点' },
      maxRows: 12,
      fields: [{ name: 'point', type: 'text', label: '要点', required: true, maxLength: 200 }],
    },
    { name: 'body', type: 'richText', label: '宣讲正文', required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'wordCount',
          type: 'number',
          label: '字数',
          admin: { readOnly: true, description: '按正文自动统计' },
        },
        {
          name: 'speakingMinutes',
          type: 'number',
          label: '讲述时长（分钟）',
          admin: { readOnly: true, description: '按每分钟约 220 字估算' },
        },
      ],
    },
  ],
})
