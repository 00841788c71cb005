/**
 * Writes Windows events and vendor rows onto the timeline, filling in the `<System>` element the
 * way each provider does: provider names and GUIDs, task codes, versions, keywords, and the
 * process and thread that wrote the event.
 */
import type { FieldValue, SystemFields, WindowsEventRecord } from '../ingest/record.js';
import type { Clock } from './clock.js';
import type { Channel, Machine } from './machine.js';
import type { Row, Timeline } from './timeline.js';

/** The Security events the demo writes. */
export type SecurityEventId = 4624 | 4625 | 4634 | 4648 | 4672 | 4688 | 4697 | 4720;

/** The Sysmon events the demo writes. */
export type SysmonEventId = 1 | 3 | 11 | 22;

/** Event data: field names in the order Windows writes them. */
export type EventData = Record<string, FieldValue>;

const SECURITY_PROVIDER = 'Microsoft-Windows-Security-Auditing';
const SECURITY_GUID = '{54849625-5478-4994-a5ba-3e3b0328c30d}';
const SYSMON_PROVIDER = 'Microsoft-Windows-Sysmon';
const SYSMON_GUID = '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}';
const SCM_PROVIDER = 'Service Control Manager';
const SCM_GUID = '{555908d1-a6d7-4695-8e1e-26931d2012f4}';

const AUDIT_SUCCESS = '0x8020000000000000';
const AUDIT_FAILURE = '0x8010000000000000';
const SYSMON_KEYWORDS = '0x8000000000000000';
const CLASSIC_KEYWORDS = '0x8080000000000000';

const SECURITY_TASKS = {
  4624: 12544,
  4625: 12544,
  4634: 12545,
  4648: 12544,
  4672: 12548,
  4688: 13312,
  4697: 12289,
  4720: 13824,
} satisfies Record<SecurityEventId, number>;

const SECURITY_VERSIONS = {
  4624: 2,
  4625: 0,
  4634: 0,
  4648: 0,
  4672: 0,
  4688: 2,
  4697: 0,
  4720: 0,
} satisfies Record<SecurityEventId, number>;

const SYSMON_VERSIONS = { 1: 5, 3: 5, 11: 2, 22: 5 } satisfies Record<SysmonEventId, number>;

/** Turns event data into records on the timeline. */
export class Recorder {
  constructor(
    readonly clock: Clock,
    private readonly timeline: Timeline,
  ) {}

  /**
   * A Security event. Process creation is written by the kernel (process 4); everything else
   * by lsass.exe on one of its threads.
   */
  security(machine: Machine, at: number, id: SecurityEventId, data: EventData): void {
    const byKernel = id === 4688;
    this.event(machine, at, data, {
      Provider: SECURITY_PROVIDER,
      ProviderGuid: SECURITY_GUID,
      EventID: id,
      Version: SECURITY_VERSIONS[id],
      Level: 0,
      Task: SECURITY_TASKS[id],
      Opcode: 0,
      Keywords: id === 4625 ? AUDIT_FAILURE : AUDIT_SUCCESS,
      TimeCreated: this.clock.iso(at),
      EventRecordID: 0,
      ProcessID: byKernel ? 4 : machine.core.lsass.pid,
      ThreadID: byKernel ? machine.anyThread() : machine.lsassThread(),
      Channel: 'Security',
      Computer: machine.fqdn,
    });
  }

  /** A Sysmon event, written by Sysmon's service running as SYSTEM. */
  sysmon(machine: Machine, at: number, id: SysmonEventId, data: EventData): void {
    this.event(machine, at, data, {
      Provider: SYSMON_PROVIDER,
      ProviderGuid: SYSMON_GUID,
      EventID: id,
      Version: SYSMON_VERSIONS[id],
      Level: 4,
      Task: id,
      Opcode: 0,
      Keywords: SYSMON_KEYWORDS,
      TimeCreated: this.clock.iso(at),
      EventRecordID: 0,
      ProcessID: machine.core.sysmon.pid,
      ThreadID: machine.sysmonThread(),
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      Computer: machine.fqdn,
      UserID: 'S-1-5-18',
    });
  }

  /** A System 7045 "service installed", written by services.exe on behalf of `userSid`. */
  serviceInstalled(machine: Machine, at: number, userSid: string, data: EventData): void {
    this.event(machine, at, data, {
      Provider: SCM_PROVIDER,
      ProviderGuid: SCM_GUID,
      EventSourceName: SCM_PROVIDER,
      EventID: 7045,
      Qualifiers: 16384,
      Version: 0,
      Level: 4,
      Task: 0,
      Opcode: 0,
      Keywords: CLASSIC_KEYWORDS,
      TimeCreated: this.clock.iso(at),
      EventRecordID: 0,
      ProcessID: machine.core.services.pid,
      ThreadID: machine.anyThread(),
      Channel: 'System',
      Computer: machine.fqdn,
      UserID: userSid,
    });
  }

  /** A vendor row; `build` receives the row's `TimeGenerated`. */
  row(at: number, build: (timeGenerated: string) => Row): void {
    this.timeline.addRow(at, build(this.clock.iso(at)));
  }

  private event(machine: Machine, at: number, data: EventData, system: SystemFields): void {
    const event: WindowsEventRecord = { System: system, EventData: data };
    this.timeline.addEvent(at, event, machine.log(system.Channel as Channel));
  }
}
