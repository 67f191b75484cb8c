import { CacheTags } from '@/components/CacheTags'
import { PortalLink } from '@/components/PortalLink'
import { TAGS } from '@/data/cacheTags'
import { resourceSpeakersAndRating } from '@/data/lecturers'
import type { OrderableKind } from '@/lib/orders/submission'

import { OrderButton } from './OrderButton'
import { RatingLine } from './RatingLine'

/**
 * On a resource page: who gives this talk (主讲, linked to their profiles), how residents rated
 * it once there are enough ratings, and the 点单 button.
 */
export async function ResourceOrderPanel({ kind, slug }: { kind: OrderableKind; slug: string }) {
  const { speakers, rating } = await resourceSpeakersAndRating(kind, slug)
  return (
    <div className="order-panel no-print">
      <CacheTags
        tags={[
          TAGS.ratings(`${kind}/${slug}`),
          ...speakers.map((s) => TAGS.ratings(`lecturers/${s.slug}`)),
        ]}
      />
      {speakers.length > 0 ? (
        <p className="speakers" data-testid="speakers">
          主讲：
          {speakers.map((speaker, index) => (
            <span key={speaker.slug}>
              {index > 0 ? '、' : ''}
              <PortalLink href={`/lecturers/${speaker.slug}`}>{speaker.name}</PortalLink>
            </span>
          ))}
        </p>
      ) : null}
      <RatingLine rating={rating} />
      <OrderButton kind={kind} slug={slug} />
    </div>
  )
}
