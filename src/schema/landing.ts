/**
 * Which vendor table a stored row is counted under in ingest summaries: the table it belongs
 * to in Sentinel. Security-channel events land in `SecurityEvent`, Sysmon in `SysmonEvent`
 * (Sentinel's Sysmon parser over `Event`), every other Windows event in `Event`, and rows kept
 * whole in their own table.
 */

/** The Sysmon channel. */
export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

/** SQL over a stored row naming its landing table. */
export function landingTableSql(): string {
  return `CASE WHEN _Table IS NOT NULL THEN _Table
    WHEN Channel = 'Security' THEN 'SecurityEvent'
    WHEN Channel = '${SYSMON_CHANNEL}' THEN 'SysmonEvent'
    ELSE 'Event' END`;
}
