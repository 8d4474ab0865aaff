// The console's API client: the researcher token lives in sessionStorage (or arrives once in the URL's
// #token= fragment, which never reaches the server) and goes with every request as a bearer header.
window.Chassis = (() => {
  'use strict';
  const KEY = 'chassis.researcher.token';
  const fromFragment = new URLSearchParams(location.hash.replace(/^#/, '').split('?')[0].replace(/^\//, '')).get('token');
  if (fromFragment) {
    sessionStorage.setItem(KEY, fromFragment);
    history.replaceState(null, '', location.pathname + '#/studies');
  }
  const token = () => sessionStorage.getItem(KEY);

  async function call(method, path, body) {
    const headers = { Authorization: 'Bearer ' + token(), Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.status === 401) { sessionStorage.removeItem(KEY); location.hash = '#/login'; }
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : await res.text();
    if (!res.ok) throw new Error(data && data.message ? data.message : ('HTTP ' + res.status));
    return data;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  }

  function badge(status) { return el('span', { class: 'badge ' + status }, status); }

  function show(id) {
    for (const s of document.querySelectorAll('main > section')) s.hidden = s.id !== id;
    document.getElementById('nav-studies').classList.toggle('active', id.startsWith('stud') || id === 'session');
    document.getElementById('nav-runs').classList.toggle('active', id.startsWith('run'));
  }

  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }

  return {
    token, call, el, badge, show, when,
    signIn(t) { sessionStorage.setItem(KEY, t); },
    signOut() { sessionStorage.removeItem(KEY); },
    get: (p) => call('GET', p), post: (p, b) => call('POST', p, b === undefined ? {} : b)
  };
})();
