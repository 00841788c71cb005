/**
 * The outside world as the estate meets it: the sites people browse, the cloud services the
 * machines talk to, public resolvers, and the hosts that scan the perimeter. Hostile addresses
 * come from the ranges set aside for documentation, so the demo never points at a real network.
 */
import type { Rng } from './random.js';

/** A web site or service on the internet. */
export interface Site {
  readonly host: string;
  readonly ip: string;
  /** The category the proxy files it under. */
  readonly category: string;
  /** Reached over HTTPS (tunnelled through the proxy) rather than plain HTTP. */
  readonly secure: boolean;
  /** How often people visit it, relative to the other sites. */
  readonly weight: number;
  /** Paths fetched from it. */
  readonly paths: readonly string[];
  /** The name the site's address is an alias for, as DNS answers show. */
  readonly alias?: string;
  /** Refused by the proxy's policy. */
  readonly blocked?: boolean;
}

const site = (host: string, ip: string, category: string, weight: number, paths = ['/']): Site => ({
  host,
  ip,
  category,
  secure: true,
  weight,
  paths,
});

/** Sites people browse during the working day. */
export const SITES: readonly Site[] = [
  site('www.google.com', '142.250.72.100', 'Search Engines/Portals', 14, ['/', '/search']),
  site('www.bing.com', '13.107.21.200', 'Search Engines/Portals', 3, ['/', '/search']),
  site('login.microsoftonline.com', '20.190.151.7', 'Technology/Internet', 6),
  site('www.office.com', '13.107.6.156', 'Technology/Internet', 5, ['/', '/launch/word']),
  site('corpexample.sharepoint.com', '13.107.136.9', 'Technology/Internet', 7, ['/sites/finance']),
  site('www.linkedin.com', '13.107.42.14', 'Social Networking', 3, ['/feed/']),
  site('github.com', '140.82.113.3', 'Technology/Internet', 2, ['/', '/login']),
  site('stackoverflow.com', '151.101.1.69', 'Technology/Internet', 2, ['/questions']),
  site('en.wikipedia.org', '208.80.154.224', 'Reference', 3, ['/wiki/Main_Page']),
  site('www.nytimes.com', '151.101.193.164', 'News/Media', 3, ['/', '/section/business']),
  site('www.reuters.com', '23.38.113.81', 'News/Media', 2, ['/markets/']),
  site('www.weather.gov', '23.45.125.167', 'News/Media', 1, ['/']),
  site('www.amazon.com', '54.239.28.85', 'Shopping', 2, ['/', '/gp/cart/view.html']),
  site('www.youtube.com', '142.250.65.78', 'Audio/Video Clips', 2, ['/', '/watch']),
  site('zoom.us', '170.114.52.2', 'Technology/Internet', 1, ['/j/']),
  site('www.salesforce.com', '104.109.10.129', 'Business/Economy', 2, ['/']),
  { ...site('www.facebook.com', '157.240.241.35', 'Social Networking', 1), blocked: true },
  { ...site('www.netflix.com', '54.155.178.5', 'Audio/Video Clips', 1), blocked: true },
  { ...site('www.dropbox.com', '162.125.1.18', 'Personal Storage', 1), blocked: true },
];

/** Cloud services machines use on their own. */
export const SERVICES = {
  outlook: site('outlook.office365.com', '52.96.88.18', 'Email', 0, ['/mapi/emsmdb/']),
  teams: site('teams.microsoft.com', '52.113.194.132', 'Technology/Internet', 0, ['/api/chatsvc']),
  windowsUpdate: {
    ...site('ctldl.windowsupdate.com', '23.55.161.42', 'Software Updates', 0, [
      '/msdownload/update/v3/static/trustedr/en/disallowedcertstl.cab',
    ]),
    secure: false,
    alias: 'wu-bg-shim.trafficmanager.net',
  },
  defender: site('wdcp.microsoft.com', '20.42.73.25', 'Technology/Internet', 0, [
    '/wdcp.svc/bond/submitreport',
  ]),
  settings: site('settings-win.data.microsoft.com', '20.42.65.92', 'Technology/Internet', 0, [
    '/settings/v2.0/wsd/muse',
  ]),
  googleUpdate: site('update.googleapis.com', '142.250.80.35', 'Software Updates', 0, [
    '/service/update2',
  ]),
} satisfies Record<string, Site>;

/** The public resolvers the domain controller forwards to. */
export const RESOLVERS: readonly string[] = ['8.8.8.8', '1.1.1.1'];

/** The time server the domain controller keeps time with. */
export const TIME_SERVER = { host: 'time.windows.com', ip: '168.61.215.74' } as const;

/** Hosts that sweep the perimeter for open services. */
export const SCANNERS: readonly string[] = [
  '192.0.2.77',
  '192.0.2.141',
  '192.0.2.203',
  '198.51.100.167',
  '198.51.100.219',
  '203.0.113.9',
  '203.0.113.188',
];

/** User-agent strings of the programs that fetch from the web. */
export const USER_AGENTS = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/131.0.0.0 Safari/537.36',
  outlook: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.18129; Pro)',
  teams:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 Teams/24295.605.3225.8804',
  windowsUpdate: 'Microsoft-CryptoAPI/10.0',
  defender: 'MpCommunication',
  telemetry: 'MSDW',
  googleUpdate: 'Google Update/1.3.36.372;winhttp',
  powershell: 'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.6414',
} as const;

/** One site, the popular ones more often. */
export function pickSite(rng: Rng): Site {
  return rng.weighted(SITES.map((candidate) => [candidate, candidate.weight] as const));
}

/** An address of someone on the internet: a customer visiting the web site, say. */
export function visitorIp(rng: Rng): string {
  const first = rng.pick([24, 47, 67, 68, 71, 73, 76, 96, 98, 99, 107, 108, 174, 184]);
  return `${first}.${rng.int(1, 254)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
