/**
 * The agency's postal address on each placement, for the letterhead of a letter that can be mailed
 * (its name and phone were already there). Empty until set; the letter leaves the line out then.
 */
export const name = 'agency_address';
export const sql = /* sql */ `
ALTER TABLE placements ADD COLUMN agency_address TEXT NOT NULL DEFAULT '';
`;
