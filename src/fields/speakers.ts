import type { RelationshipField } from 'payload'

/**
 * 主讲: the lecturers or teams who give a resource's talk. Pages name only published profiles; the
 * field itself takes any (a filter here would make every resource naming a withdrawn profile
 * unsaveable).
 */
export function speakersField(): RelationshipField {
  return {
    name: 'speakers',
    type: 'relationship',
    relationTo: 'lecturers',
    hasMany: true,
    label: '主讲',
    index: true,
    admin: { position: 'sidebar', description: '讲这堂课的宣讲员或宣讲团，会显示在资源页上' },
  }
}
