import type { PortalImage } from '@/data/types'

type Props = {
  image: PortalImage
  /** The `sizes` attribute: how wide the image is shown at each breakpoint. */
  sizes: string
  className?: string
  priority?: boolean
}

/**
 * An <img> with WebP renditions in `srcset`, lazy unless it is the page's main image; the main
 * image shows its blurred placeholder until it has loaded (weak connections see shapes at once).
 */
export function ResponsiveImage({ image, sizes, className, priority = false }: Props) {
  const srcSet = image.sources.map((source) => `${source.url} ${source.width}w`).join(', ')
  return (
    // eslint-disable-next-line @next/next/no-img-element -- sizes are prebuilt by Payload
    <img
      src={image.src}
      srcSet={srcSet || undefined}
      sizes={srcSet ? sizes : undefined}
      width={image.width}
      height={image.height}
      alt={image.alt}
      className={className}
      style={
        priority && image.placeholder
          ? { backgroundImage: `url(${image.placeholder})`, backgroundSize: 'cover' }
          : undefined
      }
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
    />
  )
}
