/**
 * What every Windows machine does by itself, day and night: scheduled tasks, services starting,
 * COM and WMI hosts, Defender, name lookups and traffic with the domain controller, group policy
 * refreshes, and the nightly inventory script, which runs WMIC against the local machine.
 */
import { machineAccount } from './accounts.js';
import { HOUR, MINUTE, MS, SECOND } from './clock.js';
import { fqdn, hostSpec } from './estate.js';
import { SERVICES, USER_AGENTS } from './internet.js';
import { logOff, logOn } from './logon.js';
import type { ImageName } from './images.js';
import type { Machine, Proc } from './machine.js';
import { spawn } from './process.js';
import type { Rng } from './random.js';
import { connection, dnsQuery, fileCreated } from './telemetry.js';
import { fetchFrom } from './web.js';
import type { World } from './world.js';

interface Chores {
  readonly world: World;
  readonly machine: Machine;
  readonly rng: Rng;
  readonly dc: Machine;
}

type Chore = (ctx: Chores, at: number) => void;

const INTERNAL_NAMES = ['DC01', 'FS01', 'SQL01', 'WEB01'];

const SERVICE_STARTS: readonly (readonly [ImageName, string])[] = [
  ['svchost', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s BITS'],
  ['svchost', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s wuauserv'],
  ['svchost', 'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s UsoSvc'],
  ['svchost', 'C:\\Windows\\System32\\svchost.exe -k wsappx -p -s ClipSVC'],
  ['sppsvc', 'C:\\Windows\\system32\\sppsvc.exe'],
  ['trustedInstaller', 'C:\\Windows\\servicing\\TrustedInstaller.exe'],
];

const TASK_COMMANDS = ['taskhostw.exe', 'taskhostw.exe SYSTEM', 'taskhostw.exe Install $(Arg0)'];

const DEFENDER_TASKS = [
  '-IdleTask -TaskName WdCacheMaintenance',
  '-IdleTask -TaskName WdCleanup',
  '-SignaturesUpdateService -ScheduleJob -RestrictPrivileges',
];

const DEFENDER_CACHE = 'C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\History\\CacheManager';

const PREFETCHED = ['TASKHOSTW.EXE', 'WMIPRVSE.EXE', 'SVCHOST.EXE', 'CONHOST.EXE'];

const INVENTORY_SCRIPT =
  'powershell.exe -ExecutionPolicy Bypass -NoProfile -NonInteractive ' +
  '-File C:\\ProgramData\\CorpIT\\Get-Inventory.ps1';

const CHORES: readonly (readonly [Chore, number])[] = [
  [scheduledTask, 3],
  [wmiHost, 2],
  [serviceStart, 2],
  [defenderTask, 1],
  [telemetryUpload, 1],
  [internalLookup, 4],
  [domainTraffic, 4],
  [prefetchWrite, 3],
  [updateCheck, 1],
];

/** Writes every machine's own background activity over the whole window. */
export function machineChores(world: World): void {
  for (const machine of world.allMachines()) {
    const rng = world.rng.fork(`chores:${machine.name}`);
    const ctx: Chores = { world, machine, rng, dc: world.machine('DC01') };
    const server = machine.spec.role !== 'workstation';

    world.eachHour((hour, end) => {
      const load = world.busyness(hour);
      const count = rng.count(server ? 14 + 8 * load : 3 + 20 * load);
      for (let i = 0; i < count; i += 1) rng.weighted(CHORES)(ctx, world.between(rng, hour, end));
    });

    if (machine !== ctx.dc) policyRefreshes(ctx);
    nightlyInventory(ctx);
  }
}

function scheduledTask(ctx: Chores, at: number): void {
  const { world, machine, rng } = ctx;
  spawn(world.rec, at, machine.core.scheduler, {
    image: 'taskhostw',
    commandLine: rng.pick(TASK_COMMANDS),
  });
}

function wmiHost(ctx: Chores, at: number): void {
  const { world, machine } = ctx;
  spawn(world.rec, at, machine.core.dcomLaunch, {
    image: 'wmiprvse',
    commandLine: 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -Embedding',
    identity: machine.networkService,
  });
}

function serviceStart(ctx: Chores, at: number): void {
  const { world, machine, rng } = ctx;
  const [image, commandLine] = rng.pick(SERVICE_STARTS);
  logOn(world.rec, machine, at, { kind: 'service', identity: machine.system });
  spawn(world.rec, at + rng.int(5, 80) * MS, machine.core.services, { image, commandLine });
}

function defenderTask(ctx: Chores, at: number): void {
  const { world, machine, rng } = ctx;
  const path = machine.image('mpCmdRun').path;
  const task = rng.pick(DEFENDER_TASKS);
  const proc = spawn(world.rec, at, machine.core.scheduler, {
    image: 'mpCmdRun',
    commandLine: `"${path}" ${task}`,
  });
  if (task.startsWith('-Signatures')) {
    fetchFrom(world.rec, rng, at + rng.int(1, 4) * SECOND, proc, SERVICES.defender, {
      userAgent: USER_AGENTS.defender,
      lookup: true,
      method: 'POST',
    });
  }
}

function telemetryUpload(ctx: Chores, at: number): void {
  const { world, machine, rng } = ctx;
  const proc = spawn(world.rec, at, machine.core.scheduler, {
    image: 'compatTelRunner',
    commandLine: 'C:\\Windows\\system32\\compattelrunner.exe -maintenance',
  });
  fetchFrom(world.rec, rng, at + rng.int(2, 30) * SECOND, proc, SERVICES.settings, {
    userAgent: USER_AGENTS.telemetry,
    lookup: true,
    method: 'POST',
  });
}

function internalLookup(ctx: Chores, at: number): void {
  const { world, machine, rng } = ctx;
  const name = rng.pick(INTERNAL_NAMES);
  const proc = rng.pick([machine.core.scheduler, machine.core.dcomLaunch, machine.core.defender]);
  dnsQuery(world.rec, at, proc, fqdn(name), [hostSpec(name).ip]);
}

function domainTraffic(ctx: Chores, at: number): void {
  const { world, machine, rng, dc } = ctx;
  if (machine === dc) {
    internalLookup(ctx, at);
    return;
  }

  const kerberos = rng.chance(0.5);
  const proc: Proc = kerberos ? machine.core.lsass : machine.core.scheduler;
  connection(world.rec, at, proc, { ip: dc.ip, port: kerberos ? 88 : 389, hostname: dc.fqdn });
}

function prefetchWrite(ctx: Chores, at: number): void {
  const { world, machine, rng } = ctx;
  const id = rng.hex(8).toUpperCase();
  if (rng.chance(0.3)) {
    fileCreated(world.rec, at, machine.core.defender, `${DEFENDER_CACHE}\\${id}-0.bin`);
  } else {
    const program = rng.pick(PREFETCHED);
    fileCreated(
      world.rec,
      at,
      machine.core.scheduler,
      `C:\\Windows\\Prefetch\\${program}-${id}.pf`,
    );
  }
}

function updateCheck(ctx: Chores, at: number): void {
  const { world, machine, rng } = ctx;
  fetchFrom(world.rec, rng, at, machine.core.scheduler, SERVICES.windowsUpdate, {
    userAgent: USER_AGENTS.windowsUpdate,
    lookup: true,
    received: rng.int(8_000, 90_000),
  });
}

/** Machines re-read group policy from the domain controller every 90 minutes or so. */
function policyRefreshes(ctx: Chores): void {
  const { world, machine, rng, dc } = ctx;
  const account = machineAccount(machine.spec);
  for (
    let due = -rng.int(0, 90 * MINUTE);
    due < world.clock.length;
    due += rng.around(90, 30) * MINUTE
  ) {
    const at = due + rng.int(0, MINUTE - 1);
    const port = connection(world.rec, at, machine.core.lsass, {
      ip: dc.ip,
      port: 88,
      hostname: dc.fqdn,
    });
    const client = { ip: machine.ip, port, workstation: machine.name };
    const logon = logOn(world.rec, dc, at + rng.int(5, 60) * MS, {
      kind: 'network',
      account,
      auth: 'kerberos',
      client,
    });
    logOff(world.rec, dc, at + rng.int(1, 6) * SECOND, logon, 3);
  }
}

/** Every night the inventory script collects hardware and OS facts with WMIC, locally. */
function nightlyInventory(ctx: Chores): void {
  const { world, machine, rng } = ctx;
  for (const midnight of world.clock.officeMidnights()) {
    const at = midnight + 2 * HOUR + rng.int(0, 40 * MINUTE);
    const shell = spawn(world.rec, at, machine.core.scheduler, {
      image: 'powershell',
      commandLine: INVENTORY_SCRIPT,
      console: true,
    });

    const queries = [
      'wmic bios get serialnumber /value',
      'wmic os get caption,version,buildnumber /format:csv',
      'wmic /node:localhost computersystem get model,manufacturer,totalphysicalmemory /format:csv',
      'wmic logicaldisk where drivetype=3 get deviceid,size,freespace /format:csv',
    ];
    let when = at + rng.int(1, 3) * SECOND;
    for (const query of queries) {
      spawn(world.rec, when, shell, { image: 'wmic', commandLine: query });
      when += rng.int(800, 2_500) * MS;
    }
    fileCreated(world.rec, when, shell, `C:\\ProgramData\\CorpIT\\Inventory\\${machine.name}.csv`);
  }
}
