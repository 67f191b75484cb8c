/* global window, document, fetch, URL, URLSearchParams, localStorage */
/*! Practice Hub · 点单 and 我的点单 · our own code, no dependencies.
 *
 * Sends the order form (/orders) to the app's API named in `data-order-api`, shows the server's
 * Chinese error beside each field, and on success the order number and the private tracking link
 * (remembered on this phone). Draws the tracking page (/orders/track#<token>) and its rating form.
 * The same file serves the live portal and the static copy; the token never leaves the #fragment
 * except in a request body. Text from the server is only ever set as textContent. ES5 on purpose.
 */
;(function () {
  'use strict'
  var script = document.currentScript
  // The site's root (a static copy may live under a path): this file sits there.
  var siteBase = script ? new URL('./', script.src).pathname.replace(/\/$/, '') : ''
  var SAVED = 'practice-hub:orders'
  var LABELS = {
    lecturer: '点名的宣讲员',
    name: '联系人',
    phone: '手机号码',
    org: '所在村（社区）',
    resource: '预约的资源',
    subject: '想听的内容',
    preferredDates: '希望日期',
    audienceType: '听众',
    audienceSize: '大约人数',
    note: '备注',
    score: '评分',
    comment: '评价内容',
  }

  function apiBase(root) {
    var api = (root.getAttribute('data-order-api') || '').replace(/\/+$/, '')
    return !api || api === window.location.origin ? '' : api
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    }).then(
      function (response) {
        return response
          .json()
          .catch(function () {
            return {}
          })
          .then(function (json) {
            if (response.ok) return { ok: true, data: json }
            var error = (json.errors && json.errors[0]) || {
              message: '提交失败（' + response.status + '），请稍后再试',
            }
            return { ok: false, status: response.status, error: error }
          })
      },
      function () {
        return { ok: false, status: 0, error: { message: '网络连接失败，请检查网络后再试' } }
      },
    )
  }

  function el(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined && text !== null) node.textContent = String(text)
    return node
  }

  function saved() {
    try {
      var list = JSON.parse(localStorage.getItem(SAVED) || '[]')
      return Array.isArray(list)
        ? list.filter(function (item) {
            return item && item.token && item.number
          })
        : []
    } catch (_e) {
      return []
    }
  }

  function remember(order) {
    try {
      var list = [order].concat(
        saved().filter(function (item) {
          return item.token !== order.token
        }),
      )
      localStorage.setItem(SAVED, JSON.stringify(list.slice(0, 20)))
    } catch (_e) {
      // Private mode or storage full: the link is still on screen.
    }
  }

  /** `YYYY-MM-DD`, `days` after today in Beijing time. */
  function dayInChina(days) {
    var date = new Date(Date.now() + days * 86400000)
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date)
    } catch (_e) {
      return date.toISOString().slice(0, 10)
    }
  }

  function formatDay(day) {
    var parts = String(day).split('-')
    return Number(parts[0]) + '年' + Number(parts[1]) + '月' + Number(parts[2]) + '日'
  }

  function formatDateTime(iso) {
    var date = new Date(iso)
    try {
      return new Intl.DateTimeFormat('zh-CN', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(date)
    } catch (_e) {
      return date.toISOString()
    }
  }

  /**
   * A published document's title or name from the public API (never from the address): the text;
   * null when no such document is published; undefined when the API could not answer (no signal,
   * a busy server), after a second try a second later.
   */
  function publicName(base, collection, slug, field, retried) {
    var url =
      base +
      '/api/' +
      collection +
      '?where[slug][equals]=' +
      encodeURIComponent(slug) +
      '&limit=1&depth=0&select[' +
      field +
      ']=true'
    return fetch(url, { credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status))
        return response.json()
      })
      .then(function (json) {
        var doc = json && json.docs && json.docs[0]
        return doc && typeof doc[field] === 'string' ? doc[field] : null
      })
      .catch(function () {
        if (retried) return undefined
        return new Promise(function (resolve) {
          window.setTimeout(resolve, 1000)
        }).then(function () {
          return publicName(base, collection, slug, field, true)
        })
      })
  }

  /** Said instead of a name the API could not give: the server checks the choice when it is sent. */
  var UNREAD = '（暂时读不到名称，提交时会核对）'

  /** Shows the server's per-field errors beside the fields and sums them up at the top. */
  function showErrors(form, summary, fields) {
    var names = Object.keys(fields)
    var lines = form.querySelectorAll('[data-error-for]')
    for (var i = 0; i < lines.length; i++) {
      var name = lines[i].getAttribute('data-error-for')
      lines[i].textContent = fields[name] || ''
      lines[i].hidden = !fields[name]
    }
    var controls = form.querySelectorAll('[name]')
    for (var j = 0; j < controls.length; j++) {
      if (fields[controls[j].name]) controls[j].setAttribute('aria-invalid', 'true')
      else controls[j].removeAttribute('aria-invalid')
    }
    summary.textContent = ''
    if (names.length === 0) {
      summary.hidden = true
      return
    }
    summary.appendChild(el('p', '', '提交没有成功，请修改下面 ' + names.length + ' 处：'))
    var list = el('ul')
    names.forEach(function (field) {
      list.appendChild(el('li', '', (LABELS[field] ? LABELS[field] + '：' : '') + fields[field]))
    })
    summary.appendChild(list)
    summary.hidden = false
    summary.focus()
  }

  function orderForm(root) {
    var base = apiBase(root)
    var form = root.querySelector('form')
    var summary = root.querySelector('[data-order-summary]')
    var submit = root.querySelector('[data-order-submit]')
    var labels = {}
    try {
      labels = JSON.parse(root.getAttribute('data-kind-labels') || '{}')
    } catch (_e) {
      labels = {}
    }
    var params = new URLSearchParams(window.location.search)
    var resource = null
    var lecturer = null
    var key = params.get('resource')
    var resourceLine = root.querySelector('[data-order-resource]')
    if (key && /^(scripts|videos|cases)\/[a-z0-9-]{1,120}$/.test(key)) {
      resource = { key: key, title: null }
      var parts = key.split('/')
      publicName(base, parts[0], parts[1], 'title').then(function (title) {
        // Not published (any more): the order is in the resident's own words.
        if (title === null) {
          resource = null
          return
        }
        // Unanswered: the order keeps the resource the resident chose; the server checks it.
        if (title) resource.title = title
        resourceLine.textContent = '预约：'
        resourceLine.appendChild(el('span', 'kind-label', labels[parts[0]] || ''))
        resourceLine.appendChild(document.createTextNode(title || UNREAD))
        resourceLine.hidden = false
        root.querySelector('[data-subject-label]').textContent = '还想补充的内容（可不填）'
      })
    }
    var asked = params.get('lecturer')
    var lecturerLine = root.querySelector('[data-order-lecturer]')
    if (asked && /^[a-z0-9-]{1,120}$/.test(asked)) {
      publicName(base, 'lecturers', asked, 'displayName').then(function (name) {
        if (name === null) return
        lecturer = asked
        lecturerLine.textContent = '点名请：' + (name || UNREAD)
        lecturerLine.hidden = false
      })
    }
    var dates = form.querySelectorAll('input[type="date"]')
    for (var i = 0; i < dates.length; i++) {
      dates[i].min = dayInChina(1)
      dates[i].max = dayInChina(180)
    }
    submit.disabled = false

    form.addEventListener('submit', function (event) {
      event.preventDefault()
      var data = new window.FormData(form)
      var body = {
        name: data.get('name'),
        phone: data.get('phone'),
        org: data.get('org') || '',
        resource: resource ? resource.key : '',
        lecturer: lecturer || '',
        subject: data.get('subject') || '',
        preferredDates: data.getAll('preferredDates').filter(Boolean),
        audienceType: data.get('audienceType') || '',
        audienceSize: data.get('audienceSize'),
        note: data.get('note'),
        website: data.get('website'),
      }
      submit.disabled = true
      submit.textContent = '正在提交…'
      post(base + '/api/orders/submit', body).then(function (result) {
        submit.disabled = false
        submit.textContent = '提交点单'
        if (!result.ok) {
          var fields = (result.error.data && result.error.data.fields) || {}
          if (Object.keys(fields).length === 0) fields = { form: result.error.message }
          showErrors(form, summary, fields)
          return
        }
        var placed = result.data
        remember({
          number: placed.number,
          token: placed.token,
          title: resource && resource.title ? resource.title : String(body.subject || ''),
          at: new Date().toISOString(),
        })
        var link = root.querySelector('[data-order-link]')
        var trackUrl = window.location.origin + siteBase + placed.trackingPath
        link.href = siteBase + placed.trackingPath
        link.textContent = trackUrl
        root.querySelector('[data-order-number]').textContent = placed.number
        form.hidden = true
        root.querySelector('[data-order-done]').hidden = false
        window.scrollTo(0, 0)
      })
    })
  }

  var STEPS = [
    ['pending', '点单'],
    ['dispatched', '派单'],
    ['accepted', '接单'],
    ['completed', '宣讲'],
    ['rated', '评价'],
  ]

  function fact(list, term, value, testId) {
    list.appendChild(el('dt', '', term))
    var dd = el('dd')
    if (typeof value === 'string') dd.textContent = value
    else dd.appendChild(value)
    if (testId) dd.setAttribute('data-testid', testId)
    list.appendChild(dd)
  }

  function drawOrder(root, base, token, view) {
    root.textContent = ''
    var box = el('section', 'order-track')
    box.setAttribute('data-testid', 'order-track')
    box.setAttribute('aria-live', 'polite')
    var number = el('p', 'order-number', '订单号 ')
    number.appendChild(el('strong', '', view.number))
    box.appendChild(number)
    var status = el('p', 'order-status', view.statusLabel)
    status.setAttribute('data-testid', 'order-status')
    box.appendChild(status)
    if (view.status !== 'cancelled') {
      var reached = -1
      STEPS.forEach(function (step, index) {
        if (step[0] === view.status) reached = index
      })
      var steps = el('ol', 'order-steps')
      steps.setAttribute('aria-label', '进度')
      STEPS.forEach(function (step, index) {
        var item = el('li', index <= reached ? 'is-done' : '', step[1])
        if (index === reached) item.setAttribute('aria-current', 'step')
        steps.appendChild(item)
      })
      box.appendChild(steps)
    }
    var facts = el('dl', 'order-facts')
    var what = el('span')
    if (view.resource) {
      var link = el('a', '', view.resource.kindLabel + '：' + view.resource.title)
      link.href = siteBase + view.resource.url
      what.appendChild(link)
    }
    if (view.subject) what.appendChild(el('span', 'order-subject', view.subject))
    fact(facts, '内容', what)
    fact(
      facts,
      '听众',
      view.audience + (view.audienceSize ? '，约 ' + view.audienceSize + ' 人' : ''),
    )
    fact(facts, '希望日期', (view.preferredDates || []).map(formatDay).join('、'))
    if (view.lecturer) fact(facts, view.lecturer.kind, view.lecturer.name, 'order-lecturer')
    if (view.scheduledAt) fact(facts, '时间', formatDateTime(view.scheduledAt))
    if (view.place) fact(facts, '地点', view.place)
    if (view.rating) fact(facts, '你的评价', view.rating + ' 分', 'order-rating')
    box.appendChild(facts)
    if (view.canRate) box.appendChild(rateForm(root, base, token))
    box.appendChild(el('h2', '', '进度记录'))
    var timeline = el('ol', 'order-timeline')
    ;(view.timeline || []).forEach(function (entry) {
      var item = el('li')
      var time = el('time', '', formatDateTime(entry.at))
      time.setAttribute('datetime', entry.at)
      item.appendChild(time)
      item.appendChild(document.createTextNode(' ' + entry.label))
      timeline.appendChild(item)
    })
    box.appendChild(timeline)
    root.appendChild(box)
  }

  function rateForm(root, base, token) {
    var form = el('form', 'order-rate')
    form.noValidate = true
    form.setAttribute('data-testid', 'rate-form')
    var set = el('fieldset')
    set.appendChild(el('legend', '', '这堂课讲得怎么样？'))
    var row = el('div', 'score-row')
    for (var score = 1; score <= 5; score++) {
      var label = el('label', 'score-choice')
      var input = el('input')
      input.type = 'radio'
      input.name = 'score'
      input.value = String(score)
      label.appendChild(input)
      label.appendChild(el('span', '', score + ' 分'))
      row.appendChild(label)
    }
    set.appendChild(row)
    var scoreError = el('p', 'field-error')
    scoreError.hidden = true
    set.appendChild(scoreError)
    var commentLabel = el('label', '', '说几句（可不填，审核后公开）')
    commentLabel.htmlFor = 'order-comment'
    set.appendChild(commentLabel)
    var comment = el('textarea')
    comment.id = 'order-comment'
    comment.name = 'comment'
    comment.rows = 3
    comment.maxLength = 300
    set.appendChild(comment)
    var commentError = el('p', 'field-error')
    commentError.hidden = true
    commentError.setAttribute('role', 'alert')
    set.appendChild(commentError)
    form.appendChild(set)
    var button = el('button', 'tool-button', '提交评价')
    button.type = 'submit'
    form.appendChild(button)
    form.addEventListener('submit', function (event) {
      event.preventDefault()
      var chosen = form.querySelector('input[name="score"]:checked')
      button.disabled = true
      post(base + '/api/orders/rate', {
        token: token,
        score: chosen ? chosen.value : '',
        comment: comment.value,
      }).then(function (result) {
        button.disabled = false
        if (result.ok) {
          drawOrder(root, base, token, result.data)
          return
        }
        var fields = (result.error.data && result.error.data.fields) || {}
        scoreError.textContent = fields.score || ''
        scoreError.hidden = !fields.score
        commentError.textContent = fields.comment || (fields.score ? '' : result.error.message)
        commentError.hidden = !commentError.textContent
      })
    })
    return form
  }

  function drawSaved(root) {
    root.textContent = ''
    var section = el('section', 'order-saved')
    section.appendChild(el('h2', '', '这台手机上的点单'))
    var list = saved()
    if (list.length === 0) {
      section.appendChild(
        el('p', 'empty', '还没有在这台手机上点过单。点单成功后会给你一个查询链接。'),
      )
    } else {
      var items = el('ul', 'order-saved-list')
      list.forEach(function (item) {
        var li = el('li')
        var link = el('a')
        link.href = '#' + item.token
        link.appendChild(el('strong', '', item.number))
        link.appendChild(document.createTextNode(' ' + (item.title || '')))
        li.appendChild(link)
        items.appendChild(li)
      })
      section.appendChild(items)
    }
    root.appendChild(section)
  }

  function trackPage(root) {
    var base = apiBase(root)
    function load() {
      var token = window.location.hash.slice(1)
      if (!token) {
        drawSaved(root)
        return
      }
      root.textContent = ''
      root.appendChild(el('p', '', '正在查询…'))
      post(base + '/api/orders/track', { token: token }).then(function (result) {
        if (result.ok) {
          drawOrder(root, base, token, result.data)
          return
        }
        root.textContent = ''
        var error = el('p', 'form-summary', result.error.message)
        error.setAttribute('role', 'alert')
        root.appendChild(error)
      })
    }
    window.addEventListener('hashchange', load)
    load()
  }

  var formRoot = document.querySelector('[data-order-form]')
  if (formRoot) orderForm(formRoot)
  var trackRoot = document.querySelector('[data-order-track]')
  if (trackRoot) trackPage(trackRoot)
})()
