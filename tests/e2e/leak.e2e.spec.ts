import { expect, test, type APIRequestContext } from '@playwright/test'

import { DEMO_PASSWORD } from '../../src/seed/content/county'
import { RESOURCE_KINDS } from '../../src/lib/kinds'
import { paragraphsToLexical } from '../../src/lib/lexicalDocument'

/** Signs in through the REST API and returns the JWT for an Authorization header. */
async function token(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/users/login', {
    data: { email, password: DEMO_PASSWORD },
  })
  expect(response.ok()).toBe(true)
  return (await response.json()).token
}

test.describe('a draft never leaks to anonymous visitors', () => {
  test.skip(({ isMobile }) => isMobile, 'one run is enough for API-level checks')

  test('on pages, lists, REST, GraphQL and version history', async ({
    request,
    playwright,
    baseURL,
  }) => {
    const marker = `LEAK${Date.now().toString(36)}`
    // Created by the county reviewer in 文昌社区, outside the orgs the admin-scope test counts. Its
    // own account: Payload keeps sessions on the user document, and a login to the same account
    // at the same moment in another test can drop this one.
    const editor = await token(request, 'reviewer@lanchuan.example')
    const orgs = await request.get('/api/orgs?where[slug][equals]=wenchang', {
      headers: { Authorization: `JWT ${editor}` },
    })
    const orgId = (await orgs.json()).docs[0].id
    const created = await request.post('/api/scripts?draft=true', {
      headers: { Authorization: `JWT ${editor}` },
      data: {
        title: `泄露测试${marker}`,
        slug: marker.toLowerCase(),
        summary: `摘要${marker}`,
        org: orgId,
        format: 'weixuanjiang',
        durationMinutes: 5,
        reviewState: 'submitted',
        _status: 'draft',
        body: paragraphsToLexical([`正文${marker}`]),
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const id = (await created.json()).doc.id

    // A fresh context: no cookies, no token.
    const anonymous = await playwright.request.newContext({ baseURL })
    const bodies: [string, string][] = []
    for (const path of [
      '/',
      ...RESOURCE_KINDS.map((kind) => `/${kind}`),
      `/scripts/${marker.toLowerCase()}`,
      `/api/scripts?where[title][contains]=${marker}`,
      `/api/scripts?draft=true&where[title][contains]=${marker}`,
      `/api/scripts/${id}?draft=true`,
      `/api/scripts/versions?where[version.title][contains]=${marker}`,
    ]) {
      const response = await anonymous.get(path)
      expect(response.status(), path).toBeLessThan(500)
      bodies.push([path, await response.text()])
    }
    const graphql = await anonymous.post('/api/graphql', {
      data: {
        query: `{ Scripts(draft: true, where: { title: { contains: "${marker}" } }) { docs { title } } }`,
      },
    })
    bodies.push(['/api/graphql', await graphql.text()])
    for (const [path, body] of bodies) expect(body, path).not.toContain(marker)
    expect((await anonymous.get(`/scripts/${marker.toLowerCase()}`)).status()).toBe(404)

    // Staff with the right scope do see it.
    const own = await request.get(`/api/scripts/${id}?draft=true`, {
      headers: { Authorization: `JWT ${editor}` },
    })
    expect(await own.text()).toContain(marker)
    await anonymous.dispose()
  })
})

test.describe('a resident’s order never reaches a public surface', () => {
  const PROFILE = 'shimen-baixing-mingzui'
  test.skip(({ isMobile }) => isMobile, 'one run is enough for API-level checks')

  test('not the phone, the name or the note: on pages, feeds, sitemap, search, REST, GraphQL, widgets', async ({
    request,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(90_000)
    const marker = `ORD${Date.now().toString(36).toUpperCase()}`
    const phone = `136${String(Date.now()).slice(-8)}`
    const name = '钱秋菊'
    const note = `备注${marker}`
    const anonymous = await playwright.request.newContext({ baseURL })
    const orgs = await anonymous.get('/api/orgs?where[slug][equals]=xinghua')
    const village = (await orgs.json()).docs[0].id
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + 9 * 86_400_000),
    )
    const placed = await anonymous.post('/api/orders/submit', {
      data: {
        name,
        phone,
        org: village,
        resource: 'scripts/caili-qing-qingfen-zhong',
        preferredDates: [day],
        audienceType: 'elderly',
        audienceSize: 30,
        note,
      },
    })
    expect(placed.status(), await placed.text()).toBe(201)
    const { token: trackingToken, number } = await placed.json()

    // The county's dispatcher dispatches it, the team's lecturer accepts and gives it (accounts of
    // their own: Payload keeps sessions on the user document, and two logins to one account at
    // the same moment can drop one); the resident rates it, the dispatcher approves the comment.
    const staff = { Authorization: `JWT ${await token(request, 'orders@lanchuan.example')}` }
    const lecturer = {
      Authorization: `JWT ${await token(request, 'shimen.lecturer@lanchuan.example')}`,
    }
    const found = await request.get(`/api/orders?where[number][equals]=${number}`, {
      headers: staff,
    })
    const order = (await found.json()).docs[0]
    expect(order.phone).toBe(phone)
    const profiles = await anonymous.get(`/api/lecturers?where[slug][equals]=${PROFILE}`)
    const profile = (await profiles.json()).docs[0].id
    const steps = [
      {
        headers: staff,
        data: {
          status: 'dispatched',
          assignee: profile,
          place: '杏花村文化礼堂',
          scheduledAt: `${day}T06:00:00.000Z`,
        },
      },
      { headers: lecturer, data: { status: 'accepted' } },
      { headers: lecturer, data: { status: 'completed' } },
    ]
    for (const step of steps) {
      const response = await request.patch(`/api/orders/${order.id}`, step)
      expect(response.status(), await response.text()).toBe(200)
    }
    const comment = `名嘴们讲得明白${marker}`
    const rated = await anonymous.post('/api/orders/rate', {
      data: { token: trackingToken, score: 5, comment },
    })
    expect(rated.status(), await rated.text()).toBe(200)
    const approved = await request.patch(`/api/orders/${order.id}`, {
      headers: staff,
      data: { commentReview: 'approved' },
    })
    expect(approved.status()).toBe(200)

    const secrets = [phone, `${phone.slice(0, 3)}****${phone.slice(7)}`, name, note, trackingToken]
    const surfaces = [
      '/',
      '/lecturers',
      `/lecturers/${PROFILE}`,
      '/scripts/caili-qing-qingfen-zhong',
      '/orders',
      '/orders/track',
      '/sitemap.xml',
      '/feeds/rss.xml',
      '/feeds/feed.json',
      '/api/search/documents',
      '/api/orders',
      `/api/orders/${order.id}`,
      `/api/orders?where[phone][equals]=${phone}`,
      '/api/lecturers?depth=2',
      '/api/scripts?where[slug][equals]=caili-qing-qingfen-zhong&depth=2',
      '/embed/scripts/caili-qing-qingfen-zhong',
      '/oembed?url=/scripts/caili-qing-qingfen-zhong',
    ]
    for (const path of surfaces) {
      const body = await (await anonymous.get(path)).text()
      for (const secret of secrets) expect(body, `${path} shows ${secret}`).not.toContain(secret)
    }
    // Search finds nothing of the order (its page and answer repeat the query itself).
    for (const query of [name, note, phone]) {
      const found = await anonymous.get(`/api/search?q=${encodeURIComponent(query)}`)
      const result = await found.json()
      expect(result.total, query).toBe(0)
      expect(JSON.stringify(result.hits)).not.toContain(query)
    }
    // Search finds nothing of the order (its page and answer repeat the query itself).
    for (const query of [name, note, phone]) {
      const found = await anonymous.get(`/api/search?q=${encodeURIComponent(query)}`)
      const result = await found.json()
      expect(result.total, query).toBe(0)
      expect(JSON.stringify(result.hits)).not.toContain(query)
    }
    const graphql = await anonymous.post('/api/graphql', {
      data: { query: '{ Orders { docs { number phone requesterName note } } }' },
    })
    const graphqlText = await graphql.text()
    for (const secret of [...secrets, number]) expect(graphqlText).not.toContain(secret)
    // The approved comment is public on the profile: the page did change after the rating.
    await expect
      .poll(async () =>
        (await (await anonymous.get(`/lecturers/${PROFILE}`)).text()).includes(comment),
      )
      .toBe(true)
  })
})
