/* From a /api/timeline/ answer to a Plotly figure: lanes per actor, events as
   markers (with bars spanning uncertain dates, lines joining participants) or,
   when the window holds too many, counts per lane and bucket as sized dots. */
(function (gt) {
  "use strict";

  const { escapeHtml, wrapEscaped, shorten, formatDay } = gt.text;
  const { addDays } = gt.state;
  // Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
  const COLOURS = ["#009E73", "#0072B2", "#E69F00", "#D55E00", "#8C8C8C"];
  const QUAD_OFFSETS = [-0.34, -0.17, 0, 0.17, 0.34];
  const SPAN_OFFSET = 0.22; // whiskers sit just under their lane
  const DAY_MS = 86400000;

  function midpoint(startIso, endIso) {
    const a = Date.parse(startIso + "T00:00:00Z");
    const b = Date.parse(addDays(endIso, 1) + "T00:00:00Z");
    return new Date((a + b) / 2).toISOString().slice(0, 19).replace("T", " ");
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
    return lines.join("<br>");
  }

  function emptyQuadTraces(answer, kind) {
    return answer.quads.map((quad, q) => ({
      markers: { x: [], y: [], customdata: [], hovertext: [], symbols: [], sizes: [] },
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
      const symbol = ev.retracted[i] ? "x" : uncertain ? "diamond" : "circle";
      for (const y of lanes) {
        g.markers.x.push(mid); g.markers.y.push(y); g.markers.customdata.push(i);
        g.markers.hovertext.push(hover); g.markers.symbols.push(symbol);
        // Many events share their bounds (a month, a year): one whisker each is enough.
        const spanKey = `${ev.start[i]}|${ev.days[i]}|${y}`;
        if (ev.days[i] > 0 && !g.spanKeys.has(spanKey)) {
          g.spanKeys.add(spanKey);
          const after = addDays(end, 1), low = y + SPAN_OFFSET;
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

  function eventTraces(answer, hidden, selected) {
    const { groups, picked } = collectEvents(answer, selected);
    const traces = [];
    for (const g of groups) {
      if (!g.markers.x.length && g.quad.key === "") continue;
      const visible = hidden.has(g.quad.key) ? "legendonly" : true;
      const colour = COLOURS[g.q];
      const common = { legendgroup: g.quad.key, visible, showlegend: false, hoverinfo: "skip" };
      // WebGL (scattergl): thousands of markers redraw in tens of milliseconds, where
      // SVG took half a second per zoom step. Whiskers under the lane span the
      // earliest to the latest day the event can be.
      traces.push(Object.assign({ type: "scattergl", mode: "lines", x: g.spans.x, y: g.spans.y,
        line: { color: fade(colour, 0.6), width: 2 }, meta: { kind: "span" } }, common));
      traces.push(Object.assign({ type: "scattergl", mode: "lines", x: g.joins.x, y: g.joins.y,
        line: { color: colour, width: 1.5, dash: "dot" }, meta: { kind: "join" } }, common));
      traces.push({
        type: "scattergl", mode: "markers", name: escapeHtml(g.quad.label), showlegend: false,
        legendgroup: g.quad.key, visible, x: g.markers.x, y: g.markers.y,
        customdata: g.markers.customdata, hovertext: g.markers.hovertext, hoverinfo: "text",
        marker: { color: colour, size: 11, symbol: g.markers.symbols, line: { color: "#fff", width: 1 } },
        meta: { kind: "event", quad: g.quad.key },
      });
    }
    traces.push(...legendTraces(answer, hidden, groups.filter((g) => g.markers.x.length || g.quad.key !== "").map((g) => g.q)));
    if (picked.x.length) {
      traces.push({ type: "scattergl", mode: "markers", x: picked.x, y: picked.y, showlegend: false,
        hoverinfo: "skip", marker: { size: 22, color: "rgba(0,0,0,0)", line: { color: "#111", width: 2.5 } },
        meta: { kind: "selected" } });
    }
    return traces;
  }

  function bucketLabel(unit, startIso) {
    const [y, m] = startIso.split("-").map(Number);
    if (unit === "year") return String(y);
    if (unit === "quarter") return `Q${Math.floor((m - 1) / 3) + 1} ${y}`;
    if (unit === "month") return formatDay(startIso).split(" ").slice(1).join(" ");
    if (unit === "week") return "week of " + formatDay(startIso);
    return formatDay(startIso);
  }

  /* Density as squares, one row per quad class in each lane, darker for more events
     (square root of the count, relative to the busiest actor lane; "All events" is
     scaled on its own). WebGL, like the events: switching between the two modes as
     the reader zooms keeps the same kind of traces, so the redraw stays cheap. */
  function densityTraces(answer, hidden, width, height) {
    const d = answer.density;
    const nBuckets = d.edges.length - 1;
    const maxOf = [1, 1]; // [all-events lane, actor lanes]
    for (let i = 0; i < d.count.length; i++) {
      const k = answer.lanes[d.lane[i]].id === 0 ? 0 : 1;
      maxOf[k] = Math.max(maxOf[k], d.count[i]);
    }
    const cell = Math.max(3, Math.min((width - 180) / nBuckets, (height / answer.lanes.length) * 0.17));
    const mids = d.edges.slice(0, -1).map((e, b) => midpoint(e, addDays(d.edges[b + 1], -1)));
    // Hover strings are shared, not built per cell: escaped once per lane and bucket.
    const laneNames = answer.lanes.map((lane) => escapeHtml(shorten(lane.label, 50)));
    const bucketNames = d.edges.slice(0, -1).map((e) => escapeHtml(bucketLabel(d.unit, e)));
    const groups = answer.quads.map(() => ({ x: [], y: [], level: [], info: [] }));
    for (let i = 0; i < d.count.length; i++) {
      const b = d.bucket[i], q = d.quad[i], n = d.count[i], lane = d.lane[i];
      const g = groups[q];
      g.x.push(mids[b]);
      g.y.push(lane + QUAD_OFFSETS[q]);
      g.level.push(Math.sqrt(n / maxOf[answer.lanes[lane].id === 0 ? 0 : 1]));
      g.info.push([b, laneNames[lane], bucketNames[b], n]);
    }
    const present = [];
    const traces = [];
    groups.forEach((g, q) => {
      const quad = answer.quads[q];
      if (quad.key === "" && !g.x.length) return;
      present.push(q);
      const label = escapeHtml(quad.label.toLowerCase());
      traces.push({ type: "scattergl", mode: "markers", showlegend: false, legendgroup: quad.key,
        visible: hidden.has(quad.key) ? "legendonly" : true, x: g.x, y: g.y, customdata: g.info,
        hovertemplate: `<b>%{customdata[1]}</b><br>%{customdata[2]}: %{customdata[3]:,} ` +
          `event(s) (${label})<br><i>Click to zoom in</i><extra></extra>`,
        // Numbers and a colour scale, not a colour string per cell: far faster to draw.
        marker: { symbol: "square", size: cell, color: g.level, cmin: 0, cmax: 1,
          colorscale: [[0, fade(COLOURS[q], 0.15)], [1, COLOURS[q]]], line: { width: 0 } },
        meta: { kind: "density", quad: quad.key } });
    });
    return traces.concat(legendTraces(answer, hidden, present));
  }

  function fade(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha.toFixed(2)})`;
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
    return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
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

  function layout(answer, view, compact, width) {
    const n = answer.lanes.length;
    const narrow = width < 600; // phones: shorter lane labels leave room for the chart
    const labels = answer.lanes.map((lane) => escapeHtml(shorten(lane.label, narrow ? 14 : 26)));
    const deco = groupDecorations(answer);
    return {
      height: compact ? Math.max(220, 22 * n + 120) : Math.max(340, 26 * n + 170),
      margin: { l: 10, r: 10, t: 30, b: 10 },
      showlegend: true,
      legend: { orientation: "h", x: 0, y: 1.02, yanchor: "bottom", font: { size: narrow ? 10 : 12 } },
      hovermode: "closest",
      hoverlabel: { align: "left", bgcolor: "#fff", bordercolor: "#444", font: { color: "#111", size: 12 } },
      dragmode: "zoom",
      xaxis: {
        type: "date", range: [view.start, addDays(view.end, 1)], automargin: true,
        rangeslider: compact ? { visible: false } : {
          visible: true, thickness: 0.07,
          range: [answer.extent.start, addDays(answer.extent.end, 1)],
        },
      },
      yaxis: {
        tickmode: "array", tickvals: answer.lanes.map((_, i) => i), ticktext: labels,
        range: [n - 0.5, -0.5], fixedrange: true, automargin: true, zeroline: false,
        showgrid: true, gridcolor: "#eee",
      },
      shapes: deco.shapes,
      annotations: deco.annotations,
      plot_bgcolor: "#fff",
      paper_bgcolor: "#fff",
    };
  }

  function figure(answer, opts) {
    const hidden = opts.hidden || new Set();
    const width = opts.width || 1000;
    const shape = layout(answer, opts.view, opts.compact, width);
    const data = answer.mode === "density"
      ? densityTraces(answer, hidden, width, shape.height - 170)
      : eventTraces(answer, hidden, opts.selected);
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
  };

  gt.chart = { figure, CONFIG, bucketLabel, DAY_MS };
})((window.geotimeline = window.geotimeline || {}));
