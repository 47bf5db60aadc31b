/* Text for Plotly: Plotly renders a subset of HTML in hover text, tick labels
   and legends, so every user-supplied string is escaped before it gets there.
   Plotly decodes &lt; &gt; &amp; &quot; &#39; back to the characters, so the
   reader sees exactly what was written, as text. */
(function (gt) {
  "use strict";

  const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

  function escapeHtml(value) {
    return String(value == null ? "" : value).replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
  }

  /* Wrap plain text at word boundaries, escape each line, join with <br>. */
  function wrapEscaped(value, width) {
    const words = String(value == null ? "" : value).split(/\s+/).filter(Boolean);
    const lines = [];
    let line = "";
    for (const word of words) {
      if (line && line.length + word.length + 1 > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + " " + word : word;
      }
    }
    if (line) lines.push(line);
    return lines.map(escapeHtml).join("<br>");
  }

  function shorten(value, length) {
    const text = String(value == null ? "" : value);
    return text.length <= length ? text : text.slice(0, length - 1).trimEnd() + "…";
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* "13 Feb 2026" for an ISO day, as the server writes a day-precision date (years in
     four digits: "1 Jan 0001"). */
  function formatDay(iso) {
    const [y, m, d] = iso.split("-");
    return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  }

  gt.text = { escapeHtml, wrapEscaped, shorten, formatDay };
})((window.geotimeline = window.geotimeline || {}));
