/* global window, document, navigator, caches, fetch, URL, Response, location */
/*! Practice Hub · 保存到手机 and 我的离线稿件 · our own code, no dependencies.
 *
 * Registers the service worker (sw.js next to this file), wires the 保存到手机 buttons of script,
 * textbook and case pages, lists saved pages on 我的离线稿件, and keeps them current: on every
 * visit with a connection, each saved page is fetched again; a changed page is saved anew, a page
 * that answers 404 or 410 (withdrawn or deleted) is removed from the phone. ES5 on purpose (old
 * WeChat in-app browsers); where caches or service workers are missing, nothing is offered.
 */
;(function () {
  'use strict'
  var script = document.currentScript
  if (!script || !window.caches || !navigator.serviceWorker) return
  var base = new URL('./', script.src)
  var SAVED = 'ph-saved'
  var INDEX = new URL('offline/index.json', base).href

  navigator.serviceWorker.register(new URL('sw.js', base).href, { scope: base.pathname })

  function readIndex(cache) {
    return cache.match(INDEX).then(function (hit) {
      return hit ? hit.json() : []
    })
  }

  function writeIndex(cache, items) {
    return cache.put(
      INDEX,
      new Response(JSON.stringify(items), { headers: { 'Content-Type': 'application/json' } }),
    )
  }

  /** Everything a saved page needs offline: itself, its pictures, styles, scripts and Word file. */
  function resourcesOf(doc, pageUrl) {
    var urls = [pageUrl]
    var add = function (value) {
      if (!value) return
      var url = new URL(value, pageUrl)
      if (url.origin === location.origin && urls.indexOf(url.href) === -1) urls.push(url.href)
    }
    var i
    // Every size of every picture: offline, the browser picks from srcset again.
    var images = doc.querySelectorAll('main img')
    for (i = 0; i < images.length; i++) {
      add(images[i].getAttribute('src'))
      var candidates = (images[i].getAttribute('srcset') || '').split(',')
      for (var j = 0; j < candidates.length; j++) add(candidates[j].trim().split(/\s+/)[0])
    }
    var links = doc.querySelectorAll('link[rel="stylesheet"], script[src]')
    for (i = 0; i < links.length; i++)
      add(links[i].getAttribute('href') || links[i].getAttribute('src'))
    var files = doc.querySelectorAll('[data-offline-file]')
    for (i = 0; i < files.length; i++) add(files[i].getAttribute('href'))
    return urls
  }

  function save(item, urls) {
    return caches.open(SAVED).then(function (cache) {
      return Promise.all(
        urls.map(function (url) {
          return fetch(url, { credentials: 'omit', cache: 'no-cache' }).then(function (response) {
            if (!response.ok) throw new Error(url + ' ' + response.status)
            return cache.put(url, response)
          })
        }),
      )
        .then(function () {
          return readIndex(cache)
        })
        .then(function (items) {
          var rest = items.filter(function (entry) {
            return entry.url !== item.url
          })
          item.files = urls
          rest.unshift(item)
          return writeIndex(cache, rest)
        })
    })
  }

  function remove(url) {
    return caches.open(SAVED).then(function (cache) {
      return readIndex(cache).then(function (items) {
        var keep = []
        var drops = []
        items.forEach(function (entry) {
          if (entry.url === url) drops.push(entry)
          else keep.push(entry)
        })
        var stillUsed = {}
        keep.forEach(function (entry) {
          ;(entry.files || []).forEach(function (file) {
            stillUsed[file] = true
          })
        })
        return Promise.all(
          drops.map(function (entry) {
            return Promise.all(
              (entry.files || [entry.url])
                .filter(function (file) {
                  return !stillUsed[file]
                })
                .map(function (file) {
                  return cache.delete(file)
                }),
            )
          }),
        ).then(function () {
          return writeIndex(cache, keep)
        })
      })
    })
  }

  /** The saved copy of a page, current again: re-saved if it changed, removed if it is gone. */
  function refresh(entry) {
    return fetch(entry.url, { credentials: 'omit', cache: 'no-cache' }).then(function (response) {
      if (response.status === 404 || response.status === 410) return remove(entry.url)
      if (!response.ok) return null
      return response.text().then(function (html) {
        return caches
          .open(SAVED)
          .then(function (cache) {
            return cache.match(entry.url)
          })
          .then(function (old) {
            return old ? old.text() : ''
          })
          .then(function (previous) {
            if (previous === html) return null
            var doc = new window.DOMParser().parseFromString(html, 'text/html')
            var title = doc.querySelector('h1')
            entry.title = title ? title.textContent : entry.title
            entry.savedAt = new Date().toISOString()
            return save(entry, resourcesOf(doc, entry.url))
          })
      })
    })
  }

  /** One saved page after the other: each step rewrites the index, so they must not overlap. */
  function refreshAll() {
    if (navigator.onLine === false) return Promise.resolve()
    return caches
      .open(SAVED)
      .then(readIndex)
      .then(function (items) {
        return items.reduce(function (previous, entry) {
          return previous.then(function () {
            return refresh(entry).catch(function () {})
          })
        }, Promise.resolve())
      })
  }

  function wireSaveButton(slot) {
    var pageUrl = location.href.split('#')[0]
    var label = '保存到手机'
    var button = document.createElement('button')
    button.type = 'button'
    button.className = 'tool-button tool-secondary'
    button.setAttribute('data-offline-save', '')
    button.setAttribute('aria-pressed', 'false')
    button.textContent = label
    slot.textContent = ''
    slot.appendChild(button)
    var show = function (text, saved) {
      button.textContent = text
      button.setAttribute('aria-pressed', saved ? 'true' : 'false')
    }
    caches
      .open(SAVED)
      .then(readIndex)
      .then(function (items) {
        var saved = items.some(function (entry) {
          return entry.url === pageUrl
        })
        if (saved) show('已保存到手机', true)
      })
    button.addEventListener('click', function () {
      if (button.getAttribute('aria-pressed') === 'true') {
        remove(pageUrl).then(function () {
          show(label, false)
        })
        return
      }
      show('正在保存…', false)
      save(
        {
          url: pageUrl,
          title: slot.getAttribute('data-title') || document.title,
          kind: slot.getAttribute('data-kind') || '',
          savedAt: new Date().toISOString(),
        },
        resourcesOf(document, pageUrl),
      ).then(
        function () {
          show('已保存到手机', true)
        },
        function () {
          show('保存失败，请联网后再试', false)
        },
      )
    })
  }

  function renderList(box) {
    caches
      .open(SAVED)
      .then(readIndex)
      .then(function (items) {
        var list = box.querySelector('[data-offline-items]')
        var empty = box.querySelector('[data-offline-empty]')
        list.textContent = ''
        empty.hidden = items.length > 0
        items.forEach(function (entry) {
          var li = document.createElement('li')
          var link = document.createElement('a')
          link.href = entry.url
          link.textContent = entry.title
          var meta = document.createElement('span')
          meta.className = 'offline-meta'
          meta.textContent =
            (entry.kind ? entry.kind + ' · ' : '') + '保存于 ' + entry.savedAt.slice(0, 10)
          var drop = document.createElement('button')
          drop.type = 'button'
          drop.className = 'offline-remove'
          drop.textContent = '删除'
          drop.setAttribute('aria-label', '删除《' + entry.title + '》')
          drop.addEventListener('click', function () {
            remove(entry.url).then(function () {
              renderList(box)
            })
          })
          li.appendChild(link)
          li.appendChild(meta)
          li.appendChild(drop)
          list.appendChild(li)
        })
        box.setAttribute('data-offline-ready', String(items.length))
      })
  }

  var list = document.querySelector('[data-offline-list]')
  var slots = document.querySelectorAll('[data-offline-save-slot]')
  for (var i = 0; i < slots.length; i++) wireSaveButton(slots[i])
  // Saved pages are checked on 我的离线稿件 always, elsewhere at most every ten minutes.
  var last = Number(window.sessionStorage.getItem('ph-offline-checked') || 0)
  var due = list || Date.now() - last > 10 * 60 * 1000
  if (due) window.sessionStorage.setItem('ph-offline-checked', String(Date.now()))
  var done = due ? refreshAll() : Promise.resolve()
  if (list) {
    renderList(list)
    done.then(function () {
      renderList(list)
    })
  }
})()
