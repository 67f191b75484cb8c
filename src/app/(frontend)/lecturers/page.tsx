import type { Metadata } from 'next'

import { CacheTags } from '@/components/CacheTags'
import { PortalLink } from '@/components/PortalLink'
import { LecturerCardView } from '@/components/orders/LecturerCard'
import { TAGS } from '@/data/cacheTags'
import { listLecturers } from '@/data/lecturers'

export const revalidate = false

export const metadata: Metadata = {
  title: '宣讲员与宣讲团',
  description: '岚川县各村镇的宣讲员和宣讲团：谁讲、讲什么、用什么话讲。',
  alternates: { canonical: '/lecturers' },
}

/** Every published lecturer and team: who gives the county's talks. */
export default async function LecturersPage() {
  const lecturers = await listLecturers()
  return (
    <>
      <CacheTags tags={lecturers.map((card) => TAGS.ratings(`lecturers/${card.slug}`))} />
      <section className="hero">
        <h1>宣讲员与宣讲团</h1>
        <p>
          想请谁来村里讲一课？看看他们讲什么、用什么话讲，再
          <PortalLink href="/orders">点单</PortalLink>。
        </p>
      </section>
      {lecturers.length === 0 ? (
        <p className="empty">还没有公开的宣讲员主页。</p>
      ) : (
        <ul className="cards">
          {lecturers.map((card) => (
            <li key={card.slug}>
              <LecturerCardView card={card} />
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
