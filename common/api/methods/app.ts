import { method } from '../method';
import { Empty } from '../schemas';
import type { AppInfo, PlacementView } from '../types';

export const app = {
  info: method<AppInfo>()(Empty, { description: 'Version, host kind, the signed-in user and locale.' }),
  placements: method<PlacementView[]>()(Empty, { description: 'Placements visible to the caller.' }),
};
