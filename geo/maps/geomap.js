/* The dashboard map's data layers, drawn in the browser from compact columns.
 *
 * Our own code (geo/maps/columnar.py writes the data and serves this file from ./static/lib).
 * The data of one store revision is fetched once: typed arrays of coordinates, type, status,
 * sub-type, source and confidence codes and day numbers, the oblast polygons and the places.
 * A date-range or filter change only calls update: events are filtered here, gridded per zoom
 * into clusters, and only what is in view is drawn. Popup text comes from per-chunk JSON
 * files, fetched when a popup is opened. Playback (a control on the map) steps a window
 * through the range here too, so it costs the server nothing; focus flies to one event.
 */
(function () {
  "use strict";

  var NONE16 = 65535;
  var UNDATED = -2147483648;

  function mercX(lon) { return (lon + 180) / 360; }
  function mercY(lat) {
    var l = Math.max(-85.05112878, Math.min(85.05112878, lat)) * Math.PI / 180;
    return 0.5 - Math.log(Math.tan(Math.PI / 4 + l / 2)) / (2 * Math.PI);
  }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function fetchJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }
  function fetchBuffer(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.arrayBuffer();
    });
  }
  function mark(name) {
    if (performance.mark) { performance.mark(name); }
    return performance.now();
  }
  function isoDay(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  var TYPES = { u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, i4: Int32Array, f4: Float32Array };

  var WIDTH = { u2: 2, u4: 4, i4: 4 };

  /* Columns by name from a buffer and its layout [name, type, byte offset, length]; integers
   * of two or four bytes come as byte planes (columnar._pack), put back together here. */
  function unpack(buffer, layout) {
    var out = {};
    layout.forEach(function (c) {
      var type = c[1], n = c[3], w = WIDTH[type];
      if (!w) { out[c[0]] = new TYPES[type](buffer, c[2], n); return; }
      var bytes = new Uint8Array(buffer, c[2], n * w), a = new TYPES[type](n);
      for (var i = 0; i < n; i++) {
        var v = bytes[i] | (bytes[n + i] << 8);
        if (w === 4) { v |= (bytes[2 * n + i] << 16) | (bytes[3 * n + i] << 24); }
        a[i] = v;
      }
      out[c[0]] = a;
    });
    return out;
  }

  /* The revision's columns from events.bin and mentions.bin (columnar.py writes them):
   * per event a location index (coordinates and oblast in a table), people, a start day as a
   * step from the previous one, a duration, a kind (type, status, sub-type and source codes
   * together) and confidence; mentions as runs per place, article steps and article days. */
  function decode(meta, eventsBuffer, mentionsBuffer) {
    var n = meta.n, e = unpack(eventsBuffer, meta.eventColumns), scale = meta.coordScale;
    var c = {
      loc: new Uint32Array(n), people: new Float32Array(n), conf: e.conf,
      lat: new Float32Array(n), lon: new Float32Array(n), oblast: new Uint16Array(n),
      d0: new Int32Array(n), d1: new Int32Array(n), type: new Uint8Array(n),
      status: new Uint8Array(n), sub: new Uint8Array(n), src: new Uint8Array(n),
      locY: new Float64Array(e.locLat.length), locX: new Float64Array(e.locLon.length)
    };
    for (var l = 0; l < e.locLat.length; l++) {
      c.locY[l] = e.locLat[l] / scale;
      c.locX[l] = e.locLon[l] / scale;
    }
    var day = meta.day0, at = 0, kinds = meta.kinds, none = meta.peopleNone;
    for (var i = 0; i < n; i++) {
      var step = e.day[i], kind = kinds[e.kind[i]];
      day += step;
      // The location is a step within a day; the first of a day carries the index itself.
      at = (i === 0 || step !== 0) ? e.loc[i] : at + e.loc[i];
      c.loc[i] = at;
      c.lat[i] = c.locY[at];
      c.lon[i] = c.locX[at];
      c.oblast[i] = e.locOblast[at];
      c.d0[i] = day;
      c.d1[i] = day + e.dur[i];
      c.people[i] = none === null || e.people[i] !== none ? e.people[i] : NaN;
      c.type[i] = kind[0];
      c.status[i] = kind[1];
      c.sub[i] = kind[2];
      c.src[i] = kind[3];
    }
    var m = unpack(mentionsBuffer, meta.mentionColumns), k = 0;
    c.mPlace = new Uint32Array(meta.nMentions);
    c.mArticle = new Uint32Array(meta.nMentions);
    c.mDay = new Int32Array(meta.nMentions);
    for (var p = 0; p < m.placeRuns.length; p++) {
      var article = 0;
      for (var r = 0; r < m.placeRuns[p]; r++, k++) {
        article = r === 0 ? m.article[k] : article + m.article[k];
        c.mPlace[k] = p;
        c.mArticle[k] = article;
        c.mDay[k] = m.articleDay[article];
      }
    }
    return c;
  }

  /* The oblasts' GeoJSON again from rings of integer steps (columnar._oblast_rings). */
  function decodeOblasts(doc) {
    var scale = doc.scale;
    return {
      type: "FeatureCollection",
      features: doc.features.map(function (f) {
        return {
          type: "Feature", properties: f.properties,
          geometry: {
            type: "MultiPolygon",
            coordinates: f.polygons.map(function (polygon) {
              return polygon.map(function (steps) {
                var ring = [], x = 0, y = 0;
                for (var j = 0; j < steps.length; j += 2) {
                  x += steps[j];
                  y += steps[j + 1];
                  ring.push([x / scale, y / scale]);
                }
                return ring;
              });
            })
          }
        };
      })
    };
  }

  function GeoMap(map, groups, opts) {
    this.map = map;
    this.groups = groups;
    this.opts = opts;
    this.range = window.GeoMapRange || null;
    this.filter = {};
    this.window = null;  // the playback window [day0, day1], or null: the whole range
    this.play = { timer: null, at: null, unit: "day", win: 7 };
    this.lastFocus = null;
    this.focused = null;
    this.ready = false;
    this.drawn = 0;
    this.chunks = {};
    this.icons = {};
    // Milliseconds of the first load: fetch (files in, JSON read), parse (columns decoded,
    // points projected, oblast shapes built), load (the two), draw (filter and first draw).
    // Also performance marks "geomap:start", "geomap:fetched", "geomap:parsed",
    // "geomap:drawn", and "geomap:painted" at the next frame, for benchmarks.
    this.ms = { fetch: null, parse: null, load: null, draw: null, paint: null };
    var self = this, t0 = mark("geomap:start");
    this.startedAt = t0;
    this.loaded = this._load().then(function () {
      var t1 = mark("geomap:parsed");
      self.ms.parse = t1 - self.fetchedAt;
      self.ms.load = t1 - t0;
      self.ready = true;
      if (window.GeoMapView) {
        self.update(window.GeoMapView);  // filters and draws
      } else {
        self._filter();
        self._draw();
      }
      var t2 = mark("geomap:drawn");
      self.ms.draw = t2 - t1;
      requestAnimationFrame(function () { self.ms.paint = mark("geomap:painted") - t2; });
      if (self.pendingFocus) { var f = self.pendingFocus; self.pendingFocus = null; self._focusNow(f); }
    });
    // A popup that pans the map to fit keeps its marker: a redraw would remove it, and the
    // popup with it. The next move redraws.
    map.on("autopanstart", function () { self.keepOnce = true; });
    if (opts.playback !== false) { this._playControl(); }
    map.on("moveend zoomend", function () {
      if (self.keepOnce) { self.keepOnce = false; return; }
      self._draw();
    });
    map.on("overlayadd overlayremove", function () { self._draw(); });
  }

  GeoMap.prototype._load = function () {
    var self = this, url = this.opts.url;
    // The file names are fixed (columnar.py): all four requests at once, not meta first.
    return Promise.all([
      fetchJson(url + "meta.json"), fetchBuffer(url + "events.bin"),
      fetchBuffer(url + "mentions.bin"),
      this.groups.oblasts ? fetchJson(url + "oblasts.json") : Promise.resolve(null)
    ]).then(function (got) {
      self.meta = got[0];
      var parts = got.slice(1);
      self.fetchedAt = mark("geomap:fetched");
      self.ms.fetch = self.fetchedAt - self.startedAt;
      var cols = decode(self.meta, parts[0], parts[1]), n = self.meta.n;
      Object.keys(cols).forEach(function (k) { self[k] = cols[k]; });
      self.mx = new Float32Array(n);
      self.my = new Float32Array(n);
      // Projected once per spot, not per event: many events share a place.
      var L0 = cols.locX.length, lx = new Float32Array(L0), ly = new Float32Array(L0);
      for (var l = 0; l < L0; l++) {
        lx[l] = mercX(cols.locX[l]);
        ly[l] = mercY(cols.locY[l]);
      }
      for (var i = 0; i < n; i++) {
        self.mx[i] = lx[cols.loc[i]];
        self.my[i] = ly[cols.loc[i]];
      }
      self.evacType = new Uint8Array(256);
      self.meta.types.forEach(function (t, k) {
        self.evacType[k] = self.opts.evacuationTypes.indexOf(t) >= 0 ? 1 : 0;
      });
      if (parts[2]) { self._oblastLayer(decodeOblasts(parts[2])); }
    });
  };

  /* -- the date range ------------------------------------------------------------------- */

  GeoMap.prototype.setRange = function (start, end) {
    this.update({ range: [start, end] });
  };

  GeoMap.prototype.setFilter = function (filter) {
    this.update({ filter: filter || {} });
  };

  /* What the server sends on a change: {range: [d0, d1], filter: {...}, focus: {id, i}}.
   * A new range stops playback; a filter change keeps it going. */
  GeoMap.prototype.update = function (view) {
    if (view.range && (!this.range || view.range[0] !== this.range[0] ||
        view.range[1] !== this.range[1])) {
      this.range = view.range;
      this._stopPlay();
    }
    if (view.filter) { this.filter = view.filter; }
    if (this.ready) {
      this._filter();
      this._draw();
    }
    this.focus(view.focus || null);
  };

  // Per code: 1 if the filter keeps it. A list of names keeps those; no list keeps all.
  GeoMap.prototype._allow = function (names, keep) {
    var a = new Uint8Array(256);
    if (!keep) { a.fill(1); return a; }
    names.forEach(function (name, k) { if (keep.indexOf(name) >= 0) { a[k] = 1; } });
    return a;
  };

  GeoMap.prototype._filter = function () {
    var n = this.meta.n, d0 = this.d0, d1 = this.d1, f = this.filter || {}, meta = this.meta;
    var r = this.window || this.range;
    var lo = r ? r[0] : -Infinity, hi = r ? r[1] : Infinity;
    var okType = this._allow(meta.types, f.types), okStatus = this._allow(meta.statuses, f.status);
    var okSub = this._allow(meta.subTypes, f.subs), okSrc = this._allow(meta.datasets, f.src);
    var minConf = f.conf || 0, type = this.type, status = this.status, sub = this.sub;
    var src = this.src, conf = this.conf;
    // Events come sorted by start day: those starting after the range are a suffix.
    var a = 0, b = n;
    while (a < b) { var mid = (a + b) >> 1; if (d0[mid] <= hi) { a = mid + 1; } else { b = mid; } }
    var idx = new Int32Array(a), k = 0;
    var perOblast = new Int32Array(this.meta.oblasts.length);
    for (var i = 0; i < a; i++) {
      if (d1[i] >= lo && okType[type[i]] && okStatus[status[i]] && okSub[sub[i]] &&
          okSrc[src[i]] && conf[i] >= minConf) {
        idx[k++] = i;
        if (this.oblast[i] !== NONE16) { perOblast[this.oblast[i]]++; }
      }
    }
    this.inRange = idx.subarray(0, k);
    this.perOblast = perOblast;
    // Places: mentions in articles published in the range (undated articles always count).
    var P = this.meta.places.name.length, mentions = new Int32Array(P), articles = new Int32Array(P);
    var first = new Int32Array(P).fill(2147483647), last = new Int32Array(P).fill(UNDATED);
    var mp = this.mPlace, ma = this.mArticle, md = this.mDay, prevP = -1, prevA = -1;
    for (var j = 0; j < mp.length; j++) {
      var day = md[j];
      if (day !== UNDATED && (day < lo || day > hi)) { continue; }
      var p = mp[j];
      mentions[p]++;
      if (p !== prevP || ma[j] !== prevA) { articles[p]++; prevP = p; prevA = ma[j]; }
      if (day !== UNDATED) {
        if (day < first[p]) { first[p] = day; }
        if (day > last[p]) { last[p] = day; }
      }
    }
    this.placeStats = { mentions: mentions, articles: articles, first: first, last: last };
    if (this.oblastLayer) { this.oblastLayer.setStyle(this._oblastStyle.bind(this)); }
  };

  /* -- drawing -------------------------------------------------------------------------- */

  GeoMap.prototype._draw = function () {
    if (!this.ready) { return; }
    this.drawn = 0;
    if (this.groups.places) { this._drawPlaces(this.groups.places); }
    if (this.groups.evacuations) { this._drawPoints(this.groups.evacuations, true); }
    if (this.groups.events) { this._drawPoints(this.groups.events, false); }
    this.map.fire("geomap:drawn");  // the tools (controls.js) redraw the density view
  };

  GeoMap.prototype._view = function () {
    var pb = this.map.getPixelBounds(), pad = 80;
    return {
      z: this.map.getZoom(),
      scale: 256 * Math.pow(2, this.map.getZoom()),
      x0: pb.min.x - pad, y0: pb.min.y - pad, x1: pb.max.x + pad, y1: pb.max.y + pad
    };
  };

  GeoMap.prototype._drawPoints = function (group, evacuations) {
    group.clearLayers();
    if (!this.map.hasLayer(group)) { return; }
    var v = this._view(), o = this.opts;
    var cell = v.z >= o.clusterOffZoom ? 1 : o.cellPx;
    var cells = new Map(), idx = this.inRange, mx = this.mx, my = this.my;
    for (var k = 0; k < idx.length; k++) {
      var i = idx[k];
      if (evacuations && !this.evacType[this.type[i]]) { continue; }
      var px = mx[i] * v.scale, py = my[i] * v.scale;
      if (px < v.x0 || px > v.x1 || py < v.y0 || py > v.y1) { continue; }
      var key = Math.floor((px - v.x0) / cell) * 1048576 + Math.floor((py - v.y0) / cell);
      var c = cells.get(key);
      if (!c) {
        c = { n: 0, sx: 0, sy: 0, people: 0, known: 0, first: i, members: [] };
        cells.set(key, c);
      }
      c.n++;
      c.sx += px;
      c.sy += py;
      var p = this.people[i];
      if (p === p) { c.people += p; c.known++; }
      if (c.members.length < o.listMax) { c.members.push(i); }
    }
    var list = Array.from(cells.values());
    if (evacuations) {
      // Big circles first, so small ones stay clickable on top.
      list.sort(function (a, b) { return b.people - a.people; });
    }
    for (var q = 0; q < list.length; q++) {
      var cl = list[q];
      if (cl.n === 1) {
        group.addLayer(evacuations ? this._circle(cl.first) : this._marker(cl.first));
      } else {
        var at = this.map.unproject(L.point(cl.sx / cl.n, cl.sy / cl.n), v.z);
        group.addLayer(evacuations ? this._evacCluster(cl, at) : this._cluster(cl, at));
      }
      this.drawn++;
    }
  };

  GeoMap.prototype._latlng = function (i) { return L.latLng(this.lat[i], this.lon[i]); };

  GeoMap.prototype._typeName = function (i) { return this.meta.types[this.type[i]]; };

  GeoMap.prototype._icon = function (t) {
    var s = this.opts.symbols[t] || this.opts.symbols.other, px = this.opts.iconPx;
    if (!this.icons[t]) {
      this.icons[t] = L.divIcon({
        html: s.html, className: "geo-event geo-event-" + t, iconSize: [px, px],
        iconAnchor: [px / 2, px / 2], popupAnchor: [0, -px / 2]
      });
    }
    return this.icons[t];
  };

  GeoMap.prototype._marker = function (i) {
    var t = this._typeName(i), s = this.opts.symbols[t] || this.opts.symbols.other;
    var marker = L.marker(this._latlng(i), { icon: this._icon(t), title: s.label, riseOnHover: true });
    this._bindEventPopup(marker, [i]);
    return marker;
  };

  GeoMap.prototype._radius = function (people) {
    if (!(people > 0)) { return 5; }
    return Math.round(Math.min(40, 5 + 0.12 * Math.sqrt(people)) * 100) / 100;
  };

  GeoMap.prototype._circle = function (i) {
    var t = this._typeName(i), colour = (this.opts.colours[t] || this.opts.colours.other);
    var p = this.people[i], known = p === p;
    var circle = L.circleMarker(this._latlng(i), {
      radius: this._radius(known ? p : 0), color: colour, fillColor: colour, weight: 1.5,
      fillOpacity: known ? 0.45 : 0.2, dashArray: known ? null : "3 3"
    });
    this._bindEventPopup(circle, [i]);
    return circle;
  };

  GeoMap.prototype._cluster = function (cl, at) {
    var size = cl.n < 10 ? "small" : cl.n < 100 ? "medium" : "large", d = 40;
    var marker = L.marker(at, {
      icon: L.divIcon({
        html: "<div><span>" + cl.n.toLocaleString("en") + "</span></div>",
        className: "marker-cluster marker-cluster-" + size, iconSize: L.point(d, d)
      }),
      title: cl.n + " events"
    });
    this._clusterClick(marker, cl, at);
    return marker;
  };

  GeoMap.prototype._evacCluster = function (cl, at) {
    var colour = this.opts.colours.evacuation;
    var circle = L.circleMarker(at, {
      radius: this._radius(cl.people), color: colour, fillColor: colour, weight: 2,
      fillOpacity: 0.35
    });
    circle.bindTooltip(cl.n + " evacuation/displacement events" +
      (cl.known ? " · " + Math.round(cl.people).toLocaleString("en") + " people reported" : ""),
      { sticky: true });
    this._clusterClick(circle, cl, at);
    return circle;
  };

  GeoMap.prototype._clusterClick = function (layer, cl, at) {
    var self = this;
    if (this.map.getZoom() < this.opts.clusterOffZoom) {
      layer.on("click", function () {
        self.map.setView(at, Math.min(self.map.getZoom() + 2, self.opts.clusterOffZoom));
      });
    } else {
      // Events at one spot: a list of their popups instead of a spiderfied fan.
      this._bindEventPopup(layer, cl.members, cl.n);
    }
  };

  /* -- popups --------------------------------------------------------------------------- */

  GeoMap.prototype._chunk = function (k) {
    if (!this.chunks[k]) {
      this.chunks[k] = fetchJson(this.opts.url + this.meta.popups.replace("*", k));
    }
    return this.chunks[k];
  };

  GeoMap.prototype.popupHtml = function (i) {
    var self = this, size = this.meta.chunk;
    return this._chunk(Math.floor(i / size)).then(function (data) {
      var p = data.p[i % size], label = self.opts.labels;
      var h = '<div class="geo-popup"><b>' + (label[p[0]] || label.other) + "</b>";
      if (p[1]) { h += " \u00b7 " + p[1]; }
      if (p[2]) { h += "<br>" + p[2]; }
      if (p[3]) { h += "<br>" + p[3]; }
      if (p[4]) { h += "<br><i>" + p[4] + "</i>"; }
      if (p[5] !== null && data.s[p[5]]) { h += "<br>Source: " + data.s[p[5]]; }
      return h + "</div>";
    });
  };

  GeoMap.prototype._bindEventPopup = function (layer, members, total) {
    var self = this;
    layer.bindPopup("\u2026", { maxWidth: 360, maxHeight: 320 });
    layer.on("popupopen", function () {
      Promise.all(members.map(function (i) { return self.popupHtml(i); })).then(function (parts) {
        var more = total && total > members.length ? "<br><i>and " + (total - members.length) +
          " more; narrow the date range to see them</i>" : "";
        layer.setPopupContent(parts.join("<hr>") + more);
      });
    });
  };

  /* -- places and oblasts --------------------------------------------------------------- */

  GeoMap.prototype._drawPlaces = function (group) {
    group.clearLayers();
    if (!this.map.hasLayer(group)) { return; }
    var P = this.meta.places, st = this.placeStats, bounds = this.map.getBounds().pad(0.1);
    for (var p = 0; p < P.name.length; p++) {
      var m = st.mentions[p];
      if (!m || !bounds.contains([P.lat[p], P.lon[p]])) { continue; }
      var circle = L.circleMarker([P.lat[p], P.lon[p]], {
        radius: 3 + Math.min(4, Math.log2(1 + m)), color: "#ffffff", weight: 1,
        fillColor: this.opts.placeColour, fillOpacity: 0.85
      });
      circle.bindTooltip("<b>" + P.name[p] + "</b> \u00b7 " + m + (m === 1 ? " mention" : " mentions"),
        { sticky: true });
      circle.bindPopup(this._placePopup.bind(this, p), { maxWidth: 320 });
      group.addLayer(circle);
      this.drawn++;
    }
  };

  GeoMap.prototype._placePopup = function (p) {
    var P = this.meta.places, st = this.placeStats, lines = P.lines[p].slice();
    lines.splice(P.at[p], 0, "Mentions: " + st.mentions[p].toLocaleString("en") + " in " +
      st.articles[p].toLocaleString("en") + " article(s)");
    var seen = [];
    if (st.last[p] !== UNDATED) {
      seen.push(isoDay(st.first[p]));
      if (st.last[p] !== st.first[p]) { seen.push(isoDay(st.last[p])); }
      lines.push("Seen: " + seen.join(" \u2013 "));
    }
    return '<div class="geo-popup"><b>' + P.name[p] + "</b><br>" + lines.join("<br>") + "</div>";
  };

  GeoMap.prototype._oblastStyle = function (feature) {
    var n = this.perOblast ? this.perOblast[feature.properties.i] : 0, colour = this.opts.ramp[0][2];
    for (var r = 0; r < this.opts.ramp.length; r++) {
      var bin = this.opts.ramp[r];
      if (n >= bin[0] && (bin[1] === null || n <= bin[1])) { colour = bin[2]; break; }
    }
    return { fillColor: colour, fillOpacity: n ? 0.55 : 0.12, color: "#6b6b6b", weight: 0.8 };
  };

  GeoMap.prototype._oblastLayer = function (geojson) {
    var self = this;
    this.oblastLayer = L.geoJSON(geojson, {
      style: this._oblastStyle.bind(this),
      onEachFeature: function (feature, layer) {
        layer.bindTooltip(function () {
          var n = self.perOblast ? self.perOblast[feature.properties.i] : 0;
          return feature.properties.tip + "<br>" + n.toLocaleString("en") +
            (n === 1 ? " event" : " events");
        }, { sticky: true });
        layer.on("mouseover", function () { layer.setStyle({ weight: 2.5, color: "#222222" }); });
        layer.on("mouseout", function () { self.oblastLayer.resetStyle(layer); });
      }
    });
    this.groups.oblasts.addLayer(this.oblastLayer);
  };

  /* -- focus: a table row flies the map to its event ------------------------------------ */

  GeoMap.prototype.focus = function (f) {
    if (!f) { this.lastFocus = null; return; }
    if (f.id === this.lastFocus) { return; }  // the same row, re-sent with another change
    this.lastFocus = f.id;
    if (!this.ready) { this.pendingFocus = f; return; }
    this._focusNow(f);
  };

  GeoMap.prototype._focusNow = function (f) {
    var self = this, i = f.i, size = this.meta.chunk;
    if (!(i >= 0 && i < this.meta.n)) { return; }
    this._chunk(Math.floor(i / size)).then(function (data) {
      if (!data.id || data.id[i % size] !== f.id) { return; }  // another revision's row
      var at = self._latlng(i);
      self.map.setView(at, Math.max(self.map.getZoom(), self.opts.clusterOffZoom));
      return self.popupHtml(i).then(function (h) {
        self.focused = i;
        L.popup({ maxWidth: 360, maxHeight: 320, className: "geo-focus" })
          .setLatLng(at).setContent(h).openOn(self.map);
      });
    });
  };

  /* -- playback: a window stepped through the range, in the browser ---------------------- */

  var UNITS = { day: "day", week: "week", month: "month" };
  var WINDOWS = [1, 7, 14, 30, 91];

  function stepDay(day, unit, sign) {
    if (unit === "week") { return day + 7 * sign; }
    if (unit !== "month") { return day + sign; }
    var d = new Date(day * 86400000);
    d.setUTCMonth(d.getUTCMonth() + sign);
    return Math.round(d.getTime() / 86400000);
  }

  GeoMap.prototype._bounds = function () {
    if (this.range) { return this.range; }
    var n = this.meta ? this.meta.n : 0;
    return n ? [this.d0[0], this.d0[n - 1]] : null;
  };

  GeoMap.prototype._showWindow = function (at) {
    var r = this._bounds();
    if (!r) { return; }
    at = Math.max(r[0], Math.min(at, r[1]));
    this.play.at = at;
    this.window = [at, Math.min(at + this.play.win - 1, r[1])];
    if (this.ready) { this._filter(); this._draw(); }
    this._playLabel();
  };

  /* Step the window by the unit (sign 1 or -1); at the range's end playback stops. */
  GeoMap.prototype.step = function (sign) {
    var r = this._bounds();
    if (!r) { return false; }
    if (this.play.at === null) { this._showWindow(r[0]); return true; }
    var next = stepDay(this.play.at, this.play.unit, sign);
    if (next > r[1] || next < r[0]) { this.pause(); return false; }
    this._showWindow(next);
    return true;
  };

  GeoMap.prototype.playing = function () { return this.play.timer !== null; };

  GeoMap.prototype.start = function () {
    var self = this;
    if (this.playing()) { return; }
    if (this.play.at === null) { this.step(1); }
    this.play.timer = setInterval(function () { self.step(1); }, this.opts.playMs || 900);
    this._playLabel();
  };

  GeoMap.prototype.pause = function () {
    if (this.play.timer !== null) { clearInterval(this.play.timer); }
    this.play.timer = null;
    this._playLabel();
  };

  GeoMap.prototype._stopPlay = function () {
    this.pause();
    this.play.at = null;
    this.window = null;
    this._playLabel();
  };

  /* Back to the sidebar's whole range. */
  GeoMap.prototype.reset = function () {
    this._stopPlay();
    if (this.ready) { this._filter(); this._draw(); }
  };

  GeoMap.prototype.setPlayback = function (unit, win) {
    if (unit && UNITS[unit]) { this.play.unit = unit; }
    if (win > 0) { this.play.win = win; }
    if (this.play.at !== null) { this._showWindow(this.play.at); }
  };

  GeoMap.prototype._playLabel = function () {
    if (!this.playUi) { return; }
    var w = this.window;
    this.playUi.label.textContent = w ? isoDay(w[0]) + (w[1] !== w[0] ? " \u2013 " + isoDay(w[1]) : "")
      : "whole range";
    // Glyphs every system font has (the media-control block is missing from many).
    this.playUi.play.textContent = this.playing() ? "II" : "\u25b6";
    this.playUi.play.title = this.playing() ? "Pause" : "Play";
  };

  GeoMap.prototype._playControl = function () {
    var self = this;
    var Control = L.Control.extend({
      options: { position: "bottomleft" },
      onAdd: function () {
        var box = L.DomUtil.create("div", "geo-play leaflet-bar");
        box.style.cssText = "background:#fff;padding:3px 6px;font:12px sans-serif;" +
          "display:flex;gap:4px;align-items:center";
        function button(text, title, fn, name) {
          var b = L.DomUtil.create("a", "geo-play-" + name, box);
          b.href = "#";
          b.role = "button";
          b.textContent = text;
          b.title = title;
          b.style.cssText = "position:static;width:22px;height:22px;line-height:22px;" +
            "border:none;text-align:center;cursor:pointer";
          L.DomEvent.on(b, "click", function (e) { L.DomEvent.preventDefault(e); fn(); });
          return b;
        }
        function select(title, values, labels, value, fn, name) {
          var s = L.DomUtil.create("select", "geo-play-" + name, box);
          s.title = title;
          values.forEach(function (v, k) {
            var o = L.DomUtil.create("option", "", s);
            o.value = v;
            o.textContent = labels[k];
            if (v === value) { o.selected = true; }
          });
          L.DomEvent.on(s, "change", function () { fn(s.value); });
          return s;
        }
        button("\u00ab", "Back one step", function () { self.pause(); self.step(-1); }, "back");
        var play = button("\u25b6", "Play", function () {
          if (self.playing()) { self.pause(); } else { self.start(); }
        }, "play");
        button("\u00bb", "Forward one step", function () { self.pause(); self.step(1); }, "fwd");
        button("\u25a0", "Stop: back to the whole range", function () { self.reset(); }, "stop");
        select("Step", ["day", "week", "month"], ["day", "week", "month"], self.play.unit,
          function (v) { self.setPlayback(v, 0); }, "unit");
        select("Window", WINDOWS.map(String), WINDOWS.map(function (d) {
          return d === 1 ? "1 day" : d + " days";
        }), String(self.play.win), function (v) { self.setPlayback(null, parseInt(v, 10)); }, "win");
        var label = L.DomUtil.create("span", "geo-play-label", box);
        label.style.cssText = "min-width:150px;padding-left:4px";
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        self.playUi = { play: play, label: label };
        self._playLabel();
        return box;
      }
    });
    this.playCtl = new Control().addTo(this.map);
  };

  /* -- what tests and benchmarks read ---------------------------------------------------- */

  GeoMap.prototype.state = function () {
    return {
      ready: this.ready, range: this.range, inRange: this.ready ? this.inRange.length : null,
      drawn: this.drawn, n: this.meta ? this.meta.n : null, ms: this.ms, filter: this.filter,
      window: this.window, playing: this.playing(), focused: this.focused
    };
  };

  window.GeoMap = {
    attach: function (map, groups, opts) {
      window.geoMap = new GeoMap(map, groups, opts);
      return window.geoMap;
    },
    setRange: function (start, end) {
      window.GeoMapRange = [start, end];
      if (window.geoMap) { window.geoMap.setRange(start, end); }
    },
    update: function (view) {
      window.GeoMapView = view;
      if (window.geoMap) { window.geoMap.update(view); }
    },
    esc: esc,
    decode: decode,
    decodeOblasts: decodeOblasts
  };
})();
