/**
 * A process fetching something from the web, as every sensor on the way sees it: Sysmon's DNS
 * query and connection on the machine, then the proxy's and the firewall's rows.
 */
import { MS } from './clock.js';
import type { Site } from './internet.js';
import type { Proc } from './machine.js';
import { webRequest } from './network.js';
import type { Rng } from './random.js';
import type { Recorder } from './recorder.js';
import { alias, connection, dnsQuery } from './telemetry.js';

/** How a fetch is made. */
export interface FetchOptions {
  readonly userAgent: string;
  /** The account the proxy attributes the request to; servers browse anonymously. */
  readonly user?: string;
  /** Whether the name is looked up first (it often sits in the resolver's cache). */
  readonly lookup: boolean;
  /** Whether Sysmon records the connection (configurations often leave browsers out). */
  readonly logConnection?: boolean;
  readonly path?: string;
  readonly method?: 'GET' | 'POST';
  readonly sent?: number;
  readonly received?: number;
}

/** Writes the traces of `proc` fetching from `site` at `at`. */
export function fetchFrom(
  rec: Recorder,
  rng: Rng,
  at: number,
  proc: Proc,
  site: Site,
  options: FetchOptions,
): void {
  let when = at;
  if (options.lookup) {
    const answers = site.alias ? [alias(site.alias), site.ip] : [site.ip];
    dnsQuery(rec, when, proc, site.host, answers);
    when += rng.int(3, 60) * MS;
  }

  const to = { ip: site.ip, port: site.secure ? 443 : 80 };
  const clientPort =
    options.logConnection === false
      ? proc.machine.ephemeralPort()
      : connection(rec, when, proc, to);

  webRequest(rec, rng, when + rng.int(1, 20) * MS, {
    clientIp: proc.machine.ip,
    clientPort,
    ...(options.user === undefined ? {} : { user: options.user }),
    site,
    path: options.path ?? rng.pick(site.paths),
    method: options.method ?? 'GET',
    userAgent: options.userAgent,
    sent: options.sent ?? rng.int(400, 2_500),
    received: options.received ?? rng.int(2_000, 400_000),
  });
}
