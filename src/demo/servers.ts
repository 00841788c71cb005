/**
 * The servers' own work: file-share sessions from the desks, the web application's database
 * connections and its worker recycling, the nightly backup, the domain controller's logons to
 * itself, and the failed logons every domain collects.
 */
import type { Account, Identity } from './accounts.js';
import { HOUR, MINUTE, MS, SECOND } from './clock.js';
import type { Desk } from './desk.js';
import { DOMAIN, fqdn } from './estate.js';
import { failLogon, logOff, logOn } from './logon.js';
import type { Machine, Proc, RunningSpec } from './machine.js';
import { spawn } from './process.js';
import type { Rng } from './random.js';
import { connection } from './telemetry.js';
import type { World } from './world.js';

const W3WP_ARGS =
  '-ap "CorpPortal" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm' +
  ' -h "C:\\inetpub\\temp\\apppools\\CorpPortal\\CorpPortal.config" -w "" -m 0 -t 20 -ta 0';

const BACKUP_COPY =
  `robocopy.exe \\\\${fqdn('SQL01')}\\Backup$ D:\\Backups\\SQL01 ` +
  '/MIR /R:2 /W:5 /NP /LOG:D:\\Backups\\sql01.log';

/** A person opening something on the file server: a network logon there, ended later. */
export function shareVisit(world: World, rng: Rng, at: number, desk: Desk): void {
  const server = world.machine('FS01');
  const client = {
    ip: desk.machine.ip,
    port: desk.machine.ephemeralPort(),
    workstation: desk.machine.name,
  };
  const session = logOn(world.rec, server, at, {
    kind: 'network',
    account: desk.account,
    auth: 'kerberos',
    client,
  });
  logOff(world.rec, server, at + rng.int(1, 45) * MINUTE, session, 3);
}

/** Writes the servers' own work over the whole window. */
export function serverWork(world: World): void {
  webApplication(world, world.rng.fork('servers:web'));
  domainControllerSelf(world, world.rng.fork('servers:dc'));
  failedLogons(world, world.rng.fork('servers:failures'));
  nightlyBackups(world, world.rng.fork('servers:backup'));
}

/**
 * The intranet portal on WEB01 runs as `svc_web` and keeps opening connections to SQL01; IIS
 * recycles its worker about once a day.
 */
function webApplication(world: World, rng: Rng): void {
  const web = world.machine('WEB01');
  const sql = world.machine('SQL01');
  const account = world.account('svc_web');
  const activation = web.running({
    image: 'svchost',
    commandLine: 'C:\\Windows\\system32\\svchost.exe -k iissvcs',
    cwd: 'C:\\Windows\\system32\\',
    identity: web.system,
    integrity: 'System',
    elevation: 'default',
  });
  let worker = web.running(workerSpec(web.identity(account, web.logonId(), 0, web.bootAt)));
  let recycleAt = rng.int(2 * HOUR, 20 * HOUR);

  world.eachHour((hour, end) => {
    const previous = worker;
    const switchAt = recycleAt;
    if (recycleAt < end) {
      worker = recycle(world, rng, activation, account, recycleAt);
      recycleAt += rng.around(29 * HOUR, 2 * HOUR);
    }
    for (let i = rng.count(8 + 16 * world.busyness(hour)); i > 0; i -= 1) {
      const at = world.between(rng, hour, end);
      databaseSession(world, rng, at < switchAt ? previous : worker, sql, at);
    }
  });
}

function workerSpec(identity: Identity): RunningSpec {
  return {
    image: 'w3wp',
    commandLine: `c:\\windows\\system32\\inetsrv\\w3wp.exe ${W3WP_ARGS}`,
    cwd: 'C:\\Windows\\system32\\inetsrv\\',
    identity,
    integrity: 'High',
    elevation: 'default',
  };
}

function recycle(world: World, rng: Rng, activation: Proc, account: Account, at: number): Proc {
  const machine = activation.machine;
  const identity = machine.identity(account, machine.logonId(), 0, at);
  logOn(world.rec, machine, at, { kind: 'service', identity });
  const spec = workerSpec(identity);
  return spawn(world.rec, at + rng.int(20, 300) * MS, activation, { ...spec, image: 'w3wp' });
}

function databaseSession(world: World, rng: Rng, worker: Proc, sql: Machine, at: number): void {
  const port = connection(world.rec, at, worker, { ip: sql.ip, port: 1433, hostname: sql.fqdn });
  const client = { ip: worker.machine.ip, port, workstation: worker.machine.name };
  const account = worker.identity.account;
  const session = logOn(world.rec, sql, at + rng.int(3, 40) * MS, {
    kind: 'network',
    account,
    auth: 'kerberos',
    client,
  });
  logOff(world.rec, sql, at + rng.int(2, 15) * MINUTE, session, 3);
}

/** Domain controllers log on to themselves all the time, as SYSTEM under their own name. */
function domainControllerSelf(world: World, rng: Rng): void {
  const dc = world.machine('DC01');
  const account: Account = { ...dc.accounts.system, name: `${dc.name}$`, domain: DOMAIN.netbios };
  world.eachHour((hour, end) => {
    for (let i = rng.count(10 + 10 * world.busyness(hour)); i > 0; i -= 1) {
      const at = world.between(rng, hour, end);
      const client = { ip: '::1', port: 0, workstation: dc.name };
      const session = logOn(world.rec, dc, at, {
        kind: 'network',
        account,
        auth: 'kerberos',
        client,
      });
      logOff(world.rec, dc, at + rng.int(0, 2_000) * MS, session, 3);
    }
  });
}

/** Mistyped passwords and the odd guessed name, checked by the domain controller over NTLM. */
function failedLogons(world: World, rng: Rng): void {
  const dc = world.machine('DC01');
  const clients = world.allMachines().filter((machine) => machine.spec.role === 'workstation');
  world.eachHour((hour, end) => {
    const load = world.busyness(hour);
    for (let i = rng.count(0.4 * load); i > 0; i -= 1) {
      const from = rng.pick(clients);
      const unknown = rng.chance(0.2);
      failLogon(world.rec, dc, world.between(rng, hour, end), {
        type: 3,
        userName: unknown
          ? rng.pick(['administrator', 'test', 'scanner'])
          : (from.spec.owner ?? 'admin'),
        domain: DOMAIN.netbios,
        status: '0xc000006d',
        subStatus: unknown ? '0xc0000064' : '0xc000006a',
        client: { ip: from.ip, port: from.ephemeralPort(), workstation: from.name },
      });
    }
  });
}

/** At one in the morning FS01 copies the night's database backups off SQL01. */
function nightlyBackups(world: World, rng: Rng): void {
  const fs = world.machine('FS01');
  const sql = world.machine('SQL01');
  const account = world.account('svc_backup');
  for (const midnight of world.clock.officeMidnights()) {
    const at = midnight + HOUR + rng.int(0, 30 * MINUTE);
    const identity = logOn(world.rec, fs, at, {
      kind: 'service',
      identity: fs.identity(account, fs.logonId(), 0, at),
    });
    const copy = spawn(world.rec, at + rng.int(1, 3) * SECOND, fs.core.scheduler, {
      image: 'robocopy',
      commandLine: BACKUP_COPY,
      identity,
      integrity: 'High',
    });

    const start = at + rng.int(4, 6) * SECOND;
    const port = connection(world.rec, start, copy, { ip: sql.ip, port: 445, hostname: sql.fqdn });
    const client = { ip: fs.ip, port, workstation: fs.name };
    const session = logOn(world.rec, sql, start + rng.int(2, 30) * MS, {
      kind: 'network',
      account,
      auth: 'kerberos',
      client,
    });
    logOff(world.rec, sql, start + rng.int(4, 25) * MINUTE, session, 3);
  }
}
