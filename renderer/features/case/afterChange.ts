/** After an action changed the case: tell the collector, reload the case, refresh the queue later. */
import { useUi } from '../../stores/ui';
import { useCase } from './caseStore';

export async function afterChange(message: string): Promise<void> {
  useUi.getState().notify('success', message);
  await useCase.getState().refresh();
}
