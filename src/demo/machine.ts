/**
 * A Windows machine while the demo runs: its identities, the processes that were running before
 * the window opened, and the counters Windows keeps (process ids, logon ids, GUIDs, threads).
 */
import {
  builtinAccounts,
  type Account,
  type BuiltinAccounts,
  type Elevation,
  type Identity,
  type Integrity,
} from './accounts.js';
import { DAY, HOUR, SECOND, type Clock } from './clock.js';
import { fqdn, type HostSpec } from './estate.js';
import { imageOn, type Image, type ImageName } from './images.js';
import type { Rng } from './random.js';
import type { RecordSequence } from './timeline.js';
import { InternalError } from '../errors.js';

/** A running process. */
export interface Proc {
  readonly machine: Machine;
  readonly pid: number;
  /** The GUID Sysmon gives the process. */
  readonly guid: string;
  readonly image: Image;
  readonly commandLine: string;
  /** The working directory, ending in a backslash as Sysmon writes it. */
  readonly cwd: string;
  readonly identity: Identity;
  readonly integrity: Integrity;
  readonly elevation: Elevation;
}

/** The processes every machine had running before the window opened. */
export interface CoreProcesses {
  readonly smss: Proc;
  readonly wininit: Proc;
  readonly services: Proc;
  readonly lsass: Proc;
  /** The console session's logon process. */
  readonly winlogon: Proc;
  /** `svchost.exe -k DcomLaunch`, which starts COM servers such as WmiPrvSE.exe. */
  readonly dcomLaunch: Proc;
  /** `svchost.exe -k netsvcs -s Schedule`, which runs scheduled tasks. */
  readonly scheduler: Proc;
  readonly sysmon: Proc;
  readonly defender: Proc;
}

/** Windows event channels the demo writes. */
export type Channel = 'Security' | 'System' | 'Microsoft-Windows-Sysmon/Operational';

const SYSTEM32 = 'C:\\Windows\\system32\\';

/** One Windows machine of the estate. */
export class Machine {
  readonly name: string;
  readonly fqdn: string;
  readonly ip: string;
  readonly build: number;
  readonly accounts: BuiltinAccounts;
  readonly system: Identity;
  readonly networkService: Identity;
  readonly localService: Identity;
  readonly core: CoreProcesses;
  /** The moment the machine last started, some days before the window. */
  readonly bootAt: number;

  private readonly guidPrefix: string;
  private readonly guidTail: string;
  private processCounter: number;
  private readonly lsassThreads: readonly number[];
  private readonly sysmonThreads: readonly number[];
  private readonly logs: Record<Channel, RecordSequence>;

  constructor(
    readonly spec: HostSpec,
    readonly clock: Clock,
    readonly rng: Rng,
  ) {
    if (spec.build === undefined) throw new InternalError(`${spec.name} does not run Windows`);
    this.name = spec.name;
    this.fqdn = fqdn(spec.name);
    this.ip = spec.ip;
    this.build = spec.build;
    this.accounts = builtinAccounts(spec);

    this.bootAt = -rng.int(2 * DAY, 20 * DAY) - rng.int(0, HOUR);
    this.guidPrefix = rng.hex(8);
    this.guidTail = `00000000${rng.hex(2)}00`;
    this.processCounter = rng.int(0x100, 0x400);

    this.system = this.identity(this.accounts.system, '0x3e7', 0, this.bootAt);
    this.networkService = this.identity(this.accounts.networkService, '0x3e4', 0, this.bootAt);
    this.localService = this.identity(this.accounts.localService, '0x3e5', 0, this.bootAt);

    this.lsassThreads = this.threads(5);
    this.sysmonThreads = this.threads(4);
    this.logs = this.recordIdStarts();
    this.core = this.bootProcesses();
  }

  /** A catalogued executable as installed on this machine. */
  image(name: ImageName): Image {
    return imageOn(this.build, name);
  }

  /** A fresh process id: Windows hands out multiples of four. */
  pid(): number {
    return 4 * this.rng.int(120, 4_000);
  }

  /** A fresh Sysmon process GUID for a process started at `at`. */
  processGuid(at: number): string {
    this.processCounter = (this.processCounter + this.rng.int(1, 3)) & 0xffff;
    const counter = littleEndianHex(BigInt(this.processCounter), 2);
    return `{${this.guidPrefix}-${this.timeGroups(at)}-${counter}-${this.guidTail}}`;
  }

  /** A fresh logon id, as Windows writes it: `0x5a3c21`. */
  logonId(): string {
    return `0x${this.rng.int(0x100000, 0x9fffffff).toString(16)}`;
  }

  /** A logon session of `account` on this machine, begun at `at`. */
  identity(account: Account, logonId: string, session: number, at: number): Identity {
    const id = littleEndianHex(BigInt(logonId), 8);
    const time = this.timeGroups(at);
    const logonGuid = `{${this.guidPrefix}-${time}-${id.slice(0, 4)}-${id.slice(4)}}`;
    return { account, logonId, logonGuid, session };
  }

  /**
   * A process that was already running when the window opened: it has ids and a GUID, but no
   * creation events of its own. It started at `startedAt`, or shortly after the machine did.
   */
  running(spec: RunningSpec, startedAt?: number, pid = this.pid()): Proc {
    const at = startedAt ?? this.bootAt + this.rng.int(10, 600) * SECOND;
    const image = this.image(spec.image);
    return { ...spec, machine: this, pid, guid: this.processGuid(at), image };
  }

  /** A thread of lsass.exe, which writes the logon events. */
  lsassThread(): number {
    return this.rng.pick(this.lsassThreads);
  }

  /** A thread of Sysmon's service. */
  sysmonThread(): number {
    return this.rng.pick(this.sysmonThreads);
  }

  /** Any thread id, for events written on behalf of another process. */
  anyThread(): number {
    return 4 * this.rng.int(100, 4_000);
  }

  /** The machine's log for a channel, which numbers its events. */
  log(channel: Channel): RecordSequence {
    return this.logs[channel];
  }

  /** A client-side port from Windows' dynamic range. */
  ephemeralPort(): number {
    return this.rng.int(49_152, 65_535);
  }

  private timeGroups(at: number): string {
    const seconds = this.clock.epochSeconds(at).toString(16).padStart(8, '0');
    return `${seconds.slice(4)}-${seconds.slice(0, 4)}`;
  }

  private threads(count: number): number[] {
    return Array.from({ length: count }, () => 4 * this.rng.int(150, 2_500));
  }

  /** Where each log stood when the window opened: busier machines have written more. */
  private recordIdStarts(): Record<Channel, RecordSequence> {
    const busy =
      this.spec.role === 'domain-controller' ? 12 : this.spec.role === 'workstation' ? 1 : 4;
    return {
      Security: { next: busy * this.rng.int(90_000, 260_000) },
      System: { next: this.rng.int(8_000, 60_000) },
      'Microsoft-Windows-Sysmon/Operational': { next: busy * this.rng.int(40_000, 180_000) },
    };
  }

  private bootProcesses(): CoreProcesses {
    const smssPid = 4 * this.rng.int(70, 110);
    const servicesPid = 4 * this.rng.int(150, 170);
    const lsassPid = servicesPid + 4 * this.rng.int(2, 8);
    const boot = (image: ImageName, commandLine: string, pid?: number): Proc =>
      this.running(
        {
          image,
          commandLine,
          cwd: SYSTEM32,
          identity: this.system,
          integrity: 'System',
          elevation: 'default',
        },
        undefined,
        pid,
      );

    return {
      smss: boot('smss', '\\SystemRoot\\System32\\smss.exe', smssPid),
      wininit: boot('wininit', 'wininit.exe', servicesPid - 4 * this.rng.int(8, 20)),
      services: boot('services', `${SYSTEM32}services.exe`, servicesPid),
      lsass: boot('lsass', `${SYSTEM32}lsass.exe`, lsassPid),
      winlogon: boot('winlogon', 'winlogon.exe', lsassPid + 4 * this.rng.int(20, 60)),
      dcomLaunch: boot('svchost', `${SYSTEM32}svchost.exe -k DcomLaunch -p`),
      scheduler: boot('svchost', `${SYSTEM32}svchost.exe -k netsvcs -p -s Schedule`),
      sysmon: boot('sysmon', 'C:\\Windows\\Sysmon64.exe'),
      defender: boot('msMpEng', `"${this.image('msMpEng').path}"`),
    };
  }
}

/** What `Machine.running` needs to know about a process that predates the window. */
export type RunningSpec = Omit<Proc, 'machine' | 'pid' | 'guid' | 'image'> & {
  readonly image: ImageName;
};

/** The bytes of `value`, least significant first, as `bytes * 2` hex digits. */
function littleEndianHex(value: bigint, bytes: number): string {
  let text = '';
  for (let i = 0; i < bytes; i += 1) {
    text += Number((value >> BigInt(8 * i)) & 0xffn)
      .toString(16)
      .padStart(2, '0');
  }
  return text;
}
