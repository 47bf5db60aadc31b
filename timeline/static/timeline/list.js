/* The plain list under the chart, rebuilt from the same answer the chart draws
   (the server renders the first one with the same markup: templates/timeline/home_rest.html). */
(function (gt) {
  "use strict";

  const { formatDay } = gt.text;
  const { addDays, toMs } = gt.state;

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
  // (Through gt.state's toMs: Date.UTC would read the years 1-99 as 1901-1999.)
  function htmlDatetime(start, end) {
    if (start === end) return start;
    const first = new Date(toMs(start));
    const days = Math.round((toMs(end) - first.getTime()) / 86400000);
    if (first.getUTCDay() === 1 && days === 6) return isoWeek(first);
    const monthEnd = new Date(first);
    monthEnd.setUTCMonth(first.getUTCMonth() + 1, 0); // day 0 of the next: this one's last
    if (start.slice(8) === "01" && end === monthEnd.toISOString().slice(0, 10)) {
      return start.slice(0, 7);
    }
    if (start.slice(5) === "01-01" && end === `${start.slice(0, 4)}-12-31`) return start.slice(0, 4);
    return start;
  }

  function isoWeek(monday) {
    const thursday = new Date(monday.getTime() + 3 * 86400000);
    const year = thursday.toISOString().slice(0, 4);
    const week = 1 + Math.floor((thursday - toMs(year + "-01-01")) / 86400000 / 7);
    return `${year}-W${String(week).padStart(2, "0")}`;
  }

  function item(answer, i, config, selected) {
    const ev = answer.events;
    const classes = ["event-item"];
    if (ev.id[i] === selected) classes.push("selected");
    if (ev.retracted[i]) classes.push("retracted");
    const li = element("li", { class: classes.join(" "), "data-event-id": String(ev.id[i]) });
    if (ev.id[i] === selected) li.setAttribute("aria-current", "true");
    const datetime = htmlDatetime(ev.start[i], addDays(ev.start[i], ev.days[i]));
    li.append(element("time", { datetime }, ev.date[i]), " ");
    const url = config.eventUrl.replace("123456789", ev.id[i]);
    li.append(element("a", { href: url }, ev.title[i]));
    if (ev.retracted[i]) li.append(" ", element("strong", { class: "tag" }, "retracted"));
    else if (ev.planned[i]) li.append(" ", element("strong", { class: "tag planned" }, "planned"));
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
