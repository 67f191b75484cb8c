import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { CacheTags } from '@/components/CacheTags'
import { DetailMeta } from '@/components/DetailMeta'
import { PortalLink } from '@/components/PortalLink'
import { ResponsiveImage } from '@/components/ResponsiveImage'
import { RatingLine } from '@/components/orders/RatingLine'
import { TAGS } from '@/data/cacheTags'
import { declareTags } from '@/data/declareTags'
import { getLecturer, listLecturerSlugs } from '@/data/lecturers'
import { formatDate } from '@/lib/format'
import { KIND_LABELS, resourcePath } from '@/lib/kinds'
import { shareMetadata } from '@/lib/seo'

export const revalidate = false

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return (await listLecturerSlugs()).map((slug) => ({ slug }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lecturer = await getLecturer(decodeURIComponent((await params).slug))
  if (!lecturer) return {}
  return shareMetadata({
    title: `${lecturer.name}（${lecturer.kind}）`,
    description: lecturer.bio.slice(0, 120),
    path: `/lecturers/${lecturer.slug}`,
    image: lecturer.photo,
    type: 'profile',
  })
}

/**
 * A lecturer's or team's public profile: who they are, where, in which dialect, the talks they
 * give, and how residents rated their 点单 (from three ratings on). No contact details.
 */
export default async function LecturerPage({ params }: Props) {
  const slug = decodeURIComponent((await params).slug)
  declareTags([TAGS.ratings(`lecturers/${slug}`)])
  const lecturer = await getLecturer(slug)
  if (!lecturer) notFound()
  return (
    <article className="detail lecturer">
      <CacheTags
        tags={[
          TAGS.ratings(`lecturers/${lecturer.slug}`),
          TAGS.speaker(lecturer.id),
          ...lecturer.resources.map((item) => TAGS.resource(item.kind, item.slug)),
        ]}
      />
      <nav className="breadcrumbs" aria-label="位置">
        <PortalLink href="/">首页</PortalLink> ›{' '}
        <PortalLink href="/lecturers">宣讲员与宣讲团</PortalLink>
      </nav>
      <span className="kind-label">{lecturer.kind}</span>
      <h1>{lecturer.name}</h1>
      {lecturer.photo ? (
        <ResponsiveImage image={lecturer.photo} sizes="(max-width: 700px) 100vw, 680px" />
      ) : null}
      <DetailMeta
        items={[
          ['所属宣讲团', lecturer.team],
          ['所在', lecturer.org?.name ?? ''],
          ['宣讲语言', lecturer.dialects.join('、')],
          ['主题', lecturer.topics.map((topic) => topic.name).join('、')],
        ]}
      />
      <RatingLine rating={lecturer.rating} />
      <p className="lead">{lecturer.bio}</p>
      <div className="reading-tools no-print">
        <a
          className="tool-button order-button"
          href={`/orders?lecturer=${encodeURIComponent(lecturer.slug)}`}
          data-testid="order-button"
        >
          请{lecturer.kind === '宣讲团' ? '他们' : 'TA'}来讲
        </a>
      </div>
      {lecturer.resources.length > 0 ? (
        <section aria-labelledby="talks">
          <h2 id="talks">讲过的课</h2>
          <ul className="lecturer-talks">
            {lecturer.resources.map((item) => (
              <li key={`${item.kind}/${item.slug}`}>
                <span className="kind-label">{KIND_LABELS[item.kind].short}</span>{' '}
                <PortalLink href={resourcePath(item.kind, item.slug)}>{item.title}</PortalLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {lecturer.comments.length > 0 ? (
        <section aria-labelledby="comments">
          <h2 id="comments">群众评价</h2>
          <ul className="rating-comments">
            {lecturer.comments.map((comment, index) => (
              <li key={index}>
                <p>“{comment.text}”</p>
                <p className="rating-comment-meta">
                  {comment.score} 分 · {formatDate(comment.at)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
