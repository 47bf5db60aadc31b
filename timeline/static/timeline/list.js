/* The plain list under the chart, rebuilt from the same answer the chart draws
   (the server renders the first one with the same markup: templates/timeline/home_rest.html). */
(function (gt) {
  "use strict";

  const { formatDay } = gt.text;

  function summary(answer) {
    const span = `${formatDay(answer.window.start)} – ${formatDay(answer.window.end)}`;
    if (answer.mode === "density") {
      return `More than ${answer.threshold.toLocaleString("en")} events, ${span}`;
    }
    const n = answer.total || 0;
    return `${n.toLocaleString("en")} ${n === 1 ? "event" : "events"}, ${span}`;
  }

  function element(tag, attrs, text) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, value);
    if (text !== undefined) el.textContent = text; // text, never HTML
    return el;
  }

  // HTML's <time datetime> for bounds, as events.edtf.html_datetime: a week,
  // month or year stays that unit; other spans give their first day.
  function htmlDatetime(start, end) {
    if (start === end) return start;
    const [y, m, d] = start.split("-").map(Number);
    const first = new Date(Date.UTC(y, m - 1, d));
    const last = new Date(end + "T00:00:00Z");
    const days = Math.round((last - first) / 86400000);
    if (first.getUTCDay() === 1 && days === 6) return isoWeek(first);
    const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (d === 1 && end === monthEnd) return start.slice(0, 7);
    if (start.slice(5) === "01-01" && end === `${y}-12-31`) return String(y);
    return start;
  }

  function isoWeek(monday) {
    const thursday = new Date(monday.getTime() + 3 * 86400000);
    const year = thursday.getUTCFullYear();
    const jan1 = Date.UTC(year, 0, 1);
    const week = 1 + Math.floor((thursday - jan1) / 86400000 / 7);
    return `${year}-W${String(week).padStart(2, "0")}`;
  }

  function item(answer, i, config, selected) {
    const ev = answer.events;
    const classes = ["event-item"];
    if (ev.id[i] === selected) classes.push("selected");
    if (ev.retracted[i]) classes.push("retracted");
    const li = element("li", { class: classes.join(" "), "data-event-id": String(ev.id[i]) });
    if (ev.id[i] === selected) li.setAttribute("aria-current", "true");
    const datetime = htmlDatetime(ev.start[i], gt.state.addDays(ev.start[i], ev.days[i]));
    li.append(element("time", { datetime }, ev.date[i]), " ");
    const url = config.eventUrl.replace("123456789", ev.id[i]);
    li.append(element("a", { href: url }, ev.title[i]));
    if (ev.retracted[i]) li.append(" ", element("strong", { class: "tag" }, "retracted"));
    const actors = ev.actors[i].map(
      (ref) => `${answer.actors.name[ref[0]]} (${answer.roles[ref[1]].label.toLowerCase()})`
    );
    if (actors.length) li.append(" ", element("span", { class: "actors" }, actors.join(", ")));
    const category = ev.category[i];
    if (category) {
      const quad = answer.quads[ev.quad[i]].key || "none";
      li.append(" ", element("span", { class: "category quad-" + quad },
        config.categories[category] || category));
    }
    return li;
  }

  function render(container, heading, answer, config, opts) {
    heading.textContent = summary(answer);
    if (answer.mode === "density") {
      container.replaceChildren(element("p", { class: "too-many", id: "event-list-empty" },
        `More than ${answer.threshold} events fall in this window: the chart shows how many ` +
        "per actor and period. Zoom in or narrow the filters to list them."));
      return;
    }
    if (!answer.events.id.length) {
      const message = opts.filtered
        ? "No published events match these filters in this window."
        : "No published events in this window.";
      container.replaceChildren(element("p", { class: "empty", id: "event-list-empty" }, message));
      return;
    }
    const ol = element("ol", { class: "event-list", id: "event-list" });
    for (let i = 0; i < answer.events.id.length; i++) {
      ol.append(item(answer, i, config, opts.selected));
    }
    container.replaceChildren(ol);
  }

  gt.list = { render, summary };
})((window.geotimeline = window.geotimeline || {}));
