/* global self, caches, fetch, URL, Response */
/*! Practice Hub service worker · our own code, no dependencies.
 *
 * - Precaches the shell: the 我的离线稿件 page, the offline script and the icons.
 * - Keeps Next.js's hashed assets (`_next/static/`) once fetched: they never change.
 * - Pages go to the network first; when it fails, a page the reader saved (保存到手机, see
 *   offline.js) comes from the saved cache, anything else falls back to 我的离线稿件.
 * - Never touches the admin, the API, previews or draft mode: those requests pass through
 *   untouched and are never stored. Saved pictures and Word files are stored by the reader's
 *   own action, in the saved cache only.
 * Paths are relative to this file, so the static copy works under any base path.
 */
'use strict'

var VERSION = 'v2'
var SHELL = 'ph-shell-' + VERSION
var ASSETS = 'ph-assets-' + VERSION
var SAVED = 'ph-saved' // the reader's saved pages: kept across versions
var base = new URL('./', self.location.href)
var shellUrls = ['offline/', 'offline.js', 'icons/icon-192.png'].map(function (path) {
  return new URL(path, base).href
})

function privatePath(url) {
  var path = url.pathname.slice(base.pathname.length - 1)
  return /^\/(admin|api|preview|next\/preview)(\/|$)/.test(path) || url.searchParams.has('preview')
}

/** A response without its redirect history (the live portal sends /offline/ on to /offline). */
function clean(response) {
  return response.redirected
    ? response.blob().then(function (body) {
        return new Response(body, { status: response.status, headers: response.headers })
      })
    : response
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) {
      return Promise.all(
        shellUrls.map(function (url) {
          return fetch(url, { credentials: 'omit' })
            .then(function (response) {
              if (!response.ok) throw new Error(url + ' ' + response.status)
              return clean(response)
            })
            .then(function (response) {
              return cache.put(url, response)
            })
        }),
      )
    }),
  )
  self.skipWaiting()
})

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(
          keys
            .filter(function (key) {
              return key !== SHELL && key !== ASSETS && key !== SAVED
            })
            .map(function (key) {
              return caches.delete(key)
            }),
        )
      })
      .then(function () {
        return self.clients.claim()
      }),
  )
})

function fromSaved(request) {
  return caches.open(SAVED).then(function (cache) {
    // ignoreVary: Payload's headers vary every route on a client hint the stored request lacks.
    return cache.match(request, { ignoreVary: true })
  })
}

self.addEventListener('fetch', function (event) {
  var request = event.request
  if (request.method !== 'GET') return
  var url = new URL(request.url)
  if (url.origin !== self.location.origin || !url.pathname.startsWith(base.pathname)) return
  // Draft-mode and preview requests carry the bypass cookie; the browser sends it, we cannot
  // see it, so previews are recognised by path and never cached (they pass through).
  if (privatePath(url)) {
    // A saved picture or Word file under /api/ is served from the saved cache when offline.
    event.respondWith(
      fetch(request).catch(function () {
        return fromSaved(request).then(function (saved) {
          return saved || Response.error()
        })
      }),
    )
    return
  }
  if (url.pathname.indexOf('/_next/static/') !== -1) {
    event.respondWith(
      caches.open(ASSETS).then(function (cache) {
        return cache.match(request, { ignoreVary: true }).then(function (hit) {
          return (
            hit ||
            fetch(request).then(function (response) {
              if (response.ok) cache.put(request, response.clone())
              return response
            })
          )
        })
      }),
    )
    return
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(function () {
        return fromSaved(request).then(function (saved) {
          if (saved) return saved
          return caches.match(new URL('offline/', base).href, { ignoreVary: true })
        })
      }),
    )
    return
  }
  event.respondWith(
    fetch(request).catch(function () {
      return fromSaved(request).then(function (saved) {
        return (
          saved ||
          caches.match(request).then(function (hit) {
            return hit || Response.error()
          })
        )
      })
    }),
  )
})
