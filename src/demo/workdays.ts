/**
 * Working days at the workstations: logging on or unlocking in the morning, mail, chat and the
 * browser, documents on the file server, the odd command-line tool, screen locks over breaks,
 * and logging off at night for those who do.
 */
import { adminDay } from './admin.js';
import { HOUR, MINUTE, MS, SECOND } from './clock.js';
import {
  activeSpans,
  desks,
  logOnForDay,
  planWorkday,
  unlock,
  type DeskSession,
  type Workday,
} from './desk.js';
import { IT_PERSON, fqdn } from './estate.js';
import type { ImageName } from './images.js';
import { pickSite, SERVICES, USER_AGENTS } from './internet.js';
import { logOff, logOn } from './logon.js';
import type { Proc } from './machine.js';
import { spawn } from './process.js';
import type { Rng } from './random.js';
import { shareVisit } from './servers.js';
import { fileCreated } from './telemetry.js';
import { fetchFrom } from './web.js';
import type { World } from './world.js';

/** The programs a person has open during the day. */
interface Day {
  readonly world: World;
  readonly rng: Rng;
  readonly session: DeskSession;
  readonly browser: Browser;
  readonly outlook: Proc;
  readonly teams: Proc;
}

/** Chrome's first process, and the network service process that makes its connections. */
interface Browser {
  readonly main: Proc;
  readonly network: Proc;
}

type Activity = (day: Day, at: number) => void;

/** How many times an hour each activity happens while someone is at the keyboard. */
const ACTIVITIES: readonly (readonly [Activity, number])[] = [
  [browse, 24],
  [newTab, 2],
  [directoryLookup, 6],
  [mailSync, 3],
  [chatSync, 2],
  [openDocument, 0.8],
  [commandLineTool, 0.25],
  [download, 0.2],
  [shellHost, 4],
];

const CHROME_FLAGS = {
  gpu:
    '--type=gpu-process --gpu-preferences=WAAAAAAAAADgAAAMAAAAAAAAAAAAAAAAAABgAAEAAAA4AAAAAAA ' +
    '--mojo-platform-channel-handle=1892 /prefetch:2',
  network:
    '--type=utility --utility-sub-type=network.mojom.NetworkService --lang=en-US ' +
    '--service-sandbox-type=none --mojo-platform-channel-handle=2128 /prefetch:3',
  renderer:
    '--type=renderer --lang=en-US --device-scale-factor=1 --num-raster-threads=4 ' +
    '--enable-main-frame-before-activation',
};

const DOCUMENTS = [
  ['winword', '\\\\FS01\\Shared\\Finance\\Q3 Forecast.docx'],
  ['winword', '\\\\FS01\\Shared\\HR\\Onboarding Checklist.docx'],
  ['excel', '\\\\FS01\\Shared\\Finance\\Budget 2026.xlsx'],
  ['excel', '\\\\FS01\\Shared\\Sales\\Pipeline.xlsx'],
  ['notepad', '\\\\FS01\\Shared\\IT\\printer-setup.txt'],
] as const;

/** COM servers started in a person's session as they work. */
const SHELL_HOSTS: readonly (readonly [ImageName, string])[] = [
  ['runtimeBroker', 'C:\\Windows\\System32\\RuntimeBroker.exe -Embedding'],
  [
    'backgroundTaskHost',
    '"C:\\Windows\\system32\\backgroundTaskHost.exe" ' +
      '-ServerName:BackgroundTaskHost.WebAccountProvider',
  ],
  [
    'dllhost',
    'C:\\Windows\\system32\\DllHost.exe /Processid:{AB8902B4-09CA-4BB6-B78D-A8F59079A8D5}',
  ],
];

const DOWNLOADS = ['Invoice_4471.pdf', 'meeting-notes.docx', 'Q3-results.xlsx', 'brochure.pdf'];

/**
 * Writes every working day at every workstation. People in `carried` never log off: their days
 * begin by unlocking the session they already have.
 */
export function workdays(world: World, carried: ReadonlyMap<string, DeskSession>): void {
  for (const desk of desks(world)) {
    const rng = world.rng.fork(`desk:${desk.machine.name}`);
    const kept = carried.get(desk.user.name);

    world.clock.officeMidnights().forEach((midnight, index) => {
      const plan = planWorkday(rng, midnight);
      const session = kept ?? logOnForDay(world, rng, desk, plan.arrive);
      if (kept) unlock(world, rng, kept, plan.arrive);
      workday(world, rng, session, plan);
      if (desk.user.name === IT_PERSON) {
        adminDay(world, rng.fork(`admin:${index}`), session, plan, index);
      }
      if (!kept) logOff(world.rec, desk.machine, plan.leave, session.identity, 2);
    });
  }
}

function workday(world: World, rng: Rng, session: DeskSession, plan: Workday): void {
  const day = openApplications(world, rng, session, plan.arrive);
  const ready = plan.arrive + 20 * MINUTE;

  for (const [from, to] of activeSpans(plan)) {
    const start = Math.max(from, ready);
    if (to <= start) continue;
    const hours = (to - start) / HOUR;
    for (const [activity, rate] of ACTIVITIES) {
      for (let i = rng.count(rate * hours); i > 0; i -= 1) {
        activity(day, world.between(rng, start, to));
      }
    }
  }

  for (const [, end] of plan.breaks) unlock(world, rng, session, end);
}

function openApplications(world: World, rng: Rng, session: DeskSession, arrive: number): Day {
  const office = 'C:\\Program Files\\Microsoft Office\\Root\\Office16';
  const explorer = session.explorer;
  const teams = spawn(world.rec, arrive + rng.int(20, 60) * SECOND, explorer, {
    image: 'teams',
    commandLine: `"${explorer.machine.image('teams').path}" msteams:system-initiated`,
  });
  spawn(world.rec, arrive + rng.int(10, 40) * SECOND, explorer, {
    image: 'oneDrive',
    commandLine: `"${explorer.machine.image('oneDrive').path}" /background`,
  });
  const outlook = spawn(world.rec, arrive + rng.int(2, 6) * MINUTE, explorer, {
    image: 'outlook',
    commandLine: `"${office}\\OUTLOOK.EXE" `,
  });
  const browser = startBrowser(world, rng, explorer, arrive + rng.int(4, 15) * MINUTE);
  return { world, rng, session, browser, outlook, teams };
}

/** Starts Chrome with its helper processes. */
function startBrowser(world: World, rng: Rng, explorer: Proc, at: number): Browser {
  const path = explorer.machine.image('chrome').path;
  const main = spawn(world.rec, at, explorer, { image: 'chrome', commandLine: `"${path}" ` });
  const child = (offset: number, commandLine: string, integrity: 'Low' | 'Medium'): Proc =>
    spawn(world.rec, at + offset * MS, main, { image: 'chrome', commandLine, integrity });

  child(rng.int(150, 400), `"${path}" ${CHROME_FLAGS.gpu}`, 'Low');
  const network = child(rng.int(410, 700), `"${path}" ${CHROME_FLAGS.network}`, 'Medium');
  for (let i = rng.int(2, 5); i > 0; i -= 1) {
    child(rng.int(800, 9_000), rendererCommand(main, rng.int(5, 60)), 'Low');
  }
  return { main, network };
}

function browse(day: Day, at: number): void {
  const { world, rng, session } = day;
  fetchFrom(world.rec, rng, at, day.browser.network, pickSite(rng), {
    userAgent: USER_AGENTS.chrome,
    user: session.desk.proxyUser,
    lookup: rng.chance(0.35),
    logConnection: rng.chance(0.6),
  });
}

/** A new tab or window gets a renderer process of its own. */
function newTab(day: Day, at: number): void {
  const { world, rng } = day;
  const main = day.browser.main;
  spawn(world.rec, at, main, {
    image: 'chrome',
    commandLine: rendererCommand(main, rng.int(60, 400)),
    integrity: 'Low',
  });
}

function rendererCommand(main: Proc, client: number): string {
  return `"${main.image.path}" ${CHROME_FLAGS.renderer} --renderer-client-id=${client}`;
}

function mailSync(day: Day, at: number): void {
  const { world, rng, session } = day;
  fetchFrom(world.rec, rng, at, day.outlook, SERVICES.outlook, {
    userAgent: USER_AGENTS.outlook,
    user: session.desk.proxyUser,
    lookup: rng.chance(0.2),
    method: 'POST',
  });
}

function chatSync(day: Day, at: number): void {
  const { world, rng, session } = day;
  fetchFrom(world.rec, rng, at, day.teams, SERVICES.teams, {
    userAgent: USER_AGENTS.teams,
    user: session.desk.proxyUser,
    lookup: rng.chance(0.2),
    method: 'POST',
  });
}

function openDocument(day: Day, at: number): void {
  const { world, rng, session } = day;
  const [image, file] = rng.pick(DOCUMENTS);
  const machine = session.desk.machine;
  const commandLine = `"${machine.image(image).path}" /n "${file}"`;
  const app = spawn(world.rec, at, session.explorer, { image, commandLine });

  shareVisit(world, rng, at - rng.int(50, 400) * MS, session.desk);
  if (image !== 'notepad') {
    const temp = `C:\\Users\\${session.desk.user.name}\\AppData\\Local\\Temp`;
    const file = `${temp}\\~DF${rng.hex(4).toUpperCase()}.TMP`;
    fileCreated(world.rec, at + rng.int(2, 20) * SECOND, app, file);
  }
}

function commandLineTool(day: Day, at: number): void {
  const { world, rng, session } = day;
  const cmd = spawn(world.rec, at, session.explorer, {
    image: 'cmd',
    commandLine: '"C:\\Windows\\system32\\cmd.exe" ',
    console: true,
  });
  const [image, commandLine] = rng.pick([
    ['ipconfig', 'ipconfig /all'],
    ['ping', `ping -n 4 ${fqdn('FS01')}`],
    ['nslookup', 'nslookup www.google.com'],
    ['ipconfig', 'ipconfig /flushdns'],
  ] as const);
  spawn(world.rec, at + rng.int(4, 40) * SECOND, cmd, { image, commandLine });
}

function download(day: Day, at: number): void {
  const { world, rng, session } = day;
  const name = rng.pick(DOWNLOADS);
  fetchFrom(world.rec, rng, at, day.browser.network, pickSite(rng), {
    userAgent: USER_AGENTS.chrome,
    user: session.desk.proxyUser,
    lookup: false,
    received: rng.int(40_000, 3_000_000),
  });
  const folder = `C:\\Users\\${session.desk.user.name}\\Downloads`;
  const main = day.browser.main;
  fileCreated(world.rec, at + rng.int(1, 3) * SECOND, main, `${folder}\\${name}.crdownload`);
  fileCreated(world.rec, at + rng.int(4, 9) * SECOND, main, `${folder}\\${name}`);
}

/** Programs look things up in the directory, which is a network logon at the controller. */
function directoryLookup(day: Day, at: number): void {
  const { world, rng, session } = day;
  const { machine, account } = session.desk;
  const dc = world.machine('DC01');
  const client = { ip: machine.ip, port: machine.ephemeralPort(), workstation: machine.name };
  const lookup = logOn(world.rec, dc, at, { kind: 'network', account, auth: 'kerberos', client });
  logOff(world.rec, dc, at + rng.int(50, 3_000) * MS, lookup, 3);
}

function shellHost(day: Day, at: number): void {
  const { world, rng, session } = day;
  const machine = session.desk.machine;
  const [image, commandLine] = rng.pick(SHELL_HOSTS);
  spawn(world.rec, at, machine.core.dcomLaunch, {
    image,
    commandLine,
    identity: session.identity,
    integrity: 'Medium',
  });
}
