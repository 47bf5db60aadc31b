/* The reader's timeline: wires the chart, the list, the filters and the URL.
   Zoom or pan -> (debounced) one request for the visible window -> redraw. */
(function (gt) {
  "use strict";

  const S = gt.state;
  // A zoom or pan asks for its window at once (the request then runs while Plotly
  // redraws the old data at the new range); the rest of a burst (a mouse wheel sends
  // one event per frame) is coalesced until it has been quiet this long. The
  // fetcher keeps one request in flight and drops stale answers.
  const SETTLE_MS = 40;
  const FORM_KEYS = ["q", "actor", "category", "topic", "group", "start", "end"];

  const config = JSON.parse(document.getElementById("timeline-config").textContent);
  S.setRange(config.range);
  const chartEl = document.getElementById("chart");
  const dataEl = document.getElementById("timeline-data");
  const form = document.getElementById("filters");
  const listBox = document.getElementById("event-list-container");
  const listHeading = document.getElementById("list-heading");
  const statusEl = document.getElementById("chart-status");
  const compact = Boolean(config.fixed);

  let state = compact ? {} : S.fromUrl(location.search);
  let answer = dataEl ? JSON.parse(dataEl.textContent) : null;
  // A page answered 400 has no window to draw; asking the API shows its errors.
  if (answer && !answer.mode) answer = null;
  let view = null; // the days on screen: {start, end}, both included
  let hidden = new Set(); // quad classes switched off in the legend
  let settle = null; // the timer that ends a burst of zooms
  let draws = 0;
  let applying = false; // true while we move the axis ourselves
  let wired = false;
  let glReady = false; // the figure keeps a WebGL context (see warmGl)

  const fetcher = gt.createFetcher(config.api, onAnswer, onError);

  function query() {
    return S.apiQuery(state, config.fixed);
  }

  function selectedId() {
    return state.event ? Number(state.event) : null;
  }

  function draw() {
    return paint(true);
  }

  /* Draws the current answer. `counted` draws are what the reader asked for: they
     are numbered (data-draws, performance marks) and wire the chart's events. */
  function paint(counted) {
    if (!answer || !window.Plotly) return Promise.resolve();
    view = state.start && state.end ? { start: state.start, end: state.end } : answer.window;
    const fig = gt.chart.figure(answer, {
      hidden, view, compact, selected: selectedId(), width: chartEl.clientWidth, keepGl: glReady,
    });
    if (fig.data.some((t) => t.type === "scattergl")) glReady = true;
    applying = true;
    return Plotly.react(chartEl, fig.data, fig.layout, gt.chart.CONFIG).then(() => {
      applying = false;
      if (glReady) chartEl.dataset.gl = "ready";
      if (!counted) return;
      draws += 1;
      chartEl.dataset.state = "drawn";
      chartEl.dataset.mode = answer.mode;
      chartEl.dataset.window = `${answer.window.start}..${answer.window.end}`;
      chartEl.dataset.draws = String(draws);
      chartEl.dataset.requests = String(fetcher.requests());
      performance.mark("timeline-drawn-" + draws);
      describe();
      if (!wired) {
        wire();
        whenIdle(warmGl);
      }
    });
  }

  /* The first chart is drawn without WebGL (a heatmap or SVG markers), since creating
     a context takes a third of a second on a machine without a GPU. Once the page is
     idle the context is created, so that zooming into many events later is quick. */
  function warmGl() {
    if (glReady || !gt.chart.webgl()) return;
    glReady = true;
    paint(false);
  }

  function whenIdle(callback) {
    if ("requestIdleCallback" in window) window.requestIdleCallback(callback, { timeout: 1000 });
    else setTimeout(callback, 200);
  }

  function describe() {
    if (!statusEl) return;
    statusEl.textContent = answer.mode === "density"
      ? `Showing how many events fall in each ${answer.density.unit} (more than ${answer.threshold} in view).`
      : `Showing ${answer.total} event${answer.total === 1 ? "" : "s"}.`;
  }

  function filtered() {
    return ["q", "actor", "category", "topic"].some((k) => state[k]);
  }

  function onAnswer(body) {
    answer = body;
    draw();
    if (!compact && listBox) {
      gt.list.render(listBox, listHeading, answer, config, { selected: selectedId(), filtered: filtered() });
    }
  }

  function onError(body) {
    const messages = Object.entries(body || {}).map(([k, v]) => `${k}: ${[].concat(v).join(" ")}`);
    if (statusEl) statusEl.textContent = "Could not load this view. " + messages.join("; ");
    chartEl.dataset.state = "error";
  }

  /* `settled`: a form, reset or history move, asked once. Otherwise a zoom or pan:
     the first of a burst is sent at once, the last when the burst has settled; only
     then does the view go into the browser's history. */
  function request(settled) {
    const burst = settle !== null;
    clearTimeout(settle);
    settle = null;
    if (settled) {
      fetcher.now(query());
      return;
    }
    if (!burst) fetcher.now(query());
    settle = setTimeout(() => {
      settle = null;
      if (!compact) S.push(state);
      syncForm();
      fetcher.now(query());
    }, SETTLE_MS);
  }

  function onRelayout(event) {
    if (applying) return;
    if (event["xaxis.autorange"]) {
      state.start = state.end = "";
      request(false);
      return;
    }
    const moved = ["xaxis.range", "xaxis.range[0]", "xaxis.range[1]"].some((k) => k in event);
    if (!moved) return;
    if (plotlyGaveUp()) {
      // A burst of wheel turns took the axis past 9999 (Plotly adds turns up before
      // onWheel can see their sum) and Plotly reset it to the year 2000: the reader
      // was zooming out, so show everything.
      Plotly.relayout(chartEl, {
        "xaxis.range": [config.range.first, S.dayEnd(config.range.last)],
      });
      return;
    }
    // The axis as it now is: an event may carry one end only (the modebar's zoom out
    // leaves out an end it cannot write, past 9999).
    const from = S.toMs(chartEl.layout.xaxis.range[0]), to = S.toMs(chartEl.layout.xaxis.range[1]);
    if (Number.isNaN(from) || Number.isNaN(to)) return;
    // isoDay keeps the window in the supported range: zoomed out past year 1 or 9999,
    // the page asks for the range's ends and the next draw brings the axis back to them.
    const start = S.isoDay(from);
    let end = S.isoDay(to - 1);
    if (end < start) end = start;
    if (start === state.start && end === state.end) {
      const past = from < S.toMs(config.range.first) || to > S.toMs(S.dayEnd(config.range.last));
      if (past) paint(false); // nothing new to ask for: just bring the axis back
      return;
    }
    state.start = start;
    state.end = end;
    request(false);
  }

  /* Plotly's own fallback for a date range it cannot draw (Axes.cleanRange). */
  function plotlyGaveUp() {
    const [a, b] = chartEl.layout.xaxis.range.map(String);
    return a === "2000-01-01" && b === "2001-01-01";
  }

  /* Plotly draws dates up to 9999-12-31 only: a wheel turn that would zoom out past it
     resets the axis to the year 2000. So a turn that would leave the supported range
     (Plotly's zoom, computed as Plotly does) zooms out to its ends instead. */
  function onWheel(event) {
    const drag = chartEl.querySelector(".nsewdrag");
    if (event.deltaY <= 0 || !drag || !chartEl.layout) return; // zooming in
    const box = drag.getBoundingClientRect();
    const [a, b] = chartEl.layout.xaxis.range.map(S.toMs);
    const pivot = a + ((b - a) * (event.clientX - box.left)) / box.width;
    const factor = Math.exp(Math.min(event.deltaY, 20) / 200);
    const from = pivot + (a - pivot) * factor, to = pivot + (b - pivot) * factor;
    if (from >= S.toMs(config.range.first) && to <= S.toMs(S.dayEnd(config.range.last))) return;
    event.preventDefault();
    event.stopPropagation(); // before Plotly's own handler, on an element inside the chart
    Plotly.relayout(chartEl, { "xaxis.range": [S.isoDay(from), S.dayEnd(S.isoDay(to))] });
  }

  function onClick(event) {
    const point = event.points && event.points[0];
    if (!point || !point.data.meta) return;
    if (point.data.meta.kind === "event") {
      const i = point.customdata;
      const url = config.eventUrl.replace("123456789", answer.events.id[i]);
      if (!compact) {
        state.event = String(answer.events.id[i]);
        S.replace(state); // back from the event page returns to this view, selection kept
      }
      window.location.assign(url);
    } else if (point.data.meta.kind === "density") {
      const edges = gt.chart.edgeTimes(answer.density);
      const b = point.pointNumber[1]; // heatmap points are [row, column]; a column is a bucket
      Plotly.relayout(chartEl, { "xaxis.range": [edges[b], edges[b + 1]] });
    }
  }

  function onLegendClick(event) {
    const key = event.data[event.curveNumber].legendgroup;
    if (hidden.has(key)) hidden.delete(key);
    else hidden.add(key);
    draw();
    return false;
  }

  function onLegendDoubleClick(event) {
    const key = event.data[event.curveNumber].legendgroup;
    const others = answer.quads.map((q) => q.key).filter((k) => k !== key);
    const isolated = others.every((k) => hidden.has(k)) && !hidden.has(key);
    hidden = isolated ? new Set() : new Set(others);
    draw();
    return false;
  }

  function syncForm() {
    if (!form) return;
    for (const key of FORM_KEYS) {
      const field = form.elements.namedItem(key);
      if (!field) continue;
      if (key === "start" || key === "end") field.value = state[key] || (answer ? answer.window[key] : "");
      else field.value = state[key] || "";
    }
  }

  function onSubmit(event) {
    event.preventDefault();
    for (const key of FORM_KEYS) {
      const field = form.elements.namedItem(key);
      state[key] = field ? field.value.trim() : "";
    }
    state.event = "";
    S.push(state);
    request(true);
  }

  function onReset(event) {
    event.preventDefault();
    state = S.fromUrl("");
    S.push(state);
    syncForm();
    request(true);
  }

  function onPopState() {
    state = S.fromUrl(location.search);
    syncForm();
    request(true);
  }

  function wire() {
    wired = true;
    chartEl.on("plotly_relayout", onRelayout);
    chartEl.addEventListener("wheel", onWheel, { capture: true, passive: false });
    chartEl.on("plotly_click", onClick);
    chartEl.on("plotly_legendclick", onLegendClick);
    chartEl.on("plotly_legenddoubleclick", onLegendDoubleClick);
  }

  function start() {
    performance.mark("timeline-start"); // plotly.js and our scripts have run
    if (!window.Plotly) {
      onError({ chart: ["plotly.js did not load."] });
      return;
    }
    if (answer) fetcher.shown(query());
    else fetcher.now(query());
    draw();
    if (compact) return;
    S.replace(state);
    if (form) form.addEventListener("submit", onSubmit);
    const reset = document.getElementById("reset-view");
    if (reset) reset.addEventListener("click", onReset);
    window.addEventListener("popstate", onPopState);
  }

  gt.timeline = { state: () => state, answer: () => answer, fetcher };
  start();
})((window.geotimeline = window.geotimeline || {}));
