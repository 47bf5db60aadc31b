/* The view lives in the URL: window, filters and the selected event.
   Reload or share the URL and the same view appears; back and forward work. */
(function (gt) {
  "use strict";

  const KEYS = ["start", "end", "q", "actor", "category", "topic", "group", "status", "event"];
  const DAY_MS = 86400000;
  // A date or date-time as Plotly writes axis values; zoomed out past year 1 they have a
  // sign ("-0500-03-01 12:00"), so Date.parse, which wants "-000500", cannot read them.
  const STAMP = /^(-?)(\d{1,6})-(\d\d)-(\d\d)(?:[ T](\d\d)(?::(\d\d)(?::(\d\d(?:\.\d*)?))?)?)?$/;
  // The supported range of days, {first, last}, from the page's config (setRange).
  let range = null;

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

  function setRange(supported) {
    range = supported;
  }

  function getRange() {
    return range;
  }

  /* Milliseconds since 1970 of a Plotly axis value (a number, a Date, "2026-02-13",
     "2026-02-13 10:30:00.5", "-0500-01-01"), in UTC; NaN for anything else. */
  function toMs(value) {
    if (typeof value === "number") return value;
    if (value instanceof Date) return value.getTime();
    const text = String(value).trim();
    const m = STAMP.exec(text);
    if (!m) return Date.parse(text); // with a zone: "2026-02-13T10:00:00Z"
    const t = new Date(0);
    // setUTCFullYear takes any year as it is (Date.UTC reads 0-99 as 1900-1999).
    t.setUTCFullYear((m[1] ? -1 : 1) * Number(m[2]), Number(m[3]) - 1, Number(m[4]));
    t.setUTCHours(Number(m[5] || 0), Number(m[6] || 0), 0, 0);
    return t.getTime() + Math.round(Number(m[7] || 0) * 1000);
  }

  /* The ISO day (YYYY-MM-DD) holding an instant, brought into the supported range:
     a reader zoomed out past its ends asks for its first or last day. */
  function isoDay(ms) {
    const first = toMs(range.first), last = toMs(range.last);
    return new Date(Math.min(Math.max(ms, first), last)).toISOString().slice(0, 10);
  }

  /* The day `days` after (or before) `iso`, stopping at the ends of the range. */
  function addDays(iso, days) {
    return isoDay(toMs(iso) + days * DAY_MS);
  }

  /* Where day `iso` ends on a date axis: the next midnight, or for the last day of the
     range (whose next midnight, in year 10000, neither Plotly nor the API takes) its
     last millisecond. */
  function dayEnd(iso) {
    return iso >= range.last ? iso + " 23:59:59.999" : addDays(iso, 1);
  }

  gt.state = {
    KEYS, fromUrl, toQuery, apiQuery, same, push, replace, setRange, range: getRange, toMs, isoDay,
    addDays, dayEnd,
  };
})((window.geotimeline = window.geotimeline || {}));
