/** The signed-in user's placements as a filter: "all" (value '') first, then `code · name`. */
import { useSession } from '../stores/session';

export function PlacementSelect({ value, onChange, allLabel, testId }: { value: string; onChange(placementId: string): void; allLabel: string; testId: string }) {
  const placements = useSession((s) => s.placements);
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{allLabel}</option>
      {placements.map((p) => (
        <option key={p.id} value={p.id}>
          {p.code} · {p.name}
        </option>
      ))}
    </select>
  );
}
