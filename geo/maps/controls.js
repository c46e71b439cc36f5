/* The map's tools: find a place, density view, wheel zoom on focus, popup padding, PNG export.
 *
 * Our own code (geo/maps/controls.py adds it to every map and serves it from ./static/lib,
 * like geomap.js). Fullscreen, distance measuring and the heat layer's drawing are folium's
 * plugins (Leaflet.fullscreen, leaflet-measure, Leaflet.heat), served locally.
 *
 * Find: the names index (geo/maps/search.py) is fetched the first time the box is used, then
 * searched here: names folded alike (case, accents, Cyrillic or Latin), exact names first,
 * then prefixes; the index is in rank order (Ukraine and the border regions first, then size).
 * PNG: the view is drawn into one canvas from what Leaflet shows (tiles are same-origin, so
 * the canvas stays readable), with the legend and the date range printed on it.
 */
(function () {
  "use strict";

  var CSS = [
    ".geo-search{background:#fff;border-radius:4px;box-shadow:0 1px 5px rgba(0,0,0,.4);",
    "clear:none!important;width:260px;font:13px/1.3 system-ui,sans-serif}",
    ".geo-search input{box-sizing:border-box;width:100%;border:0;padding:7px 9px;",
    "font:inherit;border-radius:4px;outline:none}",
    ".geo-search input:focus{box-shadow:inset 0 0 0 2px #51708f}",
    /* The list floats over the map, so the tools below the box never move. */
    ".geo-search{position:relative}",
    ".geo-search ul{list-style:none;margin:0;padding:0;max-height:260px;overflow:auto;",
    "position:absolute;left:0;right:0;top:100%;background:#fff;border-radius:0 0 4px 4px;",
    "box-shadow:0 3px 5px rgba(0,0,0,.3);border-top:1px solid #ddd}",
    ".geo-search ul:empty{display:none}",
    ".geo-search li{padding:5px 9px;cursor:pointer}",
    ".geo-search li small{color:#555;display:block}",
    ".geo-search li.on,.geo-search li:hover{background:#e8eef5}",
    ".geo-search .geo-note{padding:5px 9px;color:#555;cursor:default}",
    ".geo-tool a{font:bold 11px/30px system-ui,sans-serif!important;width:auto!important;",
    "padding:0 6px;color:#222}",
    ".geo-found{background:#fff;border:3px solid #1d2633;border-radius:50%;",
    "box-shadow:0 0 0 3px rgba(255,255,255,.8)}",
    ".geo-hint{position:absolute;inset:0;display:flex;align-items:center;",
    "justify-content:center;background:rgba(0,0,0,.35);color:#fff;",
    "font:600 15px system-ui,sans-serif;z-index:1000;pointer-events:none;opacity:0;",
    "transition:opacity .25s}",
    ".geo-hint.on{opacity:1}",
    /* Cluster bubbles: white and slate with a dark ring and the count, so they cannot be
       read as an event symbol (small solid colour shapes with a white outline). */
    ".marker-cluster-small,.marker-cluster-medium,.marker-cluster-large",
    "{background-color:rgba(255,255,255,.6)!important}",
    ".marker-cluster-small div{background-color:#eef1f5!important}",
    ".marker-cluster-medium div{background-color:#d5dde7!important}",
    ".marker-cluster-large div{background-color:#b3c1d1!important}",
    ".marker-cluster div{box-sizing:border-box;border:2px solid #2f3e55;color:#1d2633;",
    "font-weight:700}",
    ".marker-cluster span{line-height:26px!important}"
  ].join("");

  function addCss() {
    if (document.getElementById("geo-controls-css")) { return; }
    var style = document.createElement("style");
    style.id = "geo-controls-css";
    style.textContent = CSS;
    document.head.appendChild(style);
  }

  /* leaflet-measure restyles its vertices through their SVG paths, which a canvas-drawn
     map (preferCanvas) does not give them: its layers get an SVG renderer of their own. */
  function measureOnSvg() {
    if (L.Map.prototype._geoMeasureSvg) { return; }
    var getRenderer = L.Map.prototype.getRenderer;
    L.Map.prototype._geoMeasureSvg = true;
    L.Map.prototype.getRenderer = function (layer) {
      var cls = layer.options && layer.options.className;
      if (typeof cls === "string" && cls.lastIndexOf("layer-measure", 0) === 0) {
        if (!this._geoSvg) { this._geoSvg = L.svg(); }
        if (!this.hasLayer(this._geoSvg)) { this.addLayer(this._geoSvg); }
        return this._geoSvg;
      }
      return getRenderer.call(this, layer);
    };
  }

  function isoDay(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }

  /* -- names: folding and search (the same rules as geo/maps/search.py) ------------------ */

  function fold(table, text) {
    var s = String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    s = s.replace(/['\u2019\u02bc`\u00b4\u02b9]/g, "").replace(/[-\u2010-\u2014]/g, " ");
    s = s.replace(/\./g, "");
    var out = "";
    for (var ch of s) { out += Object.prototype.hasOwnProperty.call(table, ch) ? table[ch] : ch; }
    return out.split(/\s+/).filter(Boolean).join(" ");
  }

  function classify(key, q, main) {
    if (key === q) { return main ? 0 : 1; }
    if (key.lastIndexOf(q, 0) === 0) { return main ? 2 : 3; }
    if (key.indexOf(" " + q) >= 0) { return 4; }
    return 5;
  }

  function Names(data) {
    this.d = data;
    var table = data.fold;
    this.folded = data.places.name.map(function (n) { return fold(table, n); });
  }

  Names.prototype.search = function (query, limit) {
    var q = fold(this.d.fold, query), best = new Map();
    if (!q) { return []; }
    function see(key, p, main) {
      var c = classify(key, q, main);
      if (c < 5 && (!best.has(p) || c < best.get(p))) { best.set(p, c); }
    }
    this.folded.forEach(function (k, p) { see(k, p, 1); });
    var keys = this.d.keys, place = this.d.place;
    for (var j = 0; j < keys.length; j++) { see(keys[j], place[j], 0); }
    var P = this.d.places, d = this.d;
    return Array.from(best.keys()).sort(function (a, b) {
      return best.get(a) - best.get(b) || a - b;
    }).slice(0, limit || 8).map(function (p) {
      return {
        name: P.name[p], kind: P.kind[p], lat: P.lat[p] / 1e3, lon: P.lon[p] / 1e3,
        region: P.region[p] >= 0 ? d.regions[P.region[p]] : "",
        country: P.country[p] >= 0 ? d.countries[P.country[p]] : ""
      };
    });
  };

  function where(hit) {
    var parts = [hit.region, hit.country].filter(function (x) { return x && x !== hit.name; });
    return (hit.kind !== "place" ? hit.kind + (parts.length ? " · " : "") : "") + parts.join(", ");
  }

  var ZOOM = { country: 5, region: 7, district: 9, place: 11 };

  /* -- the controls ------------------------------------------------------------------- */

  function GeoControls(map, heatGroup, opts) {
    this.map = map;
    this.opts = opts || {};
    this.heatGroup = heatGroup;
    this.found = null;
    this.lastPng = null;
    addCss();
    measureOnSvg();
    if (this.opts.search) { this._search(); }
    this._tools();
    this._wheel();
    this._popups();
    if (heatGroup) { this._heatSetup(); }
  }

  GeoControls.prototype._search = function () {
    var self = this, map = this.map;
    var Search = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var box = L.DomUtil.create("div", "leaflet-control geo-search");
        var input = L.DomUtil.create("input", "", box);
        input.type = "search";
        input.placeholder = "Find a place\u2026";
        input.setAttribute("aria-label", "Find a place");
        var list = L.DomUtil.create("ul", "", box);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        self.input = input;
        self.list = list;
        var timer = null;
        input.addEventListener("focus", function () { self._names(); });
        input.addEventListener("input", function () {
          clearTimeout(timer);
          timer = setTimeout(function () { self._suggest(input.value); }, 80);
        });
        input.addEventListener("keydown", function (e) {
          var items = list.querySelectorAll("li[data-i]"), on = list.querySelector("li.on");
          var k = on ? Array.prototype.indexOf.call(items, on) : -1;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            if (!items.length) { return; }
            if (on) { on.classList.remove("on"); }
            k = e.key === "ArrowDown" ? Math.min(items.length - 1, k + 1) : Math.max(0, k - 1);
            items[k].classList.add("on");
          } else if (e.key === "Enter") {
            e.preventDefault();
            clearTimeout(timer);
            self._suggest(input.value).then(function () {
              var pick = list.querySelector("li.on") || list.querySelector("li[data-i]");
              if (pick) { self.go(self.hits[+pick.dataset.i]); }
            });
          } else if (e.key === "Escape") {
            input.value = "";
            list.innerHTML = "";
          }
        });
        return box;
      }
    });
    this.searchControl = new Search().addTo(map);
    // Beside the zoom buttons, not above the other tools (popup padding counts on that).
    var corner = this.searchControl.getContainer().parentNode;
    corner.insertBefore(this.searchControl.getContainer(), corner.firstChild.nextSibling);
  };

  GeoControls.prototype._names = function () {
    var self = this;
    if (!this.namesLoading) {
      this.namesLoading = fetch(this.opts.search).then(function (r) {
        if (!r.ok) { throw new Error(self.opts.search + ": " + r.status); }
        return r.json();
      }).then(function (data) {
        self.names = new Names(data);
        return self.names;
      });
    }
    return this.namesLoading;
  };

  GeoControls.prototype._note = function (text) {
    this.list.innerHTML = "";
    var li = L.DomUtil.create("li", "geo-note", this.list);
    li.textContent = text;
  };

  GeoControls.prototype._suggest = function (query) {
    var self = this;
    if (!query.trim()) {
      this.list.innerHTML = "";
      this.hits = [];
      return Promise.resolve([]);
    }
    if (!this.names) { this._note("Loading place names\u2026"); }
    return this._names().then(function (names) {
      if (self.input.value !== query) { return self.hits || []; }
      self.hits = names.search(query, 8);
      self.list.innerHTML = "";
      if (!self.hits.length) { self._note("No place of that name in the offline gazetteer"); }
      self.hits.forEach(function (hit, i) {
        var li = L.DomUtil.create("li", "", self.list);
        li.dataset.i = i;
        li.appendChild(document.createTextNode(hit.name));
        var small = L.DomUtil.create("small", "", li);
        small.textContent = where(hit);
        li.addEventListener("click", function () { self.go(hit); });
      });
      return self.hits;
    }, function () { self._note("The place names could not be loaded"); return []; });
  };

  /** Fly to a search hit and mark it. */
  GeoControls.prototype.go = function (hit) {
    var map = this.map, zoom = Math.min(ZOOM[hit.kind] || 11, map.getMaxZoom());
    this.found = hit;
    this.input.value = hit.name;
    this.list.innerHTML = "";
    if (this.pin) { map.removeLayer(this.pin); }
    this.pin = L.marker([hit.lat, hit.lon], {
      icon: L.divIcon({ className: "geo-found", iconSize: [14, 14] }), keyboard: false,
      interactive: false
    }).bindTooltip(hit.name + (where(hit) ? ", " + where(hit) : ""), {
      permanent: true, direction: "right", offset: [10, 0]
    }).addTo(map);
    map.flyTo([hit.lat, hit.lon], zoom, { duration: 0.8 });
  };

  /* Export button (the other tools are folium's plugins). */
  GeoControls.prototype._tools = function () {
    var self = this;
    var Tools = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var bar = L.DomUtil.create("div", "leaflet-bar leaflet-control geo-tool");
        var a = L.DomUtil.create("a", "geo-png", bar);
        a.href = "#";
        a.textContent = "PNG";
        a.title = "Save this view as a PNG image, with legend and date range";
        a.setAttribute("role", "button");
        L.DomEvent.disableClickPropagation(bar);
        L.DomEvent.on(a, "click", function (e) {
          L.DomEvent.preventDefault(e);
          self.savePng();
        });
        return bar;
      }
    });
    new Tools().addTo(this.map);
  };

  /* -- the mouse wheel zooms only once the map was clicked ---------------------------- */

  GeoControls.prototype._wheel = function () {
    var map = this.map, box = map.getContainer(), hint = L.DomUtil.create("div", "geo-hint", box);
    hint.textContent = "Click the map to zoom with the mouse wheel";
    var timer = null;
    map.scrollWheelZoom.disable();
    box.addEventListener("mousedown", function () { map.scrollWheelZoom.enable(); });
    box.addEventListener("mouseleave", function () { map.scrollWheelZoom.disable(); });
    box.addEventListener("wheel", function () {
      if (map.scrollWheelZoom.enabled()) { return; }
      hint.classList.add("on");
      clearTimeout(timer);
      timer = setTimeout(function () { hint.classList.remove("on"); }, 1200);
    }, { passive: true });
  };

  /* -- popups keep clear of the controls ------------------------------------------------ */

  GeoControls.prototype.padding = function () {
    var box = this.map.getContainer(), r = box.getBoundingClientRect(), gap = 8;
    var left = 10, top = 10, right = 10, bottom = 10;
    box.querySelectorAll(".leaflet-top.leaflet-left > .leaflet-control").forEach(function (c) {
      var b = c.getBoundingClientRect();
      if (c.classList.contains("geo-search")) { top = Math.max(top, b.bottom - r.top + gap); }
      else { left = Math.max(left, b.right - r.left + gap); }
    });
    box.querySelectorAll(".leaflet-top.leaflet-right > .leaflet-control").forEach(function (c) {
      var b = c.getBoundingClientRect();
      if (b.width && b.width < r.width / 2) { right = Math.max(right, r.right - b.left + gap); }
    });
    box.querySelectorAll(".leaflet-bottom > .leaflet-control").forEach(function (c) {
      var b = c.getBoundingClientRect();
      if (b.height) { bottom = Math.max(bottom, r.bottom - b.top + gap); }
    });
    return { topLeft: L.point(left, top), topRight: L.point(right, top), bottomRight: L.point(right, bottom) };
  };

  GeoControls.prototype._popups = function () {
    var self = this;
    function pad(options) {
      var p = self.padding();
      options.autoPanPaddingTopLeft = p.topLeft;
      options.autoPanPaddingTopRight = p.topRight;
      options.autoPanPaddingBottomRight = p.bottomRight;
    }
    // Popups made from now on pan with the padding of the controls as they are now; one
    // opened after the controls changed size is panned again once it is on the map.
    this.map.whenReady(function () { pad(L.Popup.prototype.options); });
    this.map.on("popupopen", function (e) {
      pad(L.Popup.prototype.options);
      setTimeout(function () {
        if (e.popup.isOpen()) {
          pad(e.popup.options);
          e.popup.update();
        }
      }, 0);
    });
  };

  /* -- density (heat) view of the events in range, drawn from geomap.js's columns ------- */

  GeoControls.prototype._heatSetup = function () {
    var self = this, map = this.map;
    map.on("overlayadd", function (e) { if (e.layer === self.heatGroup) { self.heat(); } });
    map.on("geomap:drawn", function () {
      var g = window.geoMap;
      if (g && map.hasLayer(self.heatGroup) && g.inRange !== self.heatFor) { self.heat(); }
    });
  };

  GeoControls.prototype.heat = function () {
    var g = window.geoMap;
    if (!g || !g.ready || typeof L.heatLayer !== "function") { return 0; }
    var idx = g.inRange, pts = new Array(idx.length);
    for (var k = 0; k < idx.length; k++) { pts[k] = [g.lat[idx[k]], g.lon[idx[k]], 1]; }
    this.heatFor = idx;
    if (!this.heatLayer) {
      this.heatLayer = L.heatLayer(pts, this.opts.heat || {});
      this.heatGroup.addLayer(this.heatLayer);
    } else {
      this.heatLayer.setLatLngs(pts);
    }
    return pts.length;
  };

  /* -- PNG of the view ------------------------------------------------------------------- */

  function loadImage(src) {
    return new Promise(function (resolve) {
      var img = new Image();
      img.onload = function () { resolve(img); };
      img.onerror = function () { resolve(null); };
      img.src = src;
    });
  }

  function svgImage(svg, w, h) {
    var copy = svg.cloneNode(true);
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    copy.setAttribute("width", w);
    copy.setAttribute("height", h);
    var text = new XMLSerializer().serializeToString(copy);
    return loadImage("data:image/svg+xml;charset=utf-8," + encodeURIComponent(text));
  }

  function svgString(markup, size) {
    var div = document.createElement("div");
    div.innerHTML = markup;
    var svg = div.querySelector("svg");
    return svg ? svgImage(svg, size, size) : Promise.resolve(null);
  }

  GeoControls.prototype.rangeText = function () {
    var r = (window.geoMap && window.geoMap.range) || window.GeoMapRange || this.opts.range;
    return r ? isoDay(r[0]) + " \u2013 " + isoDay(r[1]) : "";
  };

  /* Everything Leaflet draws, in paint order, as steps that draw into a 2-D context. */
  GeoControls.prototype._layers = function (box) {
    var r0 = box.getBoundingClientRect(), steps = [];
    function rect(el) {
      var b = el.getBoundingClientRect();
      return { x: b.left - r0.left, y: b.top - r0.top, w: b.width, h: b.height };
    }
    function visible(el) {
      var s = getComputedStyle(el);
      return s.display !== "none" && s.visibility !== "hidden" && +s.opacity !== 0;
    }
    var sel = ".leaflet-map-pane img.leaflet-tile, .leaflet-map-pane canvas, " +
      ".leaflet-overlay-pane svg, .leaflet-marker-pane .leaflet-marker-icon";
    box.querySelectorAll(sel).forEach(function (el) {
      if (!visible(el)) { return; }
      var b = rect(el);
      if (!b.w || !b.h || b.x > r0.width || b.y > r0.height || b.x + b.w < 0 || b.y + b.h < 0) {
        return;
      }
      if (el.tagName === "IMG") {
        if (el.complete && el.naturalWidth) {
          steps.push(Promise.resolve(function (ctx) { ctx.drawImage(el, b.x, b.y, b.w, b.h); }));
        }
      } else if (el.tagName === "CANVAS") {
        steps.push(Promise.resolve(function (ctx) { ctx.drawImage(el, b.x, b.y, b.w, b.h); }));
      } else if (el.tagName.toLowerCase() === "svg") {
        steps.push(svgImage(el, b.w, b.h).then(function (img) {
          return function (ctx) { if (img) { ctx.drawImage(img, b.x, b.y, b.w, b.h); } };
        }));
      } else if (el.classList.contains("marker-cluster")) {
        var inner = el.querySelector("div"), text = el.textContent.trim();
        var outer = getComputedStyle(el).backgroundColor;
        var fill = inner ? getComputedStyle(inner).backgroundColor : "#eee";
        var ring = inner ? getComputedStyle(inner).borderTopColor : "#333";
        steps.push(Promise.resolve(function (ctx) {
          var cx = b.x + b.w / 2, cy = b.y + b.h / 2, rad = b.w / 2;
          ctx.fillStyle = outer;
          ctx.beginPath(); ctx.arc(cx, cy, rad, 0, 2 * Math.PI); ctx.fill();
          ctx.fillStyle = fill;
          ctx.strokeStyle = ring;
          ctx.lineWidth = 2;
          ctx.beginPath(); ctx.arc(cx, cy, rad - 6, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
          ctx.fillStyle = "#1d2633";
          ctx.font = "bold 12px system-ui, sans-serif";
          ctx.textAlign = "center";
          ctx.textBaseline = "middle";
          ctx.fillText(text, cx, cy);
        }));
      } else if (el.querySelector("svg")) {
        var svg = el.querySelector("svg"), sb = rect(svg);
        steps.push(svgImage(svg, sb.w, sb.h).then(function (img) {
          return function (ctx) { if (img) { ctx.drawImage(img, sb.x, sb.y, sb.w, sb.h); } };
        }));
      } else if (el.tagName === "IMG" || el.querySelector("img")) {
        var im = el.tagName === "IMG" ? el : el.querySelector("img");
        steps.push(Promise.resolve(function (ctx) { ctx.drawImage(im, b.x, b.y, b.w, b.h); }));
      } else {
        var st = getComputedStyle(el);
        steps.push(Promise.resolve(function (ctx) {
          ctx.fillStyle = st.backgroundColor;
          ctx.strokeStyle = st.borderTopColor;
          ctx.lineWidth = parseFloat(st.borderTopWidth) || 0;
          ctx.beginPath();
          ctx.arc(b.x + b.w / 2, b.y + b.h / 2, b.w / 2, 0, 2 * Math.PI);
          ctx.fill();
          if (ctx.lineWidth) { ctx.stroke(); }
        }));
      }
    });
    return steps;
  };

  /* The legend box: title, date range, symbols; drawn at the bottom left. */
  GeoControls.prototype._legend = function (w, h) {
    var items = this.opts.legend || [], title = this.opts.title || "Map";
    var range = this.rangeText(), icon = 14;
    return Promise.all(items.map(function (it) {
      return it.svg ? svgString(it.svg, icon) : Promise.resolve(null);
    })).then(function (imgs) {
      return function (ctx) {
        ctx.font = "12px system-ui, sans-serif";
        var rows = [], row = [], x = 0, maxW = Math.min(w - 40, 560);
        items.forEach(function (it, i) {
          var iw = icon + 4 + ctx.measureText(it.label).width + 12;
          if (it.ramp) {
            iw = ctx.measureText(it.label).width + 12;
            ctx.font = "10px system-ui, sans-serif";
            it.ramp.forEach(function (bin) { iw += 20 + ctx.measureText(bin[1]).width; });
            ctx.font = "12px system-ui, sans-serif";
          }
          if (x + iw > maxW && row.length) { rows.push(row); row = []; x = 0; }
          row.push({ it: it, img: imgs[i], w: iw });
          x += iw;
        });
        if (row.length) { rows.push(row); }
        var lh = 18, bw = maxW + 16, bh = 10 + 18 + (range ? 16 : 0) + rows.length * lh + 6;
        bw = Math.min(bw, Math.max.apply(null, [220].concat(rows.map(function (r) {
          return r.reduce(function (s, c) { return s + c.w; }, 0) + 20;
        }))));
        var bx = 10, by = h - bh - 26;
        ctx.fillStyle = "rgba(255,255,255,0.92)";
        ctx.strokeStyle = "#888";
        ctx.lineWidth = 1;
        ctx.fillRect(bx, by, bw, bh);
        ctx.strokeRect(bx + 0.5, by + 0.5, bw - 1, bh - 1);
        ctx.fillStyle = "#111";
        ctx.textBaseline = "middle";
        ctx.textAlign = "left";
        ctx.font = "bold 13px system-ui, sans-serif";
        var y = by + 18;
        ctx.fillText(title, bx + 8, y);
        if (range) {
          ctx.font = "12px system-ui, sans-serif";
          y += 16;
          ctx.fillText(range, bx + 8, y);
        }
        ctx.font = "12px system-ui, sans-serif";
        rows.forEach(function (r) {
          y += lh;
          var cx = bx + 8;
          r.forEach(function (c) {
            var it = c.it;
            if (it.ramp) {
              ctx.fillStyle = "#111";
              ctx.fillText(it.label, cx, y);
              var rx = cx + ctx.measureText(it.label).width + 6;
              it.ramp.forEach(function (bin) {
                ctx.fillStyle = bin[0];
                ctx.fillRect(rx, y - 6, 12, 12);
                ctx.strokeStyle = "#999";
                ctx.strokeRect(rx + 0.5, y - 5.5, 11, 11);
                ctx.fillStyle = "#111";
                ctx.font = "10px system-ui, sans-serif";
                ctx.fillText(bin[1], rx + 15, y);
                rx += 20 + ctx.measureText(bin[1]).width;
                ctx.font = "12px system-ui, sans-serif";
              });
            } else {
              if (c.img) {
                ctx.drawImage(c.img, cx, y - icon / 2, icon, icon);
              } else if (it.colour) {
                ctx.strokeStyle = it.colour;
                ctx.fillStyle = it.fill || "rgba(0,0,0,0)";
                ctx.lineWidth = it.line ? 3 : 2;
                if (it.line) {
                  ctx.beginPath(); ctx.moveTo(cx, y); ctx.lineTo(cx + icon, y); ctx.stroke();
                } else {
                  ctx.beginPath(); ctx.arc(cx + icon / 2, y, icon / 2 - 1, 0, 2 * Math.PI);
                  ctx.fill(); ctx.stroke();
                }
              }
              ctx.fillStyle = "#111";
              ctx.fillText(it.label, cx + icon + 4, y);
            }
            cx += c.w;
          });
        });
      };
    });
  };

  /** The view as a PNG Blob: ``scale`` times the map's size in CSS pixels. */
  GeoControls.prototype.png = function (scale) {
    var self = this, box = this.map.getContainer();
    var w = box.clientWidth, h = box.clientHeight, k = scale || this.opts.pngScale || 1;
    var steps = this._layers(box);
    steps.push(this._legend(w, h));
    return Promise.all(steps).then(function (draws) {
      var cv = document.createElement("canvas");
      cv.width = Math.round(w * k);
      cv.height = Math.round(h * k);
      var ctx = cv.getContext("2d");
      ctx.scale(k, k);
      ctx.fillStyle = getComputedStyle(box).backgroundColor || "#dddddd";
      ctx.fillRect(0, 0, w, h);
      draws.forEach(function (draw) { ctx.save(); draw(ctx); ctx.restore(); });
      var attribution = box.querySelector(".leaflet-control-attribution");
      if (attribution) {
        var text = attribution.textContent.replace(/\s+/g, " ").trim();
        ctx.font = "11px system-ui, sans-serif";
        var tw = ctx.measureText(text).width;
        ctx.fillStyle = "rgba(255,255,255,0.8)";
        ctx.fillRect(w - tw - 10, h - 16, tw + 10, 16);
        ctx.fillStyle = "#333";
        ctx.textBaseline = "middle";
        ctx.fillText(text, w - tw - 5, h - 8);
      }
      return new Promise(function (resolve) { cv.toBlob(resolve, "image/png"); });
    }).then(function (blob) {
      self.lastPng = { width: Math.round(w * k), height: Math.round(h * k), bytes: blob.size };
      return blob;
    });
  };

  GeoControls.prototype.savePng = function (scale) {
    var self = this;
    return this.png(scale).then(function (blob) {
      var range = self.rangeText().replace(/ \u2013 /, "_");
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "map" + (range ? "-" + range : "") + ".png";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 4000);
      return self.lastPng;
    });
  };

  window.GeoControls = {
    attach: function (map, heatGroup, opts) {
      window.geoControls = new GeoControls(map, heatGroup, opts);
      return window.geoControls;
    },
    fold: fold,
    Names: Names
  };
})();
