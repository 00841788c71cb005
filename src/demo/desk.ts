/**
 * People at their workstations: who sits where, the logon session their programs run in, how
 * a day at the desk begins (a fresh logon, or unlocking a session kept open), and the shape of
 * the working day.
 */
import type { Account, Identity } from './accounts.js';
import { HOUR, MINUTE, MS, SECOND } from './clock.js';
import { DOMAIN, HOSTS, userSpec, type UserSpec } from './estate.js';
import { explicitCredentials, failLogon, logOff, logOn } from './logon.js';
import type { Machine, Proc } from './machine.js';
import { spawn } from './process.js';
import type { Rng } from './random.js';
import type { World } from './world.js';

/** A person and their workstation. */
export interface Desk {
  readonly user: UserSpec;
  readonly account: Account;
  readonly machine: Machine;
  /** How the proxy names the person: `CORP\jdoe`. */
  readonly proxyUser: string;
}

/** A logon session at a desk, with the shell every program the person starts hangs under. */
export interface DeskSession {
  readonly desk: Desk;
  readonly identity: Identity;
  readonly explorer: Proc;
}

/** One working day: when the person arrives and leaves, and when they step away. */
export interface Workday {
  readonly arrive: number;
  readonly leave: number;
  /** Times the screen is locked, in order, inside the day. */
  readonly breaks: readonly (readonly [number, number])[];
}

/** Every workstation with the person who uses it. */
export function desks(world: World): Desk[] {
  return HOSTS.filter((host) => host.owner !== undefined).map((host) => {
    const user = userSpec(host.owner ?? '');
    const account = world.account(user.name);
    return { user, account, machine: world.machine(host.name), proxyUser: account.qualified };
  });
}

/** The sessions of everyone who never logs off, by user name. */
export function carriedSessions(world: World): Map<string, DeskSession> {
  const sessions = desks(world)
    .filter((desk) => desk.user.staysLoggedOn)
    .map((desk) => [desk.user.name, carriedSession(desk)] as const);
  return new Map(sessions);
}

/**
 * The session of someone who never logs off: it began days before the window, so the window
 * holds no logon for it, only the processes started in it.
 */
export function carriedSession(desk: Desk): DeskSession {
  const { machine } = desk;
  const loggedOnAt = machine.bootAt + machine.rng.int(1, 8) * HOUR;
  const identity = machine.identity(desk.account, machine.logonId(), 1, loggedOnAt);
  const explorer = machine.running(
    {
      image: 'explorer',
      commandLine: 'C:\\Windows\\Explorer.EXE',
      cwd: 'C:\\Windows\\system32\\',
      identity,
      integrity: 'Medium',
      elevation: 'default',
    },
    loggedOnAt + machine.rng.int(3, 9) * SECOND,
  );
  return { desk, identity, explorer };
}

/** Starts a day with a fresh logon: the password typed (sometimes twice), shell, group policy. */
export function logOnForDay(world: World, rng: Rng, desk: Desk, at: number): DeskSession {
  const { machine, account } = desk;
  const winlogon = machine.core.winlogon;
  if (rng.chance(0.12)) {
    failLogon(world.rec, machine, at - rng.int(6, 40) * SECOND, {
      type: 2,
      userName: desk.user.name,
      domain: DOMAIN.netbios,
      status: '0xc000006d',
      subStatus: '0xc000006a',
      via: winlogon,
    });
  }

  typedPassword(world, desk, at - rng.int(20, 200) * MS);
  const identity = logOn(world.rec, machine, at, {
    kind: 'interactive',
    type: 2,
    account,
    via: winlogon,
  });
  const userinit = spawn(world.rec, at + rng.int(800, 2_000) * MS, winlogon, {
    image: 'userinit',
    commandLine: 'C:\\Windows\\system32\\userinit.exe',
    identity,
    integrity: 'Medium',
    elevation: 'default',
  });
  const explorer = spawn(world.rec, at + rng.int(2_100, 4_000) * MS, userinit, {
    image: 'explorer',
    commandLine: 'C:\\Windows\\Explorer.EXE',
  });

  const dc = world.machine('DC01');
  const policy = logOn(world.rec, dc, at + rng.int(200, 900) * MS, {
    kind: 'network',
    account,
    auth: 'kerberos',
    client: { ip: machine.ip, port: machine.ephemeralPort(), workstation: machine.name },
  });
  logOff(world.rec, dc, at + rng.int(3, 12) * SECOND, policy, 3);
  return { desk, identity, explorer };
}

/** Unlocking the screen is a short logon of its own (type 7) that ends at once. */
export function unlock(world: World, rng: Rng, session: DeskSession, at: number): void {
  const { machine, account } = session.desk;
  const via = machine.core.winlogon;
  typedPassword(world, session.desk, at - rng.int(20, 200) * MS);
  const unlocked = logOn(world.rec, machine, at, { kind: 'interactive', type: 7, account, via });
  logOff(world.rec, machine, at + rng.int(100, 1_500) * MS, unlocked, 7);
}

/** Winlogon hands the password typed at the console to the machine's own logon (4648). */
function typedPassword(world: World, desk: Desk, at: number): void {
  const { machine } = desk;
  explicitCredentials(world.rec, machine, at, {
    subject: machine.system,
    targetUser: desk.user.name,
    targetDomain: DOMAIN.netbios,
    server: 'localhost',
    info: 'localhost',
    process: machine.core.winlogon,
    ip: '127.0.0.1',
    port: '0',
  });
}

/** Plans the working day that starts at office midnight `midnight`. */
export function planWorkday(rng: Rng, midnight: number): Workday {
  const at = (minutes: number): number => midnight + minutes * MINUTE + rng.int(0, MINUTE - 1);
  const arrive = at(rng.around(8 * 60 + 15, 45));
  const leave = at(rng.around(17 * 60 + 30, 60));
  const lunch = at(rng.around(12 * 60 + 15, 30));

  const breaks: (readonly [number, number])[] = [[lunch, lunch + rng.int(25, 55) * MINUTE]];
  for (let i = rng.int(1, 3); i > 0; i -= 1) {
    const start = arrive + Math.floor(rng.next() * (leave - arrive - HOUR));
    breaks.push([start, start + rng.int(4, 15) * MINUTE]);
  }
  breaks.sort((a, b) => a[0] - b[0]);
  return { arrive, leave, breaks: withoutOverlaps(breaks) };
}

/** The stretches of a day the person is at the keyboard. */
export function activeSpans(day: Workday): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = [];
  let from = day.arrive;
  for (const [start, end] of day.breaks) {
    if (start > from) spans.push([from, start]);
    from = Math.max(from, end);
  }
  if (day.leave > from) spans.push([from, day.leave]);
  return spans;
}

function withoutOverlaps(
  breaks: readonly (readonly [number, number])[],
): (readonly [number, number])[] {
  const kept: (readonly [number, number])[] = [];
  for (const span of breaks) {
    const last = kept[kept.length - 1];
    if (!last || span[0] > last[1]) kept.push(span);
  }
  return kept;
}
