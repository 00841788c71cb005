/**
 * The columns of Microsoft Defender XDR's advanced-hunting tables, in the order and with the
 * types of Microsoft's Defender XDR schema reference (2024-09 revision).
 */
import { columnList } from './types.js';

export const DEVICE_PROCESS_COLUMNS = columnList(`
  Timestamp datetime, DeviceId string, DeviceName string, ActionType string, FileName string,
  FolderPath string, SHA1 string, SHA256 string, MD5 string, FileSize long,
  ProcessVersionInfoCompanyName string, ProcessVersionInfoProductName string,
  ProcessVersionInfoProductVersion string, ProcessVersionInfoInternalFileName string,
  ProcessVersionInfoOriginalFileName string, ProcessVersionInfoFileDescription string,
  ProcessId long, ProcessCommandLine string, ProcessIntegrityLevel string,
  ProcessTokenElevation string, ProcessCreationTime datetime, AccountDomain string,
  AccountName string, AccountSid string, AccountUpn string, AccountObjectId string, LogonId long,
  InitiatingProcessAccountDomain string, InitiatingProcessAccountName string,
  InitiatingProcessAccountSid string, InitiatingProcessAccountUpn string,
  InitiatingProcessAccountObjectId string, InitiatingProcessLogonId long,
  InitiatingProcessIntegrityLevel string, InitiatingProcessTokenElevation string,
  InitiatingProcessSHA1 string, InitiatingProcessSHA256 string, InitiatingProcessMD5 string,
  InitiatingProcessFileName string, InitiatingProcessFileSize long,
  InitiatingProcessVersionInfoCompanyName string, InitiatingProcessVersionInfoProductName string,
  InitiatingProcessVersionInfoProductVersion string,
  InitiatingProcessVersionInfoInternalFileName string,
  InitiatingProcessVersionInfoOriginalFileName string,
  InitiatingProcessVersionInfoFileDescription string, InitiatingProcessId long,
  InitiatingProcessCommandLine string, InitiatingProcessCreationTime datetime,
  InitiatingProcessFolderPath string, InitiatingProcessParentId long,
  InitiatingProcessParentFileName string, InitiatingProcessParentCreationTime datetime,
  InitiatingProcessSignerType string, InitiatingProcessSignatureStatus string, ReportId long,
  AppGuardContainerId string, AdditionalFields string, InitiatingProcessSessionId long,
  IsInitiatingProcessRemoteSession bool, InitiatingProcessRemoteSessionDeviceName string,
  InitiatingProcessRemoteSessionIP string, CreatedProcessSessionId long,
  IsProcessRemoteSession bool, ProcessRemoteSessionDeviceName string,
  ProcessRemoteSessionIP string
`);

export const DEVICE_NETWORK_COLUMNS = columnList(`
  Timestamp datetime, DeviceId string, DeviceName string, ActionType string, RemoteIP string,
  RemotePort int, RemoteUrl string, LocalIP string, LocalPort int, Protocol string,
  LocalIPType string, RemoteIPType string, InitiatingProcessSHA1 string,
  InitiatingProcessSHA256 string, InitiatingProcessMD5 string, InitiatingProcessFileName string,
  InitiatingProcessFileSize long, InitiatingProcessVersionInfoCompanyName string,
  InitiatingProcessVersionInfoProductName string,
  InitiatingProcessVersionInfoProductVersion string,
  InitiatingProcessVersionInfoInternalFileName string,
  InitiatingProcessVersionInfoOriginalFileName string,
  InitiatingProcessVersionInfoFileDescription string, InitiatingProcessId long,
  InitiatingProcessCommandLine string, InitiatingProcessCreationTime datetime,
  InitiatingProcessFolderPath string, InitiatingProcessParentFileName string,
  InitiatingProcessParentId long, InitiatingProcessParentCreationTime datetime,
  InitiatingProcessAccountDomain string, InitiatingProcessAccountName string,
  InitiatingProcessAccountSid string, InitiatingProcessAccountUpn string,
  InitiatingProcessAccountObjectId string, InitiatingProcessIntegrityLevel string,
  InitiatingProcessTokenElevation string, ReportId long, AppGuardContainerId string,
  AdditionalFields string, InitiatingProcessSessionId long,
  IsInitiatingProcessRemoteSession bool, InitiatingProcessRemoteSessionDeviceName string,
  InitiatingProcessRemoteSessionIP string
`);

export const DEVICE_LOGON_COLUMNS = columnList(`
  Timestamp datetime, DeviceId string, DeviceName string, ActionType string, LogonType string,
  AccountDomain string, AccountName string, AccountSid string, Protocol string,
  FailureReason string, IsLocalAdmin bool, LogonId long, RemoteDeviceName string,
  RemoteIP string, RemoteIPType string, RemotePort int, InitiatingProcessAccountDomain string,
  InitiatingProcessAccountName string, InitiatingProcessAccountSid string,
  InitiatingProcessAccountUpn string, InitiatingProcessAccountObjectId string,
  InitiatingProcessIntegrityLevel string, InitiatingProcessTokenElevation string,
  InitiatingProcessSHA1 string, InitiatingProcessSHA256 string, InitiatingProcessMD5 string,
  InitiatingProcessFileName string, InitiatingProcessFileSize long,
  InitiatingProcessVersionInfoCompanyName string, InitiatingProcessVersionInfoProductName string,
  InitiatingProcessVersionInfoProductVersion string,
  InitiatingProcessVersionInfoInternalFileName string,
  InitiatingProcessVersionInfoOriginalFileName string,
  InitiatingProcessVersionInfoFileDescription string, InitiatingProcessId long,
  InitiatingProcessCommandLine string, InitiatingProcessCreationTime datetime,
  InitiatingProcessFolderPath string, InitiatingProcessParentId long,
  InitiatingProcessParentFileName string, InitiatingProcessParentCreationTime datetime,
  ReportId long, AppGuardContainerId string, AdditionalFields string,
  InitiatingProcessSessionId long, IsInitiatingProcessRemoteSession bool,
  InitiatingProcessRemoteSessionDeviceName string, InitiatingProcessRemoteSessionIP string
`);

export const DEVICE_FILE_COLUMNS = columnList(`
  Timestamp datetime, DeviceId string, DeviceName string, ActionType string, FileName string,
  FolderPath string, SHA1 string, SHA256 string, MD5 string, FileOriginUrl string,
  FileOriginReferrerUrl string, FileOriginIP string, PreviousFolderPath string,
  PreviousFileName string, FileSize long, InitiatingProcessAccountDomain string,
  InitiatingProcessAccountName string, InitiatingProcessAccountSid string,
  InitiatingProcessAccountUpn string, InitiatingProcessAccountObjectId string,
  InitiatingProcessMD5 string, InitiatingProcessSHA1 string, InitiatingProcessSHA256 string,
  InitiatingProcessFolderPath string, InitiatingProcessFileName string,
  InitiatingProcessFileSize long, InitiatingProcessVersionInfoCompanyName string,
  InitiatingProcessVersionInfoProductName string,
  InitiatingProcessVersionInfoProductVersion string,
  InitiatingProcessVersionInfoInternalFileName string,
  InitiatingProcessVersionInfoOriginalFileName string,
  InitiatingProcessVersionInfoFileDescription string, InitiatingProcessId long,
  InitiatingProcessCommandLine string, InitiatingProcessCreationTime datetime,
  InitiatingProcessIntegrityLevel string, InitiatingProcessTokenElevation string,
  InitiatingProcessParentId long, InitiatingProcessParentFileName string,
  InitiatingProcessParentCreationTime datetime, RequestProtocol string, RequestSourceIP string,
  RequestSourcePort int, RequestAccountName string, RequestAccountDomain string,
  RequestAccountSid string, ShareName string, SensitivityLabel string,
  SensitivitySubLabel string, IsAzureInfoProtectionApplied bool, ReportId long,
  AppGuardContainerId string, AdditionalFields string, InitiatingProcessSessionId long,
  IsInitiatingProcessRemoteSession bool, InitiatingProcessRemoteSessionDeviceName string,
  InitiatingProcessRemoteSessionIP string
`);
