/**
 * Installing a Windows service leaves two records: System 7045 from the Service Control Manager
 * and, with security system extension auditing on, Security 4697. They name the same service in
 * different words: 7045 writes the display name and the type in text, 4697 the key name and
 * the type as numbers.
 */
import type { Identity } from './accounts.js';
import { MS } from './clock.js';
import type { Machine } from './machine.js';
import type { Recorder } from './recorder.js';

/** A service to install. */
export interface ServiceSpec {
  /** The service's key name: `WinUpdSvc`. */
  readonly name: string;
  /** What 7045 shows; the key name when left out. */
  readonly displayName?: string;
  readonly imagePath: string;
  readonly kind: 'service' | 'driver';
  readonly start: 'auto' | 'demand';
  /** `LocalSystem`, or empty for a driver. */
  readonly account: string;
}

const TYPE_TEXT = { service: 'user mode service', driver: 'kernel mode driver' } as const;
const TYPE_CODE = { service: '0x10', driver: '0x1' } as const;
const START_TEXT = { auto: 'auto start', demand: 'demand start' } as const;
const START_CODE = { auto: '2', demand: '3' } as const;

/** Writes the 7045 and 4697 of a service `installer` installed on `machine` at `at`. */
export function installService(
  rec: Recorder,
  machine: Machine,
  at: number,
  installer: Identity,
  service: ServiceSpec,
): void {
  rec.serviceInstalled(machine, at, installer.account.sid, {
    ServiceName: service.displayName ?? service.name,
    ImagePath: service.imagePath,
    ServiceType: TYPE_TEXT[service.kind],
    StartType: START_TEXT[service.start],
    AccountName: service.account,
  });

  rec.security(machine, at + machine.rng.int(1, 20) * MS, 4697, {
    SubjectUserSid: installer.account.sid,
    SubjectUserName: installer.account.creatorName,
    SubjectDomainName: installer.account.creatorDomain,
    SubjectLogonId: installer.logonId,
    ServiceName: service.name,
    ServiceFileName: service.imagePath,
    ServiceType: TYPE_CODE[service.kind],
    ServiceStartType: START_CODE[service.start],
    ServiceAccount: service.account,
  });
}
