/* From a /api/timeline/ answer to a Plotly figure: lanes per actor, events as
   markers (with bars spanning uncertain dates, lines joining participants) or,
   when the window holds too many, counts per lane and bucket as a heatmap. */
(function (gt) {
  "use strict";

  const { escapeHtml, wrapEscaped, shorten, formatDay } = gt.text;
  const { addDays, dayEnd, toMs } = gt.state;
  // Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
  const COLOURS = ["#009E73", "#0072B2", "#E69F00", "#D55E00", "#8C8C8C"];
  const QUAD_OFFSETS = [-0.34, -0.17, 0, 0.17, 0.34];
  const ROW_HALF = 0.085; // half the height of a quad class's density row
  // Up to this many markers SVG draws at once; above it, WebGL redraws far faster
  // but its context costs a third of a second to create where there is no GPU.
  const SVG_MAX_MARKERS = 600;
  const SPAN_OFFSET = 0.22; // whiskers sit just under their lane
  const DAY_MS = 86400000;
  // An announced event is drawn hollow: it is not known to have happened.
  const PLANNED = "Planned: announced, not known to have happened";

  function midpoint(startIso, endIso) {
    const middle = (toMs(startIso) + toMs(dayEnd(endIso))) / 2;
    return new Date(middle).toISOString().slice(0, 19).replace("T", " ");
  }

  /* The density's bucket edges as axis values. The last edge is the day after the last
     bucket, except at the end of the supported range, where the server gives the last
     day itself (the day after does not exist): that bucket ends with the range. A week,
     month or year never ends the day before it; a day bucket then repeats its edge. */
  function edgeTimes(density) {
    const edges = density.edges.slice();
    const n = edges.length - 1, last = edges[n];
    if (last === gt.state.range().last && (density.unit !== "day" || edges[n - 1] === last)) {
      edges[n] = dayEnd(last);
    }
    return edges;
  }

  function lanePositions(answer) {
    const pos = new Map();
    answer.lanes.forEach((lane, i) => pos.set(lane.id, i));
    return pos;
  }

  function eventHover(answer, i) {
    const ev = answer.events;
    const roles = answer.roles;
    const actors = ev.actors[i]
      .map((ref) => {
        const words = ref[2] ? ", “" + ref[2] + "”" : "";
        return `${answer.actors.name[ref[0]]} (${roles[ref[1]].label.toLowerCase()}${words})`;
      })
      .join(", ");
    const lines = [`<b>${wrapEscaped(ev.title[i], 60)}</b>`];
    lines.push(escapeHtml(ev.date[i] + (ev.place[i] ? " · " + ev.place[i] : "")));
    if (actors) lines.push(wrapEscaped(actors, 70));
    if (ev.quote[i]) lines.push(`<i>${wrapEscaped("“" + ev.quote[i] + "”", 70)}</i>`);
    const s = ev.source[i];
    if (s >= 0) {
      const src = answer.sources;
      const name = src.publisher[s] || src.title[s] || src.url[s];
      const when = src.published[s] ? ", " + formatDay(src.published[s]) : "";
      lines.push(escapeHtml("— " + shorten(name, 60) + when));
    }
    if (ev.retracted[i]) lines.push("<b>Retracted</b>");
    else if (ev.planned[i]) lines.push(`<b>${escapeHtml(PLANNED)}</b>`);
    return lines.join("<br>");
  }

  function emptyQuadTraces(answer, kind) {
    return answer.quads.map((quad, q) => ({
      markers: { x: [], y: [], customdata: [], hovertext: [], symbols: [], widths: [] },
      spans: { x: [], y: [] },
      spanKeys: new Set(),
      joins: { x: [], y: [] },
      quad,
      q,
      kind,
    }));
  }

  function collectEvents(answer, selected) {
    const ev = answer.events;
    const pos = lanePositions(answer);
    const groups = emptyQuadTraces(answer, "event");
    const picked = { x: [], y: [] };
    for (let i = 0; i < ev.id.length; i++) {
      const g = groups[ev.quad[i]];
      const end = addDays(ev.start[i], ev.days[i]);
      const mid = midpoint(ev.start[i], end);
      const lanes = [0];
      for (const ref of ev.actors[i]) {
        const p = pos.get(answer.actors.id[ref[0]]);
        if (p !== undefined && !lanes.includes(p)) lanes.push(p);
      }
      const hover = eventHover(answer, i);
      const uncertain = ev.days[i] > 0 || ev.date[i].startsWith("c. ");
      const planned = ev.planned[i] && !ev.retracted[i];
      const shape = ev.retracted[i] ? "x" : uncertain ? "diamond" : "circle";
      // Open symbols are stroked in the marker's colour: a thicker line keeps them visible.
      const symbol = planned ? shape + "-open" : shape;
      const width = planned ? 2.5 : 1;
      for (const y of lanes) {
        g.markers.x.push(mid); g.markers.y.push(y); g.markers.customdata.push(i);
        g.markers.hovertext.push(hover); g.markers.symbols.push(symbol); g.markers.widths.push(width);
        // Many events share their bounds (a month, a year): one whisker each is enough.
        const spanKey = `${ev.start[i]}|${ev.days[i]}|${y}`;
        if (ev.days[i] > 0 && !g.spanKeys.has(spanKey)) {
          g.spanKeys.add(spanKey);
          const after = dayEnd(end), low = y + SPAN_OFFSET;
          g.spans.x.push(ev.start[i], after, null, ev.start[i], ev.start[i], null, after, after, null);
          g.spans.y.push(low, low, null, low - 0.07, low + 0.07, null, low - 0.07, low + 0.07, null);
        }
        if (ev.id[i] === selected) { picked.x.push(mid); picked.y.push(y); }
      }
      const actorLanes = lanes.slice(1);
      if (actorLanes.length > 1) {
        g.joins.x.push(mid, mid, null);
        g.joins.y.push(Math.min(...actorLanes), Math.max(...actorLanes), null);
      }
    }
    return { groups, picked };
  }

  /* Whether this browser can give WebGL contexts (some have it switched off): without
     it, Plotly shows an error instead of WebGL traces, so SVG draws everything. */
  let webglState = null;
  function webgl() {
    if (webglState === null) {
      const probe = document.createElement("canvas");
      probe.width = probe.height = 1;
      let context = null;
      try { context = probe.getContext("webgl"); } catch (error) { context = null; }
      webglState = Boolean(context);
      const loss = context && context.getExtension("WEBGL_lose_context");
      if (loss) loss.loseContext(); // give the probe's context back at once
    }
    return webglState;
  }

  function eventTraces(answer, hidden, selected) {
    const { groups, picked } = collectEvents(answer, selected);
    const markers = groups.reduce((sum, g) => sum + g.markers.x.length, 0);
    const type = markers > SVG_MAX_MARKERS && webgl() ? "scattergl" : "scatter";
    const traces = [];
    for (const g of groups) {
      if (!g.markers.x.length && g.quad.key === "") continue;
      const visible = hidden.has(g.quad.key) ? "legendonly" : true;
      const colour = COLOURS[g.q];
      const common = { legendgroup: g.quad.key, visible, showlegend: false, hoverinfo: "skip" };
      // Whiskers under the lane span the earliest to the latest day the event can be.
      traces.push(Object.assign({ type, mode: "lines", x: g.spans.x, y: g.spans.y,
        line: { color: fade(colour, 0.6), width: 2 }, meta: { kind: "span" } }, common));
      traces.push(Object.assign({ type, mode: "lines", x: g.joins.x, y: g.joins.y,
        line: { color: colour, width: 1.5, dash: "dot" }, meta: { kind: "join" } }, common));
      traces.push({
        type, mode: "markers", name: escapeHtml(g.quad.label), showlegend: false,
        legendgroup: g.quad.key, visible, x: g.markers.x, y: g.markers.y,
        customdata: g.markers.customdata, hovertext: g.markers.hovertext, hoverinfo: "text",
        marker: { color: colour, size: 11, symbol: g.markers.symbols,
          line: { color: "#fff", width: g.markers.widths } },
        meta: { kind: "event", quad: g.quad.key },
      });
    }
    traces.push(...legendTraces(answer, hidden, groups.filter((g) => g.markers.x.length || g.quad.key !== "").map((g) => g.q)));
    if (picked.x.length) {
      traces.push({ type, mode: "markers", x: picked.x, y: picked.y, showlegend: false,
        hoverinfo: "skip", marker: { size: 22, color: "rgba(0,0,0,0)", line: { color: "#111", width: 2.5 } },
        meta: { kind: "selected" } });
    }
    return traces;
  }

  function bucketLabel(unit, startIso) {
    const [y, m] = startIso.split("-"); // the year in four digits, as the server writes it
    if (unit === "year") return y;
    if (unit === "quarter") return `Q${Math.floor((Number(m) - 1) / 3) + 1} ${y}`;
    if (unit === "month") return formatDay(startIso).split(" ").slice(1).join(" ");
    if (unit === "week") return "week of " + formatDay(startIso);
    return formatDay(startIso);
  }

  /* Density as one heatmap: in each lane, a thin row per quad class and a brick per
     time bucket, darker for more events (square root of the count, relative to the
     busiest actor lane; "All events" is scaled on its own). A brick's value is its
     class plus its level, and the colour scale has one segment per class, so one
     trace paints every class. Heatmaps are painted on a 2D canvas: no WebGL context
     to create, which costs a third of a second where there is no GPU. */
  function densityTraces(answer, hidden) {
    const d = answer.density;
    const nBuckets = d.edges.length - 1;
    const nLanes = answer.lanes.length;
    const nQuads = answer.quads.length;
    const maxOf = [1, 1]; // [all-events lane, actor lanes]
    for (let i = 0; i < d.count.length; i++) {
      const k = answer.lanes[d.lane[i]].id === 0 ? 0 : 1;
      maxOf[k] = Math.max(maxOf[k], d.count[i]);
    }
    // Rows: per lane, one per quad class and then a gap to the next lane (shared, empty).
    const gap = new Array(nBuckets).fill(null);
    const z = [], text = [], y = [];
    for (let lane = 0; lane < nLanes; lane++) {
      for (let q = 0; q < nQuads; q++) {
        z.push(new Array(nBuckets).fill(null));
        text.push(new Array(nBuckets).fill(""));
        y.push(lane + QUAD_OFFSETS[q] - ROW_HALF);
      }
      y.push(lane + QUAD_OFFSETS[nQuads - 1] + ROW_HALF);
      if (lane < nLanes - 1) { z.push(gap); text.push(gap); }
    }
    const rowsPerLane = nQuads + 1;
    // Hover text is built from parts escaped once per lane, bucket and class.
    const laneNames = answer.lanes.map((lane) => escapeHtml(shorten(lane.label, 50)));
    const bucketNames = d.edges.slice(0, -1).map((e) => escapeHtml(bucketLabel(d.unit, e)));
    const quadNames = answer.quads.map((quad) => escapeHtml(quad.label.toLowerCase()));
    const present = new Set();
    for (let i = 0; i < d.count.length; i++) {
      const q = d.quad[i], lane = d.lane[i], b = d.bucket[i], n = d.count[i];
      present.add(q);
      if (hidden.has(answer.quads[q].key)) continue;
      const level = Math.sqrt(n / maxOf[answer.lanes[lane].id === 0 ? 0 : 1]);
      const row = lane * rowsPerLane + q;
      z[row][b] = q + 0.999 * level;
      text[row][b] = `<b>${laneNames[lane]}</b><br>${bucketNames[b]}: ${thousands(n)} ` +
        `event${n === 1 ? "" : "s"} (${quadNames[q]})<br><i>Click to zoom in</i>`;
    }
    const colorscale = [];
    for (let q = 0; q < nQuads; q++) {
      colorscale.push([q / nQuads, fade(COLOURS[q], 0.15)], [(q + 0.999) / nQuads, COLOURS[q]]);
    }
    colorscale.push([1, COLOURS[nQuads - 1]]);
    // Every named class has a legend entry; the uncategorised one only when present.
    const shown = answer.quads.map((_, q) => q).filter((q) => answer.quads[q].key !== "" || present.has(q));
    return [{ type: "heatmap", x: edgeTimes(d), y, z, text, zmin: 0, zmax: nQuads, colorscale,
      showscale: false, xgap: 1, hoverongaps: false, hovertemplate: "%{text}<extra></extra>",
      showlegend: false, meta: { kind: "density" } }].concat(legendTraces(answer, hidden, shown));
  }

  /* 12345 -> "12,345" (toLocaleString is slow enough to matter for thousands of bricks). */
  function thousands(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /* One legend entry per quad class, the same in both modes: an empty trace stands in
     for the markers, whiskers and joins (or the heatmap) of its class. */
  function legendTraces(answer, hidden, quads) {
    return quads.map((q) => {
      const quad = answer.quads[q];
      return { type: "scatter", mode: "markers", x: [null], y: [null], name: escapeHtml(quad.label),
        legendgroup: quad.key, visible: hidden.has(quad.key) ? "legendonly" : true,
        marker: { color: COLOURS[q], size: 10, symbol: "square" }, hoverinfo: "skip",
        meta: { kind: "legend", quad: quad.key } };
    });
  }

  function fade(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha.toFixed(2)})`;
  }

  function groupDecorations(answer) {
    const shapes = [];
    const annotations = [];
    if (!answer.group) return { shapes, annotations };
    let previous = null;
    answer.lanes.forEach((lane, i) => {
      if (lane.id === 0 || lane.group === previous) return;
      previous = lane.group;
      shapes.push({ type: "line", xref: "paper", x0: 0, x1: 1, y0: i - 0.5, y1: i - 0.5,
        line: { color: "#bbb", width: 1 } });
      annotations.push({ xref: "paper", x: 0.005, y: i - 0.5, yanchor: "top", xanchor: "left",
        text: escapeHtml(lane.group), showarrow: false, font: { size: 10, color: "#555" } });
    });
    return { shapes, annotations };
  }

  /* Margins are computed here, not by Plotly's automargin: on a first draw every
     margin pusher (lane labels, legend, range slider) makes Plotly draw the whole
     chart a second time, and a new set of lanes would do it again on a zoom. */
  const FONT = '"Open Sans", verdana, arial, sans-serif'; // Plotly's default
  const SLIDER_THICKNESS = 0.07; // of the plot area's height
  let measurer = null;

  function textWidth(text, size) {
    if (!measurer) measurer = document.createElement("canvas").getContext("2d");
    measurer.font = `${size}px ${FONT}`;
    return measurer.measureText(text).width;
  }

  /* Rows of Plotly's horizontal legend: entries are laid out left to right and wrap. */
  function legendRows(labels, size, room) {
    let rows = 1, used = 0;
    for (const label of labels) {
      const w = 40 + textWidth(label, size); // symbol, gaps and text
      if (used > 0 && used + w > room) { rows += 1; used = 0; }
      used += w;
    }
    return rows;
  }

  function margins(labels, legend, legendSize, height, compact, width) {
    const l = 14 + Math.ceil(Math.max(0, ...labels.map((t) => textWidth(t, 12))));
    const room = width - l - 10;
    const t = 12 + legendRows(legend, legendSize, room) * 29; // a legend row is ~29 px high
    // Tick labels take ~30 px; the slider is a fixed share of the plot area's height,
    // which is what the bottom margin leaves: b = ticks + share * (height - t - b).
    const b = compact ? 30 : Math.ceil((52 + SLIDER_THICKNESS * (height - t)) / (1 + SLIDER_THICKNESS));
    return { l, r: 10, t, b, autoexpand: false };
  }

  /* `legend`: the labels of the legend entries the figure's traces hold. */
  function layout(answer, view, compact, width, legend) {
    const n = answer.lanes.length;
    const narrow = width < 600; // phones: shorter lane labels leave room for the chart
    const plain = answer.lanes.map((lane) => shorten(lane.label, narrow ? 14 : 26));
    const legendSize = narrow ? 10 : 12;
    const height = compact ? Math.max(220, 22 * n + 120) : Math.max(340, 26 * n + 170);
    const deco = groupDecorations(answer);
    return {
      height,
      margin: margins(plain, legend, legendSize, height, compact, width),
      showlegend: true,
      legend: { orientation: "h", x: 0, y: 1, yanchor: "bottom", font: { size: legendSize } },
      hovermode: "closest",
      hoverlabel: { align: "left", bgcolor: "#fff", bordercolor: "#444", font: { color: "#111", size: 12 } },
      dragmode: "zoom",
      xaxis: {
        type: "date", range: [view.start, dayEnd(view.end)],
        // Zooming or panning stops at the ends of the supported range: past 9999 Plotly
        // would reset the axis to the year 2000.
        minallowed: gt.state.range().first, maxallowed: dayEnd(gt.state.range().last),
        rangeslider: compact ? { visible: false } : {
          visible: true, thickness: SLIDER_THICKNESS,
          range: [answer.extent.start, dayEnd(answer.extent.end)],
        },
      },
      yaxis: {
        tickmode: "array", tickvals: answer.lanes.map((_, i) => i), ticktext: plain.map(escapeHtml),
        range: [n - 0.5, -0.5], fixedrange: true, zeroline: false,
        showgrid: true, gridcolor: "#eee",
      },
      shapes: deco.shapes,
      annotations: deco.annotations,
      plot_bgcolor: "#fff",
      paper_bgcolor: "#fff",
    };
  }

  /* A WebGL trace that draws nothing (its points have no y). Kept in the figure once
     the chart is idle, so that the context and the marker and line shaders exist
     before a zoom needs them, and are not torn down while the chart shows a
     heatmap or SVG markers. */
  function glKeeper(view) {
    return { type: "scattergl", mode: "lines+markers", x: [view.start, view.end], y: [null, null],
      showlegend: false, hoverinfo: "skip", meta: { kind: "gl-keeper" } };
  }

  /* opts: view {start, end}, hidden quad keys, selected event id, compact, width (px),
     keepGl (add the glKeeper). */
  function figure(answer, opts) {
    const hidden = opts.hidden || new Set();
    const data = answer.mode === "density"
      ? densityTraces(answer, hidden)
      : eventTraces(answer, hidden, opts.selected);
    const legend = answer.quads
      .filter((quad) => data.some((t) => t.meta.kind === "legend" && t.legendgroup === quad.key))
      .map((quad) => quad.label);
    const shape = layout(answer, opts.view, opts.compact, opts.width || 1000, legend);
    if (opts.keepGl && webgl() && !data.some((t) => t.type === "scattergl")) data.push(glKeeper(opts.view));
    return { data, layout: shape };
  }

  const CONFIG = {
    responsive: true,
    displaylogo: false,
    scrollZoom: true,
    doubleClick: "reset",
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines",
      "hoverClosestCartesian", "hoverCompareCartesian"],
    toImageButtonOptions: { format: "png", filename: "geotimeline", scale: 2 },
    // WebGL at the screen's pixel density: Plotly's default of 2 draws four times the
    // pixels on an ordinary screen, which is slow to fill where there is no GPU.
    plotGlPixelRatio: Math.max(1, Math.min(2, window.devicePixelRatio || 1)),
  };

  gt.chart = { figure, CONFIG, bucketLabel, edgeTimes, webgl, DAY_MS };
})((window.geotimeline = window.geotimeline || {}));
