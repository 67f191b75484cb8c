import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listLatest, listPublishedSlugs } from '@/data/resources'
import { paragraphsToLexical } from '@/lib/lexicalDocument'

import { context, createOrgTree, scriptData, unique } from '../helpers/fixtures'
import { bootPayload, graphql, restGet, shutdownPayload } from '../helpers/payload'

let payload: Payload
let marker: string
let publishedId: number | string
let draftId: number | string

beforeAll(async () => {
  payload = await bootPayload()
  const { station } = await createOrgTree(payload)
  marker = unique('leak')
  const published = await payload.create({
    collection: 'scripts',
    data: { ...scriptData(station.id, `公开稿${marker}`), _status: 'published' },
    context,
  })
  publishedId = published.id
  // A newer, unpublished revision of a published script: only its published version is public.
  await payload.update({
    collection: 'scripts',
    id: published.id,
    draft: true,
    data: { title: `修改中${marker}`, body: paragraphsToLexical([`草稿正文${marker}`]) as never },
    context,
  })
  const draft = await payload.create({
    collection: 'scripts',
    draft: true,
    data: { ...scriptData(station.id, `草稿${marker}`, [`草稿正文${marker}`]), _status: 'draft' },
    context,
  })
  draftId = draft.id
})

afterAll(() => shutdownPayload(payload))

describe('drafts stay private', () => {
  it('are invisible to anonymous Local API reads', async () => {
    const published = await payload.find({
      collection: 'scripts',
      where: { title: { contains: marker } },
      overrideAccess: false,
    })
    expect(published.docs.map((doc) => doc.title)).toEqual([`公开稿${marker}`])
    // Asking for drafts anonymously must not reveal them (Payload then matches only
    // latest versions that are themselves published).
    const askingForDrafts = await payload.find({
      collection: 'scripts',
      where: { title: { contains: marker } },
      overrideAccess: false,
      draft: true,
    })
    for (const doc of askingForDrafts.docs) expect(doc._status).toBe('published')
    expect(JSON.stringify(askingForDrafts.docs)).not.toContain(`草稿正文${marker}`)
    await expect(
      payload.findByID({ collection: 'scripts', id: draftId, overrideAccess: false }),
    ).rejects.toThrow()
    const byId = await payload.findByID({
      collection: 'scripts',
      id: publishedId,
      overrideAccess: false,
    })
    expect(byId.title).toBe(`公开稿${marker}`)
  })

  it('are visible to signed-in staff', async () => {
    const staff = await payload.create({
      collection: 'users',
      data: {
        email: `${unique('s')}@lanchuan.example`,
        password: 'staff-pass-123',
        name: '编辑',
        role: 'editor',
      },
      context,
    })
    const { docs } = await payload.find({
      collection: 'scripts',
      where: { title: { contains: marker } },
      overrideAccess: false,
      user: staff,
      draft: true,
    })
    expect(docs.map((doc) => doc.title).sort()).toEqual([`修改中${marker}`, `草稿${marker}`].sort())
  })

  it('are invisible to anonymous REST reads, even when asking for drafts', async () => {
    for (const query of [
      `scripts?where[title][contains]=${marker}`,
      `scripts?draft=true&where[title][contains]=${marker}`,
      `scripts/${draftId}`,
      `scripts/${draftId}?draft=true`,
      `scripts/${publishedId}?draft=true`,
    ]) {
      const { status, text } = await restGet(query)
      expect(text, query).not.toContain(`草稿${marker}`)
      expect(text, query).not.toContain(`修改中${marker}`)
      expect(text, query).not.toContain(`草稿正文${marker}`)
      if (query.startsWith(`scripts/${draftId}`)) expect(status).toBeGreaterThanOrEqual(400)
    }
    const list = await restGet(`scripts?where[title][contains]=${marker}`)
    expect(list.status).toBe(200)
    expect(JSON.parse(list.text).docs.map((doc: { title: string }) => doc.title)).toEqual([
      `公开稿${marker}`,
    ])
  })

  it('are invisible to anonymous GraphQL reads', async () => {
    const published = await graphql(
      `{ Scripts(where: { title: { contains: "${marker}" } }) { docs { title } } }`,
    )
    expect(published).toContain(`公开稿${marker}`)
    for (const draft of ['true', 'false']) {
      const text = await graphql(
        `{ Scripts(draft: ${draft}, where: { title: { contains: "${marker}" } }) { docs { title } } }`,
      )
      expect(text).not.toContain(`草稿${marker}`)
      expect(text).not.toContain(`修改中${marker}`)
    }
  })

  it('never reach the portal data layer', async () => {
    const cards = await listLatest('scripts', 100)
    expect(
      cards.some((card) => card.title.includes(marker) && card.title !== `公开稿${marker}`),
    ).toBe(false)
    expect(cards.some((card) => card.title === `公开稿${marker}`)).toBe(true)
    const slugs = await listPublishedSlugs('scripts')
    const draft = await payload.findByID({ collection: 'scripts', id: draftId, draft: true })
    expect(slugs).not.toContain(draft.slug)
  })
})
