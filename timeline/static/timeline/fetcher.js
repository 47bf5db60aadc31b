/* Window requests: one in flight, stale answers dropped.
   While a request runs, newer wishes replace each other; when it returns, an
   answer that is no longer wanted is dropped and the latest wish is sent. */
(function (gt) {
  "use strict";

  function createFetcher(apiUrl, onAnswer, onError) {
    let inFlight = false;
    let wanted = null; // the query string the reader wants now
    let sent = null;
    let count = 0;

    function now(query) {
      wanted = query;
      send();
    }

    async function send() {
      if (inFlight || wanted === null || wanted === sent) return;
      const query = wanted;
      inFlight = true;
      sent = query;
      count += 1;
      try {
        const response = await fetch(apiUrl + "?" + query, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        const body = await response.json();
        if (query !== wanted) return; // stale: the reader has moved on
        if (response.ok) onAnswer(body, query);
        else onError(body, query);
      } catch (error) {
        if (query === wanted) onError({ network: [String(error)] }, query);
        sent = null;
      } finally {
        inFlight = false;
        if (wanted !== sent) send();
      }
    }

    /* The answer currently shown is for `query` (e.g. embedded in the page). */
    function shown(query) {
      wanted = sent = query;
    }

    return { now, shown, requests: () => count };
  }

  gt.createFetcher = createFetcher;
})((window.geotimeline = window.geotimeline || {}));
