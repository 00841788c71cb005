/** Quarry's side: the same code path as `quarry ingest FILE`. */
import { ingestPaths } from '../src/ingest/ingest.js';
import { storedEvents } from '../src/ingest/summary.js';

const [file, db] = process.argv.slice(2) as [string, string];
const summary = await ingestPaths([file], {
  store: db,
  inputTz: 'UTC',
  inputTzExplicit: false,
  command: 'bench',
});
console.log(`stored=${storedEvents(summary)}`);
console.log(`peak-rss-kb=${process.resourceUsage().maxRSS}`);
