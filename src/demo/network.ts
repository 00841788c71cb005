/**
 * The proxy and the firewall, as Sentinel's `CommonSecurityLog` holds their logs. Web traffic
 * is intercepted by the proxy on its way out (clients connect as if directly, so their DNS
 * lookups and connections name the real site), and the firewall sees the proxy's own upstream
 * connection, translated to the estate's public address.
 */
import { MS } from './clock.js';
import { fqdn, hostSpec, PUBLIC_IP } from './estate.js';
import { RESOLVERS, SCANNERS, TIME_SERVER, visitorIp, type Site } from './internet.js';
import type { Rng } from './random.js';
import type { Recorder } from './recorder.js';
import type { Row } from './timeline.js';
import type { World } from './world.js';

const PROXY = hostSpec('PROXY01');
const FIREWALL = hostSpec('FW01');
const WEB_SERVER = hostSpec('WEB01');
const DOMAIN_CONTROLLER = hostSpec('DC01');

/** What the proxy decided about a request. */
export type ProxyAction = 'TCP_MISS' | 'TCP_HIT' | 'TCP_TUNNELED' | 'TCP_DENIED';

/** A request passing through the proxy. */
export interface WebRequest {
  readonly clientIp: string;
  readonly clientPort: number;
  /** `CORP\jdoe` when the proxy could tell who asked; servers browse anonymously. */
  readonly user?: string;
  readonly site: Site;
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly userAgent: string;
  readonly sent: number;
  readonly received: number;
  /** What the proxy did; left out, it follows from the site (denied, tunnelled, or fetched). */
  readonly action?: ProxyAction;
  /**
   * Whether the proxy opened a new upstream connection, which the firewall logs; left out, it
   * often reuses one that is already open.
   */
  readonly newUpstream?: boolean;
}

/** A connection through the firewall. */
export interface Flow {
  readonly sourceIp: string;
  readonly sourcePort: number;
  readonly destinationIp: string;
  readonly destinationPort: number;
  readonly protocol: 'tcp' | 'udp';
  /** The application the firewall identified: `ssl`, `web-browsing`, `dns`. */
  readonly application: string;
  readonly action: 'allow' | 'deny' | 'drop';
  readonly sent: number;
  readonly received: number;
  /** Outbound flows leave as the public address; inbound ones are sent on to an inside host. */
  readonly translated?: { readonly source?: string; readonly destination?: string };
}

/**
 * Writes what a web request leaves behind at the perimeter: the proxy's row and, when the proxy
 * went out to the site, the firewall's row for that upstream connection.
 */
export function webRequest(rec: Recorder, rng: Rng, at: number, request: WebRequest): void {
  const action = request.action ?? proxyAction(rng, request.site);
  rec.row(at, (time) => proxyRow(time, request, action));
  if (action === 'TCP_DENIED' || action === 'TCP_HIT') return;
  if (!(request.newUpstream ?? rng.chance(0.5))) return;

  const upstream = at + rng.int(2, 40) * MS;
  rec.row(upstream, (time) =>
    firewallRow(time, {
      sourceIp: PROXY.ip,
      sourcePort: rng.int(20_000, 60_000),
      destinationIp: request.site.ip,
      destinationPort: request.site.secure ? 443 : 80,
      protocol: 'tcp',
      application: request.site.secure ? 'ssl' : 'web-browsing',
      action: 'allow',
      sent: request.sent + rng.int(200, 900),
      received: request.received + rng.int(300, 1_500),
      translated: { source: PUBLIC_IP },
    }),
  );
}

/** A firewall row for a flow, logged at `time`. */
export function firewallRow(time: string, flow: Flow): Row {
  const allowed = flow.action === 'allow';
  return {
    Type: 'CommonSecurityLog',
    TimeGenerated: time,
    Computer: fqdn(FIREWALL.name),
    DeviceVendor: 'Palo Alto Networks',
    DeviceProduct: 'PAN-OS',
    DeviceVersion: '10.2.7',
    DeviceEventClassID: allowed ? 'end' : flow.action,
    Activity: 'TRAFFIC',
    LogSeverity: allowed ? '1' : '3',
    DeviceAction: flow.action,
    ApplicationProtocol: flow.application,
    Protocol: flow.protocol,
    SourceIP: flow.sourceIp,
    SourcePort: flow.sourcePort,
    DestinationIP: flow.destinationIp,
    DestinationPort: flow.destinationPort,
    SourceTranslatedAddress: flow.translated?.source ?? null,
    DestinationTranslatedAddress: flow.translated?.destination ?? null,
    SentBytes: flow.sent,
    ReceivedBytes: flow.received,
    DeviceName: FIREWALL.name,
  };
}

/** A proxy row for a request and what the proxy did with it, logged at `time`. */
export function proxyRow(time: string, request: WebRequest, action: ProxyAction): Row {
  const denied = action === 'TCP_DENIED';
  const { site } = request;
  const scheme = site.secure ? 'https' : 'http';
  return {
    Type: 'CommonSecurityLog',
    TimeGenerated: time,
    Computer: fqdn(PROXY.name),
    DeviceVendor: 'Blue Coat',
    DeviceProduct: 'ProxySG',
    DeviceVersion: '7.3.16.2',
    DeviceEventClassID: denied ? '403' : '200',
    Activity: denied ? 'policy_denied' : 'proxied',
    LogSeverity: denied ? '5' : '1',
    DeviceAction: action,
    ApplicationProtocol: scheme.toUpperCase(),
    Protocol: 'TCP',
    SourceIP: request.clientIp,
    SourcePort: request.clientPort,
    DestinationIP: site.ip,
    DestinationPort: site.secure ? 443 : 80,
    DestinationHostName: site.host,
    RequestURL: `${scheme}://${site.host}${request.path}`,
    RequestMethod: site.secure ? 'CONNECT' : request.method,
    RequestClientApplication: request.userAgent,
    SentBytes: request.sent,
    ReceivedBytes: denied ? 0 : request.received,
    SourceUserName: request.user ?? null,
    DeviceCustomString1Label: 'Category',
    DeviceCustomString1: site.category,
    DeviceName: PROXY.name,
  };
}

/**
 * The perimeter's own traffic, hour by hour: visitors to the public web site, the domain
 * controller's DNS forwarding and time keeping, and scanners knocking on closed ports.
 */
export function perimeterTraffic(world: World): void {
  const rng = world.rng.fork('perimeter');
  const { rec } = world;
  world.eachHour((hour, end) => {
    const busy = world.busyness(hour);
    const at = (): number => world.between(rng, hour, end);
    for (let i = rng.count(6 + 30 * busy); i > 0; i -= 1) visitor(rec, rng, at());
    for (let i = rng.count(8 + 14 * busy); i > 0; i -= 1) lookup(rec, rng, at());
    if (rng.chance(0.5)) timeSync(rec, at());
    if (rng.chance(0.22)) scan(rec, rng, at());
  });
}

function proxyAction(rng: Rng, site: Site): ProxyAction {
  if (site.blocked) return 'TCP_DENIED';
  if (site.secure) return 'TCP_TUNNELED';
  return rng.chance(0.25) ? 'TCP_HIT' : 'TCP_MISS';
}

function visitor(rec: Recorder, rng: Rng, at: number): void {
  rec.row(at, (time) =>
    firewallRow(time, {
      sourceIp: visitorIp(rng),
      sourcePort: rng.int(1_024, 65_535),
      destinationIp: PUBLIC_IP,
      destinationPort: 443,
      protocol: 'tcp',
      application: 'ssl',
      action: 'allow',
      sent: rng.int(900, 6_000),
      received: rng.int(4_000, 250_000),
      translated: { destination: WEB_SERVER.ip },
    }),
  );
}

function lookup(rec: Recorder, rng: Rng, at: number): void {
  rec.row(at, (time) =>
    firewallRow(time, {
      sourceIp: DOMAIN_CONTROLLER.ip,
      sourcePort: rng.int(49_152, 65_535),
      destinationIp: rng.pick(RESOLVERS),
      destinationPort: 53,
      protocol: 'udp',
      application: 'dns',
      action: 'allow',
      sent: rng.int(60, 120),
      received: rng.int(90, 480),
      translated: { source: PUBLIC_IP },
    }),
  );
}

function timeSync(rec: Recorder, at: number): void {
  rec.row(at, (time) =>
    firewallRow(time, {
      sourceIp: DOMAIN_CONTROLLER.ip,
      sourcePort: 123,
      destinationIp: TIME_SERVER.ip,
      destinationPort: 123,
      protocol: 'udp',
      application: 'ntp',
      action: 'allow',
      sent: 90,
      received: 90,
      translated: { source: PUBLIC_IP },
    }),
  );
}

/** A sweep: one scanner trying several well-known ports within a few seconds. */
function scan(rec: Recorder, rng: Rng, at: number): void {
  const scanner = rng.pick(SCANNERS);
  const ports = [22, 23, 445, 1433, 3306, 3389, 5900, 8080, 8443];
  let when = at;
  for (let i = rng.int(3, 9); i > 0; i -= 1) {
    when += rng.int(50, 2_000) * MS;
    const port = rng.pick(ports);
    rec.row(when, (time) =>
      firewallRow(time, {
        sourceIp: scanner,
        sourcePort: rng.int(30_000, 65_000),
        destinationIp: PUBLIC_IP,
        destinationPort: port,
        protocol: 'tcp',
        application: 'incomplete',
        action: port === 445 ? 'drop' : 'deny',
        sent: 60,
        received: 0,
      }),
    );
  }
}
