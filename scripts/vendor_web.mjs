// Copy the page's third-party files from node_modules into rasd/web/vendor (git-ignored), so the
// page is served fully offline by `rasd serve`. Run by `npm ci` (postinstall); no code is committed.
import {cpSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nm = join(root, "node_modules");
const out = join(root, "rasd", "web", "vendor");
const FILES = [
  ["leaflet/dist/leaflet.js", "leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet.css"],
  ["leaflet/dist/images", "images"],
  ["leaflet/LICENSE", "LICENSE.leaflet"],
  ["leaflet.markercluster/dist/leaflet.markercluster.js", "leaflet.markercluster.js"],
  ["leaflet.markercluster/dist/MarkerCluster.css", "MarkerCluster.css"],
  ["leaflet.markercluster/dist/MarkerCluster.Default.css", "MarkerCluster.Default.css"],
  ["leaflet.markercluster/MIT-LICENCE.txt", "LICENSE.markercluster"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "LICENSE.topojson-client"],
  // Voronoi edges for the approximate governorate/district lines (bundles delaunator, ISC)
  ["d3-delaunay/dist/d3-delaunay.min.js", "d3-delaunay.min.js"],
  ["d3-delaunay/LICENSE", "LICENSE.d3-delaunay"],
  // Natural Earth country borders (public domain), 1:50m: fine enough for the Levant at the zooms
  // the page uses, a fifth of the 1:10m file to load and parse.
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  ["world-atlas/LICENSE", "LICENSE.world-atlas"],
];

rmSync(out, {recursive: true, force: true});
mkdirSync(out, {recursive: true});
for (const [from, to] of FILES) cpSync(join(nm, from), join(out, to), {recursive: true});
writeFileSync(join(out, "README.txt"),
  "Copied from node_modules by scripts/vendor_web.mjs (npm ci); not part of the repository.\n");
