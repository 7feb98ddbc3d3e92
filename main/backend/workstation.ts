/** This workstation's id: made once, kept in settings; it names the workstation in reports and exports. */
import { newId } from '../../common/ids';
import type { Db } from '../../db/open';
import { settingsRepo } from '../../db/repos/settings';

export function workstationIdOf(db: Db): string {
  let id = settingsRepo.get(db, 'workstation_id');
  if (!id) {
    id = newId();
    settingsRepo.set(db, 'workstation_id', id);
  }
  return id;
}
