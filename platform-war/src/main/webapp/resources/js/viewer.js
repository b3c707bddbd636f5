/*
 * StreamGate viewer portal: code entry, pre-event countdown and the HLS player.
 * The raw code is dropped once redeemed; only the playback JWT is kept, in memory.
 */
(function () {
  "use strict";

  var REFRESH_BEFORE_EXP_MS = 10 * 60 * 1000;
  var REFRESH_RETRY_MS = 10000;
  var STATUS_POLL_MS = 30000;
  // From the scheduled start on: the platform shares one look at the stream for 2 s, so the player
  // appears within 5 s of the encoder's first segments (and 24 asks a minute stay within the 30).
  var STARTED_POLL_MS = 2500;
  var EXPIRY_WARNING_MS = 15 * 60 * 1000;
  var EXPIRY_GRACE_MS = 60000;
  var CONTROLS_HIDE_MS = 3000;
  var MAX_RECONNECTS = 5;
  var STALL_MS = 3000;
  var CODE_LENGTH = 12;

  // The page's words in its language (ViewerLocale, data-messages); English where one is missing.
  var MESSAGES = {
    empty: "Please enter your access code.",
    length: "Access codes have 12 letters and digits.",
    symbols: "Access codes contain only letters and digits.",
    network: "Could not reach the server. Check your connection and try again.",
    tooMany: "Too many attempts. Please wait a moment and try again.",
    waitAbout: "about {0} s",
    inactive: "Your session has expired due to inactivity. Please re-enter your access code.",
    takenOver: "Your session has been started on another device.",
    shared: "This code was used on more than one device at once.",
    revoked: "Your access has been revoked",
    unavailable: "This event is no longer available",
    ended: "Your access has ended",
    eventEnded: "This event has ended.",
    otherEvent: "This code is for another event. Open it on the viewer portal.",
    checking: "Checking\u2026",
    accepted: "Code accepted",
    watchNow: "Watch Now",
    endsIn15: "Your access ends in 15 minutes.",
    endedGrace: "Your access has ended. Playback stops in one minute.",
    expiresIn: "Access expires in {0}",
    started: "The event has started.",
    connectionLost: "Connection lost. Reconnecting.",
    unreachable: "The stream cannot be reached. Please check your connection and try again.",
    captionsNow: "Captions: {0}",
    qualityNow: "Quality: {0}",
    muted: "Muted",
    unmuted: "Unmuted",
    play: "Play",
    pause: "Pause",
    playing: "Playing",
    paused: "Paused",
    mute: "Mute",
    unmute: "Unmute",
    auto: "Auto",
    captionsOff: "Captions off",
    captionsN: "Captions {0}",
    enterFullscreen: "Enter fullscreen",
    exitFullscreen: "Exit fullscreen",
    seekValue: "{0} of {1}"
  };

  /** A message with {0} (and {1}) filled in. */
  function say(key, value, second) {
    return MESSAGES[key].replace("{0}", value).replace("{1}", second);
  }

  /**
   * What to tell a viewer the API refused: the page's words for the answer's stable code where it
   * has them (another language), else the API's own sentence (the specification's English).
   */
  function refusal(body) {
    var words = body.code && MESSAGES["error." + body.code];
    if (!words) {
      return body.error;
    }
    // An expired code's answer says until when, in the viewer's language and time zone.
    var until = body.accessEndedAt && new Date(body.accessEndedAt);
    return until && !isNaN(until)
      ? words.replace("{until}", new Intl.DateTimeFormat(LANG, { dateStyle: "long", timeStyle: "short" }).format(until))
      : words.replace(" {until}", "").replace("{until}", "");
  }

  // The language switch keeps the address's other parameters (a ticket's ?code=, ?player=).
  Array.prototype.forEach.call(document.querySelectorAll(".languages a[hreflang]"), function (a) {
    var params = new URLSearchParams(location.search);
    params.set("lang", a.getAttribute("hreflang"));
    a.setAttribute("href", "?" + params.toString());
  });

  // Times in the viewer's language and time zone (the page sends UTC, for browsers without script).
  var LANG = document.documentElement.lang || "en";
  Array.prototype.forEach.call(document.querySelectorAll("time.local-time"), function (time) {
    var when = new Date(time.getAttribute("datetime"));
    if (!isNaN(when.getTime()) && window.Intl) {
      time.textContent = new Intl.DateTimeFormat(LANG, { dateStyle: "medium", timeStyle: "short" })
        .format(when);
    }
  });


  var $ = function (id) { return document.getElementById(id); };
  var form = $("entry-form");
  if (!form) {
    return;
  }
  var api = form.getAttribute("data-api");
  try {
    var words = JSON.parse(form.getAttribute("data-messages") || "{}");
    Object.keys(words).forEach(function (key) { MESSAGES[key] = words[key]; });
  } catch (ignored) {
    // English, then.
  }
  var HEARTBEAT_MS = Number(form.getAttribute("data-heartbeat-ms")) || 30000;
  var QUALITY_SPACING_MS = 11000;
  // On an embed page, the one event it plays; elsewhere empty.
  var EMBEDDED_EVENT = form.getAttribute("data-event") || "";
  var video = $("video");
  var state = null;

  // ---------------------------------------------------------------- code entry

  /** Letters and digits of what was typed, upper case: spaces, dashes and case do not matter. */
  function compact(typed) {
    return typed.replace(/[\s-]+/g, "").toUpperCase();
  }

  function grouped(code) {
    return (code.match(/.{1,4}/g) || []).join("-");
  }

  function problemWith(typed) {
    var code = compact(typed);
    if (!code) {
      return MESSAGES.empty;
    }
    if (!/^[A-Z0-9]+$/.test(code)) {
      return MESSAGES.symbols;
    }
    if (code.length !== CODE_LENGTH) {
      return MESSAGES.length;
    }
    return null;
  }

  function showMessage(text, kind) {
    var message = $("code-message");
    message.textContent = text;
    message.className = "message " + (kind || "error");
    message.hidden = !text;
    $("code").setAttribute("aria-invalid", kind === "error" && text ? "true" : "false");
  }

  function setLoading(loading) {
    var button = $("watch");
    button.disabled = loading;
    button.classList.toggle("loading", loading);
    button.classList.remove("accepted");
    button.querySelector(".label").textContent = loading ? MESSAGES.checking : MESSAGES.watchNow;
  }

  // The spinner turns into a checkmark when the code is accepted, and the next screen waits until
  // the checkmark has been seen, or the stream has a picture to show: the player loads meanwhile,
  // so this costs no time to first frame, and nothing plays behind the code entry.
  var ACCEPTED_MS = 450;
  var acceptedUntil = 0;
  var pendingScreen = null;
  var pendingScreenName = null;

  ["loadedmetadata", "timeupdate", "playing"].forEach(function (name) {
    video.addEventListener(name, function () {
      if (pendingScreenName) {
        acceptedUntil = 0;
        show(pendingScreenName);
      }
    });
  });

  function showAccepted() {
    var button = $("watch");
    button.classList.remove("loading");
    button.classList.add("accepted");
    button.disabled = true;
    button.querySelector(".label").textContent = MESSAGES.accepted;
    announce(MESSAGES.accepted);
    acceptedUntil = Date.now() + ACCEPTED_MS;
  }

  $("code").addEventListener("input", function (event) {
    var input = event.target;
    var code = compact(input.value);
    if (/^[A-Z0-9]*$/.test(code) && code.length <= CODE_LENGTH) {
      input.value = grouped(code);
    }
    showMessage("");
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var typed = $("code").value;
    var problem = problemWith(typed);
    if (problem) {
      showMessage(problem, "error");
      $("code").focus();
      return;
    }
    redeem(compact(typed));
  });

  function redeem(code) {
    setLoading(true);
    showMessage("");
    fetch(api + "/tokens/validate", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      // An embed page plays its own event only: the server refuses another's code unclaimed.
      body: JSON.stringify(EMBEDDED_EVENT ? { code: code, eventId: EMBEDDED_EVENT } : { code: code })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        setLoading(false);
        if (response.ok) {
          $("code").value = "";
          showAccepted();
          start(body);
        } else if (body.code === "code-other-event") {
          showMessage(MESSAGES.otherEvent, "error");
        } else if (response.status === 409) {
          showMessage(refusal(body), "info");
        } else if (response.status === 429) {
          var wait = response.headers.get("Retry-After");
          showMessage(MESSAGES.tooMany + (wait ? " (" + say("waitAbout", wait) + ")" : ""), "error");
        } else {
          showMessage(refusal(body) || MESSAGES.network, "error");
        }
      });
    }).catch(function () {
      setLoading(false);
      showMessage(MESSAGES.network, "error");
    });
  }

  // ---------------------------------------------------------------- screens

  function show(screen) {
    clearTimeout(pendingScreen);
    pendingScreenName = null;
    var wait = acceptedUntil - Date.now();
    if (screen !== "entry" && wait > 0) {
      pendingScreenName = screen;
      pendingScreen = setTimeout(function () { show(screen); }, wait);
      return;
    }
    acceptedUntil = 0;
    if (screen !== "entry") {
      setLoading(false);
    }
    ["entry", "pre-event", "player-screen"].forEach(function (id) {
      $(id).hidden = id !== screen;
    });
    if ($("events")) {
      $("events").hidden = screen !== "entry";
    }
    document.body.classList.toggle("watching", screen !== "entry");
  }

  function announce(text) {
    $("announcer").textContent = text;
  }

  function claims(token) {
    var payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload));
  }

  function start(grant) {
    var tokenClaims = claims(grant.playbackToken);
    state = {
      token: grant.playbackToken,
      tokenExp: expiryOf(grant),
      eventId: tokenClaims.eid,
      event: grant.event,
      url: grant.playbackBaseUrl.replace(/\/+$/, "") + grant.streamPath,
      accessEnds: Date.parse(grant.expiresAt),
      timers: [],
      reconnects: 0,
      refreshedAfter403: false,
      ended: false,
      quality: newQuality()
    };
    // A pre-filled code leaves the address bar (and history) once redeemed.
    history.replaceState(null, "", location.pathname + (nativeForced ? "?player=native" : ""));
    schedule(heartbeat, HEARTBEAT_MS, true);
    scheduleRefresh();
    watchAccessWindow();
    window.addEventListener("pagehide", release);
    if (!grant.event.isLive && Date.parse(grant.event.startsAt) > Date.now()) {
      preEvent();
    } else {
      whenStreamIsThere();
    }
  }

  /**
   * The schedule says the event is on, but the encoder may not be up yet (or between restarts):
   * what the stream's playlists say decides between the player and the waiting screen. Without an
   * answer, the player tries (and reconnects if need be).
   */
  function whenStreamIsThere() {
    askStatus().then(function (status) {
      if (!state || state.ended) {
        return;
      }
      if (status && status.status === "not-started") {
        preEvent();
      } else if (status && status.status === "ended") {
        end(MESSAGES.eventEnded);
      } else {
        state.event.isLive = !status || status.status === "live";
        play();
      }
    });
  }

  function askStatus() {
    return authorized("/events/" + encodeURIComponent(state.eventId) + "/status", "GET")
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  function schedule(task, ms, repeat) {
    var id = repeat ? setInterval(task, ms) : setTimeout(task, ms);
    state.timers.push(id);
    return id;
  }

  function stopEverything() {
    if (!state) {
      return;
    }
    state.timers.forEach(function (id) { clearInterval(id); clearTimeout(id); });
    if (state.hls) {
      state.hls.destroy();
    }
    video.pause();
    video.removeAttribute("src");
    video.load();
    window.removeEventListener("pagehide", release);
  }

  function back() {
    release();
    stopEverything();
    state = null;
    $("ended").hidden = true;
    $("player").classList.remove("ended");
    $("toast").hidden = true;
    show("entry");
    $("code").focus();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-action=back]"), function (button) {
    button.addEventListener("click", back);
  });

  // ---------------------------------------------------------------- session

  function authorized(path, method) {
    return fetch(api + path, {
      method: method || "POST",
      headers: { Authorization: "Bearer " + state.token }
    });
  }

  function heartbeat() {
    if (!state || state.ended) {
      return;
    }
    var session = state;
    var report = qualityReport();
    var sent = fetch(api + "/playback/heartbeat", {
      method: "POST",
      headers: report
        ? { Authorization: "Bearer " + state.token, "Content-Type": "application/json" }
        : { Authorization: "Bearer " + state.token },
      body: report || undefined
    });
    sent.then(function (response) {
      // A report refused (400) is not sent again: the next heartbeat goes without it.
      if (report && (response.ok || response.status === 400)) {
        session.quality.sent = report;
        session.quality.sentAt = performance.now();
      }
      if (response.status === 404) {
        end(MESSAGES.inactive);
      } else if (response.status === 409) {
        end(MESSAGES.takenOver);
      } else if (response.status === 403) {
        response.json().catch(function () { return {}; }).then(function (body) {
          if (body.reason === "token-sharing") {
            end(MESSAGES.shared);
          }
        });
      }
    }).catch(function () { /* network trouble: the session times out if it lasts */ });
  }

  // ---------------------------------------------------------------- quality of experience

  /**
   * What the player tells the platform about its session with each heartbeat (when it changed):
   * totals since the session started, so a report sent twice counts once. Start-up is from the
   * player starting to load the stream to the first frame; a stall is playback waiting for data
   * after it had started (not a seek).
   */
  function newQuality() {
    return {
      loadingSince: null, startupMs: null, stalls: 0, stalledMs: 0, stalledSince: null,
      networkErrors: 0, mediaErrors: 0, keyErrors: 0, accessErrors: 0, sent: null, sentAt: null
    };
  }

  function qualityReport() {
    var q = state.quality;
    // The platform takes one report per session every 10 s; one sooner would be dropped.
    if (q.sentAt !== null && performance.now() - q.sentAt < QUALITY_SPACING_MS) {
      return null;
    }
    if (q.startupMs === null && q.networkErrors + q.mediaErrors + q.keyErrors + q.accessErrors === 0) {
      return null;
    }
    var stalled = Math.min(604800000,
      q.stalledMs + (q.stalledSince === null ? 0 : performance.now() - q.stalledSince));
    var report = JSON.stringify({
      startupMs: q.startupMs, stalls: q.stalls, stalledMs: Math.round(stalled),
      networkErrors: q.networkErrors, mediaErrors: q.mediaErrors, keyErrors: q.keyErrors,
      accessErrors: q.accessErrors
    });
    return report === q.sent ? null : report;
  }

  function qualityPlaying() {
    var q = state && state.quality;
    if (!q) {
      return;
    }
    var now = performance.now();
    if (q.startupMs === null && q.loadingSince !== null) {
      q.startupMs = Math.min(600000, Math.round(now - q.loadingSince));
      // The platform learns the start-up time now rather than at the next heartbeat.
      heartbeat();
    }
    if (q.stalledSince !== null) {
      q.stalledMs += now - q.stalledSince;
      q.stalledSince = null;
    }
  }

  function qualityWaiting() {
    var q = state && state.quality;
    if (q && q.startupMs !== null && q.stalledSince === null && !video.seeking) {
      q.stalls = Math.min(100000, q.stalls + 1);
      q.stalledSince = performance.now();
    }
  }

  /** A fatal error by kind: "network", "media", "key" or "access". */
  function qualityError(kind) {
    var q = state && state.quality;
    if (q && q[kind + "Errors"] < 1000) {
      q[kind + "Errors"] += 1;
    }
  }

  /**
   * When a freshly received token expires, on this device's clock: now plus the lifetime the
   * platform states (the specification's tokenExpiresIn - 600 s). Not the token's exp, which is on
   * the server's clock: a device running 50 minutes ahead would refresh at once, again and again.
   */
  function expiryOf(answer) {
    var lifetime = Number(answer.tokenExpiresIn);
    return lifetime > 0
      ? Date.now() + lifetime * 1000
      : claims(answer.playbackToken).exp * 1000;
  }

  function scheduleRefresh() {
    var due = Math.max(0, state.tokenExp - REFRESH_BEFORE_EXP_MS - Date.now());
    state.refreshTimer = schedule(function () { refresh(); }, due, false);
  }

  /**
   * A new token for the same session; resolves true when the player can go on, false when the
   * session is over (the overlay says why) or the viewer left it. While the platform cannot answer
   * (no network, a restart, its database away: 5xx; or too many refreshes: 429) it asks again after
   * the server's Retry-After or REFRESH_RETRY_MS, until the platform answers or the player ends:
   * the current token plays on meanwhile. One refresh at a time: a caller while one is under way
   * gets its outcome.
   */
  function refresh() {
    if (!state.refreshing) {
      var session = state;
      session.refreshing = askForToken(session).then(function (ok) {
        session.refreshing = null;
        return ok;
      });
    }
    return state.refreshing;
  }

  /** Whether the viewer has left this session (Back, a new code) or it ended. */
  function over(session) {
    return state !== session || session.ended;
  }

  function askForToken(session) {
    if (over(session)) {
      return Promise.resolve(false);
    }
    return authorized("/playback/refresh").then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (over(session)) {
          return false;
        }
        if (response.ok) {
          session.token = body.playbackToken;
          session.tokenExp = expiryOf(body);
          scheduleRefresh();
          return true;
        }
        if (response.status === 429 || response.status >= 500) {
          return askLater(session, retryAfterMs(response));
        }
        if (response.status === 409) {
          end(MESSAGES.takenOver);
        } else if (response.status === 404) {
          end(MESSAGES.inactive);
        } else if (response.status === 403 && body.reason === "token-sharing") {
          end(MESSAGES.shared);
        } else if (response.status === 403) {
          end(body.code === "code-revoked" ? MESSAGES.revoked : MESSAGES.unavailable);
        } else {
          end(MESSAGES.ended);
        }
        return false;
      });
    }, function () {
      return askLater(session, REFRESH_RETRY_MS);
    }).catch(function () { return false; });
  }

  /** Asks again after the wait, unless the viewer has left this session or it ended meanwhile. */
  function askLater(session, ms) {
    if (over(session)) {
      return Promise.resolve(false);
    }
    return new Promise(function (resolve) {
      schedule(resolve, ms, false);
    }).then(function () { return askForToken(session); });
  }

  /** The wait a 429 or 503 names (Retry-After in seconds), within 1 s to 5 min. */
  function retryAfterMs(response) {
    var seconds = parseInt(response.headers.get("Retry-After"), 10);
    return isNaN(seconds) ? REFRESH_RETRY_MS : Math.min(Math.max(seconds, 1), 300) * 1000;
  }

  function release() {
    if (!state || state.released) {
      return;
    }
    state.released = true;
    var blob = new Blob([state.token], { type: "text/plain" });
    if (!(navigator.sendBeacon && navigator.sendBeacon(api + "/playback/release", blob))) {
      fetch(api + "/playback/release", {
        method: "POST", keepalive: true, headers: { Authorization: "Bearer " + state.token }
      }).catch(function () {});
    }
  }

  function watchAccessWindow() {
    var left = state.accessEnds - Date.now();
    if (left > EXPIRY_WARNING_MS) {
      schedule(function () {
        toast(MESSAGES.endsIn15);
      }, left - EXPIRY_WARNING_MS, false);
    }
    schedule(function () {
      toast(MESSAGES.endedGrace);
      schedule(function () { end(MESSAGES.ended); }, EXPIRY_GRACE_MS, false);
    }, Math.max(0, left), false);
    schedule(showExpiry, 1000, true);
    showExpiry();
  }

  function showExpiry() {
    var left = state.accessEnds - Date.now();
    var expiry = $("expiry");
    expiry.hidden = !(left > 0 && left < 6 * 3600 * 1000);
    expiry.textContent = say("expiresIn", clock(Math.floor(left / 1000)));
  }

  function toast(text) {
    var box = $("toast");
    box.textContent = text;
    box.hidden = true;
    // Shown again from hidden, so that it slides in again (viewer.css, .toast).
    void box.offsetWidth;
    box.hidden = false;
    clearTimeout(box.timer);
    box.timer = setTimeout(function () { box.hidden = true; }, 10000);
  }

  /** Stops playback for good and says why; Back returns to code entry. */
  function end(message) {
    if (!state || state.ended) {
      return;
    }
    state.ended = true;
    stopEverything();
    show("player-screen");
    $("ended-message").textContent = message;
    $("ended").hidden = false;
    $("player").classList.add("ended");
    $("reconnecting").hidden = true;
    $("loading").hidden = true;
    $("rotate-hint").hidden = true;
    announce(message);
    $("ended").querySelector("button").focus();
  }

  // ---------------------------------------------------------------- pre-event

  function preEvent() {
    show("pre-event");
    $("pre-title").textContent = state.event.title;
    $("pre-description").textContent = state.event.description || "";
    var poster = $("pre-poster");
    poster.hidden = !state.event.posterUrl;
    if (state.event.posterUrl) {
      poster.src = state.event.posterUrl;
    }
    var startsAt = Date.parse(state.event.startsAt);
    var lastPoll = Date.now();
    var tick = function () {
      var left = Math.floor((startsAt - Date.now()) / 1000);
      renderCountdown(countdown(Math.max(0, left)));
      $("countdown").hidden = left <= 0;
      $("starts-in").hidden = left <= 0;
      $("starting-soon").hidden = left > 0;
      // From the scheduled start on, ask every few seconds instead of every 30.
      if (left <= 0 && Date.now() - lastPoll >= STARTED_POLL_MS) {
        lastPoll = Date.now();
        pollStatus();
      }
    };
    tick();
    state.countdown = schedule(tick, 1000, true);
    state.statusPoll = schedule(pollStatus, STATUS_POLL_MS, true);
  }

  function pollStatus() {
    askStatus().then(function (status) {
      if (!state || state.ended || $("pre-event").hidden) {
        return;
      }
      if (status && (status.status === "live" || status.status === "recording")) {
        clearInterval(state.countdown);
        clearInterval(state.statusPoll);
        state.event.isLive = status.status === "live";
        announce(MESSAGES.started);
        play();
      }
    });
  }

  /**
   * One span per character, so that only the digits that change move (a short roll, viewer.css:
   * .countdown .changed); tabular figures keep the width from jumping with each second.
   */
  function renderCountdown(text) {
    var box = $("countdown");
    if (box.children.length !== text.length) {
      box.textContent = "";
      text.split("").forEach(function (character) {
        var span = document.createElement("span");
        span.textContent = character;
        box.appendChild(span);
      });
      return;
    }
    text.split("").forEach(function (character, index) {
      var span = box.children[index];
      if (span.textContent !== character) {
        span.textContent = character;
        span.classList.remove("changed");
        void span.offsetWidth;
        span.classList.add("changed");
      }
    });
  }

  function countdown(seconds) {
    var days = Math.floor(seconds / 86400);
    var rest = clock(seconds % 86400, true);
    return days > 0 ? days + "d " + rest : rest;
  }

  // ---------------------------------------------------------------- player

  // Read once: the address loses its query when a code is redeemed.
  var nativeForced = new URLSearchParams(location.search).get("player") === "native";

  function nativeHlsWanted() {
    return nativeForced || !(window.Hls && window.Hls.isSupported());
  }

  function play() {
    state.quality.loadingSince = performance.now();
    show("player-screen");
    $("event-title").textContent = state.event.title;
    $("loading").hidden = false;
    setUpControls();
    showLive(!!state.event.isLive);
    watchProgress();
    if (nativeHlsWanted()) {
      state.native = true;
      video.src = state.url + "?__token=" + encodeURIComponent(state.token);
    } else {
      var hls = new window.Hls({
        // Common Media Client Data (CTA-5004) in each request's query: the media servers read the
        // player's throughput and buffer starvations off the requests they serve anyway.
        cmcd: { contentId: state.eventId },
        xhrSetup: function (xhr) {
          // Read at each request, so a refreshed token applies without interrupting playback.
          xhr.setRequestHeader("Authorization", "Bearer " + state.token);
        }
      });
      state.hls = hls;
      hls.on(window.Hls.Events.MANIFEST_PARSED, function () {
        fillQualities(hls.levels);
        startPlayback();
      });
      hls.on(window.Hls.Events.LEVEL_LOADED, function (event, data) {
        showLive(data.details.live);
        connected();
      });
      hls.on(window.Hls.Events.FRAG_LOADED, connected);
      hls.on(window.Hls.Events.SUBTITLE_TRACKS_UPDATED, function (event, data) {
        fillCaptions(data.subtitleTracks);
      });
      hls.on(window.Hls.Events.FRAG_CHANGED, function (event, data) {
        // The segment on screen now (its path in the event's folder), and how far behind the live
        // edge that is: for support, and for measuring the live delay in tests.
        var path = data.frag.url.split("?")[0].split("/").slice(-2).join("/");
        $("player").setAttribute("data-segment", path);
        $("player").setAttribute("data-behind-live", hls.latency ? hls.latency.toFixed(1) : "");
      });
      hls.on(window.Hls.Events.ERROR, function (event, data) { hlsError(hls, data); });
      hls.loadSource(state.url);
      hls.attachMedia(video);
    }
    video.addEventListener("loadedmetadata", startPlayback, { once: true });
    video.addEventListener("error", nativeError);
  }

  /** The schedule says whether the event is live; once the stream answers, the stream says it. */
  function showLive(live) {
    var badge = $("badge");
    badge.textContent = live ? "LIVE" : "RECORDING";
    badge.className = "badge " + (live ? "live" : "recording");
    $("go-live").hidden = !live;
    $("player").classList.toggle("is-live", live);
  }

  function startPlayback() {
    if (state.native) {
      showLive(video.duration === Infinity);
    }
    var attempt = video.play();
    if (attempt && attempt.catch) {
      attempt.catch(function () {
        // Autoplay with sound refused: start muted, the viewer can unmute.
        video.muted = true;
        video.play().catch(function () {});
      });
    }
  }

  function hlsError(hls, data) {
    var status = data.response && data.response.code;
    if (status === 403 || status === 401) {
      if (data.fatal) {
        qualityError("access");
      }
      if (state.refreshedAfter403) {
        refresh().then(function (ok) { if (ok) { end(MESSAGES.ended); } });
        return;
      }
      state.refreshedAfter403 = true;
      refresh().then(function (ok) {
        if (ok) {
          hls.startLoad();
        }
      });
      return;
    }
    if (!data.fatal) {
      return;
    }
    qualityError(data.type === window.Hls.ErrorTypes.NETWORK_ERROR ? "network"
      : data.type === window.Hls.ErrorTypes.KEY_SYSTEM_ERROR ? "key" : "media");
    if (data.type === window.Hls.ErrorTypes.NETWORK_ERROR) {
      reconnect(function () { hls.startLoad(); });
    } else if (data.type === window.Hls.ErrorTypes.MEDIA_ERROR) {
      hls.recoverMediaError();
    } else {
      end(MESSAGES.ended);
    }
  }

  function nativeError() {
    if (!state || state.ended || !state.native) {
      return;
    }
    qualityError(video.error && video.error.code === 2 ? "network" : "media");
    refresh().then(function (ok) {
      if (ok) {
        reconnect(function () {
          video.src = state.url + "?__token=" + encodeURIComponent(state.token);
          startPlayback();
        });
      }
    });
  }

  /** The media server answered again: the next loss starts a fresh series of retries. */
  function connected() {
    state.reconnects = 0;
    state.retrying = false;
    renderReconnecting();
  }

  /**
   * A live stream that stops moving (its encoder went away, or restarts) fails nowhere: the media
   * server keeps answering the same playlist and the video waits. Once playback has not moved for
   * STALL_MS the player says "Reconnecting", and stops saying it when playback moves again.
   */
  function watchProgress() {
    var last = video.currentTime;
    var stuckSince = null;
    schedule(function () {
      var live = $("player").classList.contains("is-live");
      if (state.ended || video.paused || !live || Math.abs(video.currentTime - last) >= 0.5) {
        last = video.currentTime;
        stuckSince = null;
        if (state.stalled) {
          state.stalled = false;
          renderReconnecting();
        }
        return;
      }
      stuckSince = stuckSince || Date.now();
      if (!state.stalled && Date.now() - stuckSince >= STALL_MS) {
        state.stalled = true;
        renderReconnecting();
        announce(MESSAGES.connectionLost);
      }
    }, 1000, true);
  }

  /** "Reconnecting" while retrying after a network failure or while a live stream is stalled. */
  function renderReconnecting() {
    $("reconnecting").hidden = !(state.retrying || state.stalled);
  }

  /** Retries with exponential backoff (1, 2, 4, 8, 16 s), at most 5 times, visibly. */
  function reconnect(retry) {
    if (state.reconnects >= MAX_RECONNECTS) {
      $("reconnecting").hidden = true;
      end(MESSAGES.unreachable);
      return;
    }
    var delay = 1000 * Math.pow(2, state.reconnects);
    state.reconnects += 1;
    state.retrying = true;
    renderReconnecting();
    announce(MESSAGES.connectionLost);
    schedule(retry, delay, false);
  }

  // ---------------------------------------------------------------- controls

  var controlsReady = false;
  var hideTimer = null;

  function setUpControls() {
    var volume = Number(localStorage.getItem("streamgate.volume"));
    video.volume = isNaN(volume) || localStorage.getItem("streamgate.volume") === null ? 1 : volume;
    video.muted = localStorage.getItem("streamgate.muted") === "true";
    $("volume").value = video.volume;
    $("pip").hidden = !(document.pictureInPictureEnabled && video.requestPictureInPicture);
    renderPlayState();
    renderVolume();
    if (controlsReady) {
      return;
    }
    controlsReady = true;
    var player = $("player");
    $("play").addEventListener("click", togglePlay);
    video.addEventListener("click", togglePlay);
    video.addEventListener("dblclick", toggleFullscreen);
    setUpTouch();
    $("fullscreen").addEventListener("click", toggleFullscreen);
    document.addEventListener("fullscreenchange", renderFullscreen);
    video.addEventListener("webkitbeginfullscreen", renderFullscreen);
    video.addEventListener("webkitendfullscreen", renderFullscreen);
    $("mute").addEventListener("click", function () {
      video.muted = !video.muted;
    });
    $("volume").addEventListener("input", function (event) {
      video.volume = Number(event.target.value);
      video.muted = video.volume === 0;
    });
    $("pip").addEventListener("click", function () {
      if (document.pictureInPictureElement) {
        document.exitPictureInPicture();
      } else {
        video.requestPictureInPicture().catch(function () {});
      }
    });
    $("go-live").addEventListener("click", function () {
      if (state && state.hls && state.hls.liveSyncPosition) {
        video.currentTime = state.hls.liveSyncPosition;
      } else if (video.seekable.length) {
        video.currentTime = video.seekable.end(video.seekable.length - 1);
      }
    });
    $("captions").addEventListener("change", function (event) {
      if (state && state.hls) {
        var track = Number(event.target.value);
        state.hls.subtitleDisplay = track >= 0;
        state.hls.subtitleTrack = track;
        announce(say("captionsNow", event.target.options[event.target.selectedIndex].text));
      }
    });
    $("quality").addEventListener("change", function (event) {
      if (state && state.hls) {
        state.hls.currentLevel = Number(event.target.value);
        announce(say("qualityNow", event.target.options[event.target.selectedIndex].text));
      }
    });
    var seek = $("seek");
    seek.addEventListener("input", function () {
      var range = seekRange();
      if (range) {
        video.currentTime = range.start + (seek.value / 1000) * (range.end - range.start);
      }
    });
    $("seek-wrap").addEventListener("mousemove", function (event) {
      var range = seekRange();
      var box = seek.getBoundingClientRect();
      var hover = $("hover-time");
      if (!range || box.width === 0) {
        return;
      }
      var fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
      hover.textContent = clock(Math.floor(range.start + fraction * (range.end - range.start)));
      hover.style.left = fraction * 100 + "%";
      hover.hidden = false;
    });
    $("seek-wrap").addEventListener("mouseleave", function () { $("hover-time").hidden = true; });
    video.addEventListener("play", renderPlayState);
    video.addEventListener("pause", renderPlayState);
    video.addEventListener("volumechange", function () {
      localStorage.setItem("streamgate.volume", String(video.volume));
      localStorage.setItem("streamgate.muted", String(video.muted));
      renderVolume();
    });
    video.addEventListener("timeupdate", renderTime);
    video.addEventListener("progress", renderTime);
    video.addEventListener("waiting", function () {
      $("loading").hidden = false;
      qualityWaiting();
    });
    video.addEventListener("playing", function () {
      qualityPlaying();
      $("loading").hidden = true;
      state.retrying = false;
      renderReconnecting();
    });
    video.addEventListener("canplay", function () { $("loading").hidden = true; });
    ["mousemove", "touchstart", "focusin"].forEach(function (name) {
      player.addEventListener(name, wake, { passive: true });
    });
    document.addEventListener("keydown", shortcut);
  }

  // ---------------------------------------------------------------- touch

  var DOUBLE_TAP_MS = 300;
  var TAP_SLOP_PX = 10;
  var SEEK_STEP_S = 10;

  /**
   * Touch screens: a tap on the picture plays or pauses, a double tap seeks 10 s back (left half)
   * or forward (right half); the speaker opens the volume popover; a phone held upright while
   * playing is told it can turn sideways (once, until dismissed).
   */
  function setUpTouch() {
    var pendingTap = null;
    var lastTap = 0;
    var touchedAt = null;
    video.addEventListener("touchstart", function (event) {
      var touch = event.touches[0];
      touchedAt = event.touches.length === 1 ? { x: touch.clientX, y: touch.clientY } : null;
    }, { passive: true });
    video.addEventListener("touchcancel", function () { touchedAt = null; });
    video.addEventListener("touchend", function (event) {
      var touch = event.changedTouches[0];
      // A finger that moved (the page scrolled) or a second finger is no tap.
      if (event.changedTouches.length !== 1 || !touchedAt ||
          Math.abs(touch.clientX - touchedAt.x) > TAP_SLOP_PX ||
          Math.abs(touch.clientY - touchedAt.y) > TAP_SLOP_PX) {
        return;
      }
      // The browser's own click and double-click (play, full screen) are replaced by these.
      event.preventDefault();
      var now = Date.now();
      if (now - lastTap < DOUBLE_TAP_MS) {
        clearTimeout(pendingTap);
        pendingTap = null;
        lastTap = 0;
        var box = video.getBoundingClientRect();
        seekBy(touch.clientX < box.left + box.width / 2 ? -SEEK_STEP_S : SEEK_STEP_S);
        return;
      }
      lastTap = now;
      pendingTap = setTimeout(function () {
        pendingTap = null;
        togglePlay();
      }, DOUBLE_TAP_MS);
    });
    $("volume-toggle").addEventListener("click", function () {
      var open = !$("volume-control").classList.contains("open");
      $("volume-control").classList.toggle("open", open);
      $("volume-toggle").setAttribute("aria-expanded", String(open));
    });
    $("rotate-dismiss").addEventListener("click", function () {
      sessionStorage.setItem("streamgate.rotateDismissed", "true");
      renderRotateHint();
    });
    if (window.matchMedia) {
      var upright = window.matchMedia(UPRIGHT_PHONE);
      if (upright.addEventListener) {
        upright.addEventListener("change", renderRotateHint);
      }
    }
    video.addEventListener("playing", renderRotateHint);
    document.addEventListener("fullscreenchange", renderRotateHint);
  }

  var UPRIGHT_PHONE = "(orientation: portrait) and (max-width: 767px) and (pointer: coarse)";

  function renderRotateHint() {
    var upright = window.matchMedia && window.matchMedia(UPRIGHT_PHONE).matches;
    $("rotate-hint").hidden = !(upright && state && !state.ended && !document.fullscreenElement &&
      sessionStorage.getItem("streamgate.rotateDismissed") !== "true");
  }

  /** Seeks by {@code seconds} within what can be sought, and shows which way for a moment. */
  function seekBy(seconds) {
    var range = seekRange();
    if (!range) {
      return;
    }
    video.currentTime = Math.min(range.end, Math.max(range.start, video.currentTime + seconds));
    var hint = $("seek-hint");
    hint.textContent = seconds < 0 ? hint.getAttribute("data-back") : hint.getAttribute("data-forward");
    hint.className = "seek-hint " + (seconds < 0 ? "rewind" : "ahead");
    hint.hidden = false;
    clearTimeout(hint.timer);
    hint.timer = setTimeout(function () { hint.hidden = true; }, 700);
    wake();
  }

  function wake() {
    var player = $("player");
    player.classList.remove("idle");
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () {
      if (!video.paused) {
        player.classList.add("idle");
      }
    }, CONTROLS_HIDE_MS);
  }

  function shortcut(event) {
    if (!state || $("player-screen").hidden || state.ended) {
      return;
    }
    var target = event.target;
    if (target && (target.tagName === "INPUT" && target.type === "text" || target.tagName === "SELECT")) {
      return;
    }
    // A focused slider (volume, seek bar) takes the arrow keys itself.
    if (target && target.tagName === "INPUT" && target.type === "range" && event.key.indexOf("Arrow") === 0) {
      return;
    }
    var handled = true;
    switch (event.key) {
      case " ":
      case "k":
        if (target && target.tagName === "BUTTON") {
          return;
        }
        togglePlay();
        break;
      case "f":
      case "F":
        toggleFullscreen();
        break;
      case "m":
      case "M":
        video.muted = !video.muted;
        announce(video.muted ? MESSAGES.muted : MESSAGES.unmuted);
        break;
      case "ArrowLeft":
        video.currentTime = Math.max(0, video.currentTime - 5);
        break;
      case "ArrowRight":
        video.currentTime = video.currentTime + 5;
        break;
      case "ArrowUp":
        video.volume = Math.min(1, video.volume + 0.1);
        break;
      case "ArrowDown":
        video.volume = Math.max(0, video.volume - 0.1);
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      wake();
    }
  }

  function togglePlay() {
    if (video.paused) {
      startPlayback();
    } else {
      video.pause();
    }
  }

  function toggleFullscreen() {
    var player = $("player");
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (player.requestFullscreen) {
      player.requestFullscreen().then(function () {
        // Phones: full screen is for the picture sideways.
        if (screen.orientation && screen.orientation.lock && window.matchMedia &&
            window.matchMedia("(pointer: coarse)").matches) {
          screen.orientation.lock("landscape").catch(function () {});
        }
        renderRotateHint();
      }).catch(function () {});
    } else if (video.webkitEnterFullscreen) {
      video.webkitEnterFullscreen();
    }
  }

  function renderPlayState() {
    var playing = !video.paused;
    $("play").setAttribute("aria-label", playing ? MESSAGES.pause : MESSAGES.play);
    $("play").classList.toggle("playing", playing);
    announce(playing ? MESSAGES.playing : MESSAGES.paused);
    wake();
  }

  function renderFullscreen(event) {
    var full = !!document.fullscreenElement || (event && event.type === "webkitbeginfullscreen");
    $("fullscreen").setAttribute("aria-label", full ? MESSAGES.exitFullscreen : MESSAGES.enterFullscreen);
    $("fullscreen").classList.toggle("active", full);
  }

  function renderVolume() {
    var muted = video.muted || video.volume === 0;
    $("mute").setAttribute("aria-label", muted ? MESSAGES.unmute : MESSAGES.mute);
    $("mute").classList.toggle("muted", muted);
    $("volume").value = video.muted ? 0 : video.volume;
  }

  /** The seekable span: the whole video, or the DVR window of a live stream. */
  function seekRange() {
    if (isFinite(video.duration) && video.duration > 0) {
      return { start: 0, end: video.duration };
    }
    if (video.seekable.length) {
      return { start: video.seekable.start(0), end: video.seekable.end(video.seekable.length - 1) };
    }
    return null;
  }

  function renderTime() {
    var range = seekRange();
    $("time-now").textContent = clock(Math.floor(video.currentTime));
    $("time-total").textContent =
      range && isFinite(video.duration) ? " / " + clock(Math.floor(video.duration)) : "";
    if (!range || range.end <= range.start) {
      return;
    }
    var span = range.end - range.start;
    $("seek").value = Math.round(((video.currentTime - range.start) / span) * 1000);
    $("seek").setAttribute("aria-valuetext", say("seekValue",
      spoken(Math.floor(video.currentTime - range.start)), spoken(Math.floor(span))));
    if (video.buffered.length) {
      var end = video.buffered.end(video.buffered.length - 1);
      $("buffered").style.width = Math.min(100, ((end - range.start) / span) * 100) + "%";
    }
  }

  function fillQualities(levels) {
    fillChoices($("quality"), MESSAGES.auto, levels.map(function (level) {
      return level.height ? level.height + "p" : Math.round(level.bitrate / 1000) + " kb/s";
    }));
    $("quality").hidden = levels.length < 2;
  }

  /** The stream's subtitle renditions (#EXT-X-MEDIA TYPE=SUBTITLES), off until chosen. */
  function fillCaptions(tracks) {
    var list = tracks || [];
    fillChoices($("captions"), MESSAGES.captionsOff, list.map(function (track, index) {
      return track.name || track.lang || say("captionsN", index + 1);
    }));
    $("captions").hidden = list.length === 0;
  }

  /** A select's options: the first (value -1), then one per label (value: its index). */
  function fillChoices(select, first, labels) {
    select.innerHTML = "";
    [first].concat(labels).forEach(function (label, index) {
      var option = document.createElement("option");
      option.value = String(index - 1);
      option.textContent = label;
      select.appendChild(option);
    });
  }

  // One formatter per unit, made once: the seek bar speaks on every timeupdate.
  var UNIT_FORMATS = {};
  function unitFormat(unit) {
    if (!UNIT_FORMATS[unit]) {
      UNIT_FORMATS[unit] = new Intl.NumberFormat(LANG, { style: "unit", unit: unit, unitDisplay: "long" });
    }
    return UNIT_FORMATS[unit];
  }

  /**
   * A span of time in words, in the page's language: "1 minute 5 seconds", "10 minutes" (zero
   * parts left out); MM:SS where the browser cannot name units.
   */
  function spoken(seconds) {
    var s = Math.max(0, seconds);
    var parts = [[Math.floor(s / 3600), "hour"], [Math.floor((s % 3600) / 60), "minute"], [s % 60, "second"]]
      .filter(function (part, index, all) {
        return part[0] > 0 || (index === 2 && all[0][0] === 0 && all[1][0] === 0);
      });
    try {
      return parts.map(function (part) {
        return unitFormat(part[1]).format(part[0]);
      }).join(" ");
    } catch (unsupported) {
      return clock(s);
    }
  }

  /** MM:SS, or HH:MM:SS from one hour on (or always, for countdowns). */
  function clock(seconds, alwaysHours) {
    var s = Math.max(0, seconds);
    var hours = Math.floor(s / 3600);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var rest = pad(Math.floor((s % 3600) / 60)) + ":" + pad(s % 60);
    return hours > 0 || alwaysHours ? pad(hours) + ":" + rest : rest;
  }

  // ---------------------------------------------------------------- start

  var prefill = new URLSearchParams(location.search).get("code");
  if (prefill) {
    var code = compact(prefill);
    $("code").value = /^[A-Z0-9]{0,12}$/.test(code) ? grouped(code) : prefill.slice(0, 24);
  }
})();
