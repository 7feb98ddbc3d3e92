/**
 * The agency's time zone: the one its reporting days are counted in. The setting
 * `agency_time_zone` when present (the demo sets Asia/Shanghai so it counts the same on any
 * machine); otherwise the workstation's own zone, which is where its supervisor sits.
 */
import { isValidZone } from '../../../common/domain/guardrails/time';
import { AppError } from '../../../common/api/result';
import type { Db } from '../../../db/open';
import { settingsRepo } from '../../../db/repos/settings';

export const AGENCY_TIME_ZONE_KEY = 'agency_time_zone';

export function agencyTimeZone(db: Db): string {
  const configured = settingsRepo.get(db, AGENCY_TIME_ZONE_KEY);
  if (configured !== undefined) {
    if (!isValidZone(configured)) throw new AppError('INTERNAL', `the setting ${AGENCY_TIME_ZONE_KEY} is "${configured}", which is not an IANA time zone`);
    return configured;
  }
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own && isValidZone(own) ? own : 'UTC';
}
