/**
 * Starting processes: every start writes a Security 4688 (version 2) and a Sysmon 1 that agree
 * on the process id, image, command line, account, logon and parent.
 */
import {
  ELEVATION_CODES,
  MANDATORY_LABELS,
  type Elevation,
  type Identity,
  type Integrity,
} from './accounts.js';
import { MS } from './clock.js';
import type { Image, ImageName } from './images.js';
import type { Proc } from './machine.js';
import type { EventData, Recorder } from './recorder.js';

/** What to start, and how; anything left out is inherited from the parent. */
export interface SpawnSpec {
  readonly image: ImageName | Image;
  readonly commandLine: string;
  /** The logon the new process runs in, when not its parent's. */
  readonly identity?: Identity;
  readonly integrity?: Integrity;
  readonly elevation?: Elevation;
  readonly cwd?: string;
  /** Starts `conhost.exe` for the new process, as Windows does for console programs. */
  readonly console?: boolean;
}

/**
 * Starts a process under `parent` at `at`, writes its 4688 and Sysmon 1, and returns it.
 *
 * @example spawn(rec, at, explorer, { image: 'notepad', commandLine: 'notepad.exe notes.txt' })
 */
export function spawn(rec: Recorder, at: number, parent: Proc, spec: SpawnSpec): Proc {
  const machine = parent.machine;
  const image = typeof spec.image === 'string' ? machine.image(spec.image) : spec.image;
  const proc: Proc = {
    machine,
    pid: machine.pid(),
    guid: machine.processGuid(at),
    image,
    commandLine: spec.commandLine,
    cwd: spec.cwd ?? parent.cwd,
    identity: spec.identity ?? parent.identity,
    integrity: spec.integrity ?? parent.integrity,
    elevation: spec.elevation ?? parent.elevation,
  };

  rec.security(machine, at, 4688, processCreation(proc, parent));
  rec.sysmon(machine, at + machine.rng.int(2, 60) * MS, 1, processCreate(rec, at, proc, parent));

  if (spec.console) {
    const conhost = '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1';
    spawn(rec, at + machine.rng.int(3, 30) * MS, proc, { image: 'conhost', commandLine: conhost });
  }
  return proc;
}

/** A process id as the Security log writes it: `0x1a2c`. */
export function hexPid(pid: number): string {
  return `0x${pid.toString(16)}`;
}

/** True when two identities are the same logon of the same account. */
export function sameLogon(a: Identity, b: Identity): boolean {
  return a.account.sid === b.account.sid && a.logonId === b.logonId;
}

function processCreation(proc: Proc, parent: Proc): EventData {
  const creator = parent.identity.account;
  const same = sameLogon(proc.identity, parent.identity);
  const target = proc.identity.account;
  return {
    SubjectUserSid: creator.sid,
    SubjectUserName: creator.creatorName,
    SubjectDomainName: creator.creatorDomain,
    SubjectLogonId: parent.identity.logonId,
    NewProcessId: hexPid(proc.pid),
    NewProcessName: proc.image.path,
    TokenElevationType: ELEVATION_CODES[proc.elevation],
    ProcessId: hexPid(parent.pid),
    CommandLine: proc.commandLine,
    TargetUserSid: 'S-1-0-0',
    TargetUserName: same ? '-' : target.creatorName,
    TargetDomainName: same ? '-' : target.creatorDomain,
    TargetLogonId: same ? '0x0' : proc.identity.logonId,
    ParentProcessName: parent.image.path,
    MandatoryLabel: MANDATORY_LABELS[proc.integrity],
  };
}

function processCreate(rec: Recorder, at: number, proc: Proc, parent: Proc): EventData {
  return {
    RuleName: '-',
    UtcTime: rec.clock.sysmonTime(at),
    ProcessGuid: proc.guid,
    ProcessId: String(proc.pid),
    Image: proc.image.path,
    FileVersion: proc.image.fileVersion,
    Description: proc.image.description,
    Product: proc.image.product,
    Company: proc.image.company,
    OriginalFileName: proc.image.originalFileName,
    CommandLine: proc.commandLine,
    CurrentDirectory: proc.cwd,
    User: proc.identity.account.qualified,
    LogonGuid: proc.identity.logonGuid,
    LogonId: proc.identity.logonId,
    TerminalSessionId: String(proc.identity.session),
    IntegrityLevel: proc.integrity,
    Hashes: proc.image.hashes,
    ParentProcessGuid: parent.guid,
    ParentProcessId: String(parent.pid),
    ParentImage: parent.image.path,
    ParentCommandLine: parent.commandLine,
    ParentUser: parent.identity.account.qualified,
  };
}
