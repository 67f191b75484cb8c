import type { GlobalConfig } from 'payload'

import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { DEFAULT_TIME_ZONE, TIME_ZONES } from '@/lib/dates'
import { revalidatePortalAfterGlobalChange } from '@/hooks/revalidateResource'
import { queueStaticAfterGlobalChange } from '@/hooks/staticPublish'

function validateOrigin(value: string | null | undefined): true | string {
  if (!value) return '请填写来源地址'
  try {
    const url = new URL(value)
    if (url.origin !== value.replace(/\/$/, ''))
      return '只填写协议和域名，如 https://www.example.cn'
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return '只支持 http 或 https 地址'
    return true
  } catch {
    return '不是有效的网址，应形如 https://www.example.cn'
  }
}

/** Portal-wide settings: name, logo, footer, ICP filing number and allowed embedding origins. */
export const Site: GlobalConfig = {
  slug: 'site',
  label: '站点设置',
  admin: { group: '设置' },
  access: { read: anyone, update: isAdmin },
  hooks: { afterChange: [revalidatePortalAfterGlobalChange, queueStaticAfterGlobalChange] },
  fields: [
    {
      name: 'name',
      type: 'text',
      label: '门户名称',
      required: true,
      defaultValue: '文明实践资源库',
      maxLength: 40,
    },
    { name: 'tagline', type: 'text', label: '副标题', maxLength: 80 },
    { name: 'logo', type: 'upload', relationTo: 'media', label: '标志' },
    { name: 'footer', type: 'textarea', label: '页脚文字', maxLength: 500 },
    {
      name: 'icp',
      type: 'text',
      label: 'ICP 备案号',
      maxLength: 40,
      admin: { description: '如：某ICP备12345678号-1' },
    },
    {
      name: 'timeZone',
      type: 'select',
      label: '时区',
      defaultValue: DEFAULT_TIME_ZONE,
      options: [...TIME_ZONES],
      admin: { description: '后台和门户显示日期时间所用的时区' },
    },
    {
      name: 'orders',
      type: 'group',
      label: '点单设置',
      fields: [
        {
          name: 'overdueDays',
          type: 'number',
          label: '派单时限（天）',
          defaultValue: 3,
          min: 1,
          max: 60,
          admin: { description: '群众点单后超过这么多天仍未派单，订单标记为逾期' },
        },
        {
          name: 'phoneRetentionDays',
          type: 'number',
          label: '手机号保留天数',
          defaultValue: 30,
          min: 1,
          max: 365,
          admin: { description: '订单完成或取消后再过这么多天，自动清除群众的手机号码' },
        },
      ],
    },
    {
      name: 'embedOrigins',
      type: 'array',
      label: '允许嵌入的网站',
      labels: { singular: '网站', plural: '网站' },
      admin: { description: '可以用 iframe 嵌入本站组件的融媒体中心网站地址' },
      fields: [
        {
          name: 'origin',
          type: 'text',
          label: '网站地址',
          required: true,
          validate: validateOrigin,
        },
      ],
    },
  ],
}
