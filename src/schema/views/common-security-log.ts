/**
 * Sentinel's `CommonSecurityLog`: firewall, proxy and other appliance events in the Common
 * Event Format, over the rows kept whole under that table's name. Columns and types follow
 * Microsoft's Azure Monitor Logs table reference (2024-07 revision).
 */
import { col, lit, rowField, type Expr } from '../../plan/expr.js';
import { keptTable } from './exprs.js';
import { columnList, type ViewDefinition } from './types.js';

export const COMMON_SECURITY_LOG_COLUMNS = columnList(`
  Activity string, AdditionalExtensions string, ApplicationProtocol string, _BilledSize real,
  CollectorHostName string, CommunicationDirection string, Computer string,
  DestinationDnsDomain string, DestinationHostName string, DestinationIP string,
  DestinationMACAddress string, DestinationNTDomain string, DestinationPort int,
  DestinationProcessId int, DestinationProcessName string, DestinationServiceName string,
  DestinationTranslatedAddress string, DestinationTranslatedPort int, DestinationUserID string,
  DestinationUserName string, DestinationUserPrivileges string, DeviceAction string,
  DeviceAddress string, DeviceCustomDate1 string, DeviceCustomDate1Label string,
  DeviceCustomDate2 string, DeviceCustomDate2Label string, DeviceCustomFloatingPoint1 real,
  DeviceCustomFloatingPoint1Label string, DeviceCustomFloatingPoint2 real,
  DeviceCustomFloatingPoint2Label string, DeviceCustomFloatingPoint3 real,
  DeviceCustomFloatingPoint3Label string, DeviceCustomFloatingPoint4 real,
  DeviceCustomFloatingPoint4Label string, DeviceCustomIPv6Address1 string,
  DeviceCustomIPv6Address1Label string, DeviceCustomIPv6Address2 string,
  DeviceCustomIPv6Address2Label string, DeviceCustomIPv6Address3 string,
  DeviceCustomIPv6Address3Label string, DeviceCustomIPv6Address4 string,
  DeviceCustomIPv6Address4Label string, DeviceCustomNumber1 int, DeviceCustomNumber1Label string,
  DeviceCustomNumber2 int, DeviceCustomNumber2Label string, DeviceCustomNumber3 int,
  DeviceCustomNumber3Label string, DeviceCustomString1 string, DeviceCustomString1Label string,
  DeviceCustomString2 string, DeviceCustomString2Label string, DeviceCustomString3 string,
  DeviceCustomString3Label string, DeviceCustomString4 string, DeviceCustomString4Label string,
  DeviceCustomString5 string, DeviceCustomString5Label string, DeviceCustomString6 string,
  DeviceCustomString6Label string, DeviceDnsDomain string, DeviceEventCategory string,
  DeviceEventClassID string, DeviceExternalID string, DeviceFacility string,
  DeviceInboundInterface string, DeviceMacAddress string, DeviceName string,
  DeviceNtDomain string, DeviceOutboundInterface string, DevicePayloadId string,
  DeviceProduct string, DeviceTimeZone string, DeviceTranslatedAddress string,
  DeviceVendor string, DeviceVersion string, EndTime datetime, EventCount int,
  EventOutcome string, EventType int, ExternalID int, ExtID string,
  FieldDeviceCustomNumber1 long, FieldDeviceCustomNumber2 long, FieldDeviceCustomNumber3 long,
  FileCreateTime string, FileHash string, FileID string, FileModificationTime string,
  FileName string, FilePath string, FilePermission string, FileSize int, FileType string,
  FlexDate1 string, FlexDate1Label string, FlexNumber1 int, FlexNumber1Label string,
  FlexNumber2 int, FlexNumber2Label string, FlexString1 string, FlexString1Label string,
  FlexString2 string, FlexString2Label string, IndicatorThreatType string, _IsBillable string,
  LogSeverity string, MaliciousIP string, MaliciousIPCountry string, MaliciousIPLatitude real,
  MaliciousIPLongitude real, Message string, OldFileCreateTime string, OldFileHash string,
  OldFileID string, OldFileModificationTime string, OldFileName string, OldFilePath string,
  OldFilePermission string, OldFileSize int, OldFileType string, OriginalLogSeverity string,
  ProcessID int, ProcessName string, Protocol string, Reason string, ReceiptTime string,
  ReceivedBytes long, RemoteIP string, RemotePort string, ReportReferenceLink string,
  RequestClientApplication string, RequestContext string, RequestCookies string,
  RequestMethod string, RequestURL string, _ResourceId string, SentBytes long,
  SimplifiedDeviceAction string, SourceDnsDomain string, SourceHostName string, SourceIP string,
  SourceMACAddress string, SourceNTDomain string, SourcePort int, SourceProcessId int,
  SourceProcessName string, SourceServiceName string, SourceSystem string,
  SourceTranslatedAddress string, SourceTranslatedPort int, SourceUserID string,
  SourceUserName string, SourceUserPrivileges string, StartTime datetime, _SubscriptionId string,
  TenantId string, ThreatConfidence string, ThreatDescription string, ThreatSeverity int,
  TimeGenerated datetime, Type string
`);

const COLUMNS = [...COMMON_SECURITY_LOG_COLUMNS, { name: '_ItemId', type: 'string' as const }];

const OWN: Readonly<Record<string, Expr>> = {
  TimeGenerated: col('TimeCreated'),
  Type: lit('CommonSecurityLog'),
  _ItemId: col('_ItemId'),
};

export const COMMON_SECURITY_LOG_VIEW: ViewDefinition = {
  name: 'CommonSecurityLog',
  schema: 'main',
  description: "Sentinel's CommonSecurityLog table: appliance events in the Common Event Format",
  columns: COLUMNS,
  branches: [
    {
      where: keptTable('CommonSecurityLog'),
      values: Object.fromEntries(
        COLUMNS.map((c) => [c.name, OWN[c.name] ?? rowField(c.name, c.type)]),
      ),
    },
  ],
};
