/* The view lives in the URL: window, filters and the selected event.
   Reload or share the URL and the same view appears; back and forward work. */
(function (gt) {
  "use strict";

  const KEYS = ["start", "end", "q", "actor", "category", "topic", "group", "status", "event"];
  const DAY = /^\d{4}-\d{2}-\d{2}$/;

  function fromUrl(search) {
    const params = new URLSearchParams(search);
    const state = {};
    for (const key of KEYS) state[key] = params.get(key) || "";
    return state;
  }

  function toQuery(state, keys) {
    const params = new URLSearchParams();
    for (const key of keys || KEYS) {
      if (state[key]) params.set(key, state[key]);
    }
    return params.toString();
  }

  /* The parameters /api/timeline/ takes (the selection is not one of them). */
  function apiQuery(state, fixed) {
    const merged = Object.assign({}, state, fixed || {});
    return toQuery(merged, KEYS.filter((k) => k !== "event"));
  }

  function same(a, b) {
    return KEYS.every((key) => (a[key] || "") === (b[key] || ""));
  }

  function push(state) {
    const query = toQuery(state);
    history.pushState(state, "", query ? "?" + query : location.pathname);
  }

  function replace(state) {
    const query = toQuery(state);
    history.replaceState(state, "", query ? "?" + query : location.pathname);
  }

  /* An ISO day (YYYY-MM-DD) from whatever Plotly gives for an axis end. */
  function isoDay(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const text = String(value);
    if (DAY.test(text.slice(0, 10))) return text.slice(0, 10);
    return new Date(value).toISOString().slice(0, 10);
  }

  function addDays(iso, days) {
    const d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  }

  gt.state = { KEYS, fromUrl, toQuery, apiQuery, same, push, replace, isoDay, addDays };
})((window.geotimeline = window.geotimeline || {}));
