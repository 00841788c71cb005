// Quarry's side of the benchmark: the same code path as `quarry ingest FILE`, compiled.
import { ingestPaths } from '../dist/ingest/ingest.js';
import { storedEvents } from '../dist/ingest/summary.js';

const [file, db] = process.argv.slice(2);
const summary = await ingestPaths([file], {
  store: db,
  inputTz: 'UTC',
  inputTzExplicit: false,
  command: 'bench',
});
console.log(`stored=${storedEvents(summary)}`);
console.log(`peak-rss-kb=${process.resourceUsage().maxRSS}`);
