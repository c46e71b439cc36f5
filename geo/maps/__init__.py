"""Stage 6, maps: folium maps, symbols, colours, legends, popups and the offline assets."""
