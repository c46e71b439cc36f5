/* Offline basemap names and lines, drawn on canvas tiles over the relief (geo/maps/labels.py).
 *
 * GeoLabels.layer({url, script}) returns one Leaflet layer holding two grid layers: lines
 * (coasts, rivers, borders) just above the relief, names above the map's areas. Which name
 * shows at which zoom was decided when the files were written (collisions included), so
 * every tile draws the same names and a name cut by a tile edge continues in the next.
 */
(function () {
  "use strict";
  if (window.GeoLabels) { return; }

  var TILE = 256;
  var LINE_STYLE = {
    coast: { color: "#4f7fa8", width: [0.8, 1, 1.2] },
    river: { color: "#3f8fd0", width: [0.8, 1.1, 1.5] },
    border: { color: "#4a3a5a", width: [1.4, 1.8, 2.4] },
    admin1: { color: "#7b6a8c", width: [0.7, 0.9, 1.2], dash: [4, 3] }
  };

  function mercX(lon) { return (lon + 180) / 360; }
  function mercY(lat) {
    lat = Math.max(-85.05, Math.min(85.05, lat));
    var s = Math.sin(lat * Math.PI / 180);
    return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
  }

  function getJSON(url, noCache) {
    return fetch(url, noCache ? { cache: "no-cache" } : {}).then(function (r) {
      if (!r.ok) { throw new Error(url + ": " + r.status); }
      return r.json();
    });
  }

  /* The files of one script: manifest, label sets and line bands, fetched once each. */
  function Store(url, script) {
    var self = this;
    this.ready = getJSON(url + "/index.json", true).then(function (index) {
      if (!index[script]) { throw new Error("no labels for script " + script); }
      self.base = url + "/" + index[script];
      return getJSON(self.base + "/manifest.json");
    }).then(function (m) {
      self.m = m;
      self.chunks = {};
      Object.keys(m.chunks).forEach(function (z) {
        var set = {};
        m.chunks[z].forEach(function (c) { set[c] = true; });
        self.chunks[z] = set;
      });
      return self;
    });
    this.files = {};
  }

  Store.prototype.file = function (rel, decode) {
    var f = this.files[rel];
    if (!f) {
      f = this.files[rel] = getJSON(this.base + "/" + rel).then(decode, function () { return []; });
    }
    return f;
  };

  function decodeLabels(rows) {
    return rows.map(function (r) {
      var lon = r[0] / 1e4, lat = r[1] / 1e4;
      return { x: mercX(lon), y: mercY(lat), name: r[2], style: r[3] };
    });
  }

  function decodeLines(doc) {
    var s = doc.scale;
    return doc.lines.map(function (r) {
      var n = (r.length - 1) / 2, xs = new Float64Array(n), ys = new Float64Array(n);
      var lon = 0, lat = 0, x0 = 1, y0 = 1, x1 = 0, y1 = 0;
      for (var i = 0; i < n; i++) {
        lon += r[1 + 2 * i]; lat += r[2 + 2 * i];
        var x = mercX(lon / s), y = mercY(lat / s);
        xs[i] = x; ys[i] = y;
        if (x < x0) { x0 = x; } if (x > x1) { x1 = x; }
        if (y < y0) { y0 = y; } if (y > y1) { y1 = y; }
      }
      return { kind: doc.kinds[r[0]], xs: xs, ys: ys, box: [x0, y0, x1, y1] };
    });
  }

  /* Every label set that may hold a name drawn on tile (x, y, z). */
  Store.prototype.labelsFor = function (x, y, z) {
    var m = this.m, want = [];
    var top = Math.min(z, m.maxZoom);
    for (var k = 0; k <= top; k++) {
      if (k < m.chunkFrom) {
        if (m.zooms.indexOf(k) >= 0) { want.push(this.file("z" + k + ".json", decodeLabels)); }
        continue;
      }
      // Names are chunked by zoom-6 tile: a name near a chunk's edge may reach this tile.
      var shift = Math.pow(2, z - m.chunkZoom), cx = Math.floor(x / shift), cy = Math.floor(y / shift);
      var set = this.chunks[String(k)] || {};
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var c = (cx + dx) + "_" + (cy + dy);
          if (set[c]) { want.push(this.file("z" + k + "/" + c + ".json", decodeLabels)); }
        }
      }
    }
    return Promise.all(want);
  };

  Store.prototype.linesFor = function (z) {
    var bands = this.m.lineBands, band = bands[0];
    for (var i = 0; i < bands.length; i++) { if (z >= bands[i]) { band = bands[i]; } }
    return this.file("lines" + band + ".json", decodeLines).then(function (lines) {
      return { lines: lines, level: bands.indexOf(band) };
    });
  };

  function canvasFor(layer) {
    var c = document.createElement("canvas"), r = window.devicePixelRatio || 1;
    var size = layer.getTileSize();
    c.width = size.x * r; c.height = size.y * r;
    c.style.width = size.x + "px"; c.style.height = size.y + "px";
    var ctx = c.getContext("2d");
    ctx.scale(r, r);
    return { canvas: c, ctx: ctx };
  }

  function drawLines(ctx, data, coords) {
    var scale = TILE * Math.pow(2, coords.z), ox = coords.x * TILE, oy = coords.y * TILE;
    var pad = 4 / scale, bx0 = coords.x * TILE / scale - pad, by0 = coords.y * TILE / scale - pad;
    var bx1 = (coords.x + 1) * TILE / scale + pad, by1 = (coords.y + 1) * TILE / scale + pad;
    ctx.lineJoin = "round"; ctx.lineCap = "round";
    ["coast", "river", "admin1", "border"].forEach(function (kind) {
      var st = LINE_STYLE[kind];
      ctx.strokeStyle = st.color;
      ctx.lineWidth = st.width[data.level];
      ctx.setLineDash(st.dash || []);
      ctx.beginPath();
      data.lines.forEach(function (ln) {
        var b = ln.box;
        if (ln.kind !== kind || b[2] < bx0 || b[0] > bx1 || b[3] < by0 || b[1] > by1) { return; }
        for (var i = 0; i < ln.xs.length; i++) {
          var px = ln.xs[i] * scale - ox, py = ln.ys[i] * scale - oy;
          if (i === 0) { ctx.moveTo(px, py); } else { ctx.lineTo(px, py); }
        }
      });
      ctx.stroke();
    });
  }

  function drawLabels(ctx, sets, styles, coords) {
    var scale = TILE * Math.pow(2, coords.z), ox = coords.x * TILE, oy = coords.y * TILE;
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    sets.forEach(function (set) {
      set.forEach(function (lb) {
        var st = styles[lb.style];
        if (coords.z > st.maxZoom) { return; }
        var px = lb.x * scale - ox, py = lb.y * scale - oy;
        // Widest name ~ 40 glyphs: anything farther than that from the tile cannot reach it.
        var reach = st.size * 26;
        if (px < -reach || px > TILE + reach || py < -st.size || py > TILE + st.size) { return; }
        var text = st.caps ? lb.name.toUpperCase() : lb.name;
        ctx.font = st.font;
        var tx = px, align = "center";
        if (st.anchor === "dot") {
          ctx.beginPath();
          ctx.arc(px, py, st.size >= 13 ? 3.2 : 2.4, 0, 2 * Math.PI);
          ctx.fillStyle = "#fff"; ctx.fill();
          ctx.lineWidth = 1.4; ctx.strokeStyle = st.color; ctx.stroke();
          tx = px + 6; align = "left";
        }
        ctx.textAlign = align;
        if (st.caps && "letterSpacing" in ctx) { ctx.letterSpacing = "1px"; }
        ctx.lineWidth = 3.5; ctx.strokeStyle = "rgba(255,255,255,0.92)";
        ctx.strokeText(text, tx, py);
        ctx.fillStyle = st.color;
        ctx.fillText(text, tx, py);
        if ("letterSpacing" in ctx) { ctx.letterSpacing = "0px"; }
      });
    });
  }

  function gridLayer(store, pane, draw, attribution) {
    var Grid = L.GridLayer.extend({
      createTile: function (coords, done) {
        var c = canvasFor(this);
        store.ready.then(function () { return draw(c.ctx, coords); })
          .then(function () { done(null, c.canvas); },
            function (err) { done(null, c.canvas); if (window.console) { console.warn(err); } });
        return c.canvas;
      }
    });
    return new Grid({
      pane: pane, updateWhenZooming: false, keepBuffer: 1, attribution: attribution || ""
    });
  }

  function ensurePane(map, name, zIndex) {
    if (!map.getPane(name)) {
      var p = map.createPane(name);
      p.style.zIndex = zIndex;
      p.style.pointerEvents = "none";
    }
  }

  var GeoLabelsLayer = L.Layer.extend({
    initialize: function (options) {
      var store = new Store(options.url, options.script || "latin");
      this._lines = gridLayer(store, "geoLinesPane", function (ctx, coords) {
        return store.linesFor(coords.z).then(function (d) { drawLines(ctx, d, coords); });
      });
      this._labels = gridLayer(store, "geoLabelsPane", function (ctx, coords) {
        return store.labelsFor(coords.x, coords.y, coords.z).then(function (sets) {
          drawLabels(ctx, sets, store.m.styles, coords);
        });
      }, options.attribution);
    },
    onAdd: function (map) {
      // Lines just above the relief (tiles: 200), names above areas (overlays: 400) and
      // below markers and popups (600+).
      ensurePane(map, "geoLinesPane", 250);
      ensurePane(map, "geoLabelsPane", 450);
      map.addLayer(this._lines);
      map.addLayer(this._labels);
    },
    onRemove: function (map) {
      map.removeLayer(this._lines);
      map.removeLayer(this._labels);
    }
  });

  window.GeoLabels = {
    layer: function (options) { return new GeoLabelsLayer(options); }
  };
})();
