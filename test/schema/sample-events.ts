/**
 * The events of the view tests: one of each kind the views treat differently, written as
 * ingest stores them.
 */
export type Json = Record<string, unknown>;

/** One stored row, System fields by their column names. */
export interface StoredEvent {
  readonly id: string;
  readonly format: string;
  readonly table?: string;
  readonly system: Json;
  /** EventData as stored: the event data, or the whole exported row. */
  readonly data: Json;
  readonly extra?: Json;
}

const SECURITY_AUDITING = {
  Provider: 'Microsoft-Windows-Security-Auditing',
  ProviderGuid: '{54849625-5478-4994-a5ba-3e3b0328c30d}',
  Channel: 'Security',
  Keywords: 0x8020000000000000n,
  Level: 0,
  Opcode: 0,
  ExecutionProcessID: 4,
  ExecutionThreadID: 7540,
};

const SYSMON = {
  Provider: 'Microsoft-Windows-Sysmon',
  ProviderGuid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
  Channel: 'Microsoft-Windows-Sysmon/Operational',
  Keywords: 0x8000000000000000n,
  Level: 4,
  Opcode: 0,
  SystemUserID: 'S-1-5-18',
};

export const WMIC_4688: StoredEvent = {
  id: '00000000-0000-0000-0000-000000004688',
  format: 'quarry',
  system: {
    ...SECURITY_AUDITING,
    TimeCreated: '2024-03-01 10:00:00.1234567',
    EventID: 4688,
    Version: 2,
    Task: 13312,
    Computer: 'WKS01.corp.local',
    EventRecordID: 1001,
  },
  data: {
    SubjectUserSid: 'S-1-5-21-1111111111-2222222222-3333333333-1104',
    SubjectUserName: 'jdoe',
    SubjectDomainName: 'CORP',
    SubjectLogonId: '0x5a3f1',
    NewProcessId: '0x1a2c',
    NewProcessName: 'C:\\Windows\\System32\\wbem\\WMIC.exe',
    TokenElevationType: '%%1936',
    ProcessId: '0x99c',
    CommandLine: 'wmic /node:10.0.0.5 process call create "cmd.exe /c whoami"',
    TargetUserSid: 'S-1-0-0',
    TargetUserName: '-',
    TargetDomainName: '-',
    TargetLogonId: '0x0',
    ParentProcessName: 'C:\\Windows\\System32\\cmd.exe',
    MandatoryLabel: 'S-1-16-12288',
  },
};

export const NETWORK_LOGON_4624: StoredEvent = {
  id: '00000000-0000-0000-0000-000000004624',
  format: 'quarry',
  system: {
    ...SECURITY_AUDITING,
    TimeCreated: '2024-03-01 09:59:58',
    EventID: 4624,
    Version: 2,
    Task: 12544,
    Computer: 'SRV01.corp.local',
    EventRecordID: 2002,
  },
  data: {
    SubjectUserSid: 'S-1-0-0',
    SubjectUserName: '-',
    SubjectDomainName: '-',
    SubjectLogonId: '0x0',
    TargetUserSid: 'S-1-5-21-1111111111-2222222222-3333333333-1104',
    TargetUserName: 'jdoe',
    TargetDomainName: 'CORP',
    TargetLogonId: '0x7b1c2',
    LogonType: '3',
    LogonProcessName: 'NtLmSsp ',
    AuthenticationPackageName: 'NTLM',
    WorkstationName: 'WKS01',
    ProcessId: '0x0',
    ProcessName: '-',
    IpAddress: '10.0.0.5',
    IpPort: '49812',
  },
};

export const SYSMON_1: StoredEvent = {
  id: '00000000-0000-0000-0000-000000000001',
  format: 'quarry',
  system: {
    ...SYSMON,
    TimeCreated: '2024-03-01 10:00:00.2000000',
    EventID: 1,
    Version: 5,
    Task: 1,
    Computer: 'WKS01.corp.local',
    EventRecordID: 3003,
    ExecutionProcessID: 2936,
    ExecutionThreadID: 4012,
  },
  data: {
    RuleName: '-',
    UtcTime: '2024-03-01 10:00:00.198',
    ProcessGuid: '{a1b2c3d4-0000-0000-0000-000000000001}',
    ProcessId: '6700',
    Image: 'C:\\Windows\\System32\\wbem\\WMIC.exe',
    CommandLine: 'wmic process call create calc.exe',
    User: 'CORP\\jdoe',
    LogonId: '0x5a3f1',
    IntegrityLevel: 'High',
    Hashes: 'SHA1=AAAA1111,MD5=BBBB2222,SHA256=CCCC3333,IMPHASH=DDDD4444',
    ParentProcessGuid: '{a1b2c3d4-0000-0000-0000-000000000002}',
    ParentProcessId: '2460',
    ParentImage: 'C:\\Windows\\System32\\cmd.exe',
    ParentCommandLine: 'cmd.exe',
  },
};

export const SERVICE_7045: StoredEvent = {
  id: '00000000-0000-0000-0000-000000007045',
  format: 'quarry',
  system: {
    Provider: 'Service Control Manager',
    ProviderGuid: '{555908d1-a6d7-4695-8e1e-26931d2012f4}',
    EventSourceName: 'Service Control Manager',
    Channel: 'System',
    TimeCreated: '2024-03-01 10:05:00',
    EventID: 7045,
    Qualifiers: 16384,
    Version: 0,
    Level: 4,
    Task: 0,
    Opcode: 0,
    Keywords: 0x8080000000000000n,
    Computer: 'SRV01.corp.local',
    EventRecordID: 4004,
    SystemUserID: 'S-1-5-21-1111111111-2222222222-3333333333-500',
  },
  data: {
    ServiceName: 'PSEXESVC',
    ImagePath: '%SystemRoot%\\PSEXESVC.exe',
    ServiceType: 'user mode service',
    StartType: 'demand start',
    AccountName: 'LocalSystem',
  },
};

/** An NXLog export: the event data at the top level beside System and exporter keys. */
export const FLAT_4672: StoredEvent = {
  id: '00000000-0000-0000-0000-000000004672',
  format: 'flat',
  system: {
    ...SECURITY_AUDITING,
    TimeCreated: '2024-03-01 10:06:00',
    EventID: 4672,
    Version: 0,
    Task: 12548,
    Computer: 'DC01.corp.local',
    EventRecordID: 5005,
    Message: 'Special privileges assigned to new logon.',
  },
  data: {
    EventTime: '2024-03-01 11:06:00',
    Hostname: 'DC01.corp.local',
    Keywords: -9214364837600034816,
    EventType: 'AUDIT_SUCCESS',
    SeverityValue: 2,
    Severity: 'INFO',
    EventID: 4672,
    SourceName: 'Microsoft-Windows-Security-Auditing',
    Channel: 'Security',
    Message: 'Special privileges assigned to new logon.',
    Category: 'Special Logon',
    EventReceivedTime: '2024-03-01 11:06:01',
    SourceModuleName: 'eventlog',
    SourceModuleType: 'im_msvistalog',
    SubjectUserSid: 'S-1-5-18',
    SubjectUserName: 'SYSTEM',
    SubjectDomainName: 'NT AUTHORITY',
    SubjectLogonId: '0x3e7',
    PrivilegeList: 'SeDebugPrivilege',
  },
};

export const FIREWALL_ROW: StoredEvent = {
  id: '00000000-0000-0000-0000-00000000c5e1',
  format: 'sentinel-table',
  table: 'CommonSecurityLog',
  system: { TimeCreated: '2024-03-01 10:00:02', Computer: 'fw01' },
  data: {
    TimeGenerated: '2024-03-01T10:00:02Z',
    DeviceVendor: 'Palo Alto Networks',
    DeviceProduct: 'PAN-OS',
    DeviceVersion: '10.1',
    DeviceEventClassID: 'TRAFFIC',
    Activity: 'TRAFFIC|end',
    LogSeverity: '3',
    DeviceAction: 'allow',
    Protocol: 'TCP',
    SourceIP: '10.0.0.5',
    SourcePort: 50123,
    DestinationIP: '203.0.113.9',
    DestinationPort: 443,
    RequestURL: 'https://example.test/q?a=b',
    SentBytes: 1200,
    ReceivedBytes: 5300,
    Computer: 'fw01',
  },
};

export const SYSLOG_ROW: StoredEvent = {
  id: '00000000-0000-0000-0000-00000000515a',
  format: 'sentinel-table',
  table: 'Syslog',
  system: { TimeCreated: '2024-03-01 10:07:00', Computer: 'lnx01' },
  data: {
    TimeGenerated: '2024-03-01T10:07:00Z',
    Computer: 'lnx01',
    Facility: 'auth',
    SeverityLevel: 'info',
    ProcessID: 912,
    SyslogMessage: 'Accepted publickey for root from 10.0.0.5',
  },
};

export const SAMPLE_EVENTS: readonly StoredEvent[] = [
  WMIC_4688,
  NETWORK_LOGON_4624,
  SYSMON_1,
  SERVICE_7045,
  FLAT_4672,
  FIREWALL_ROW,
  SYSLOG_ROW,
];
