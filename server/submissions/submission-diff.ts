export interface ChangedCell {
  geo: string;
  indicator: string;
  period: string;
  old: { value: number | null; flags: string };
  new: { value: number | null; flags: string };
}

/** What committing a submission would change in published data. */
export interface SubmissionDiff {
  newCells: number;
  changedCells: number;
  unchangedCells: number;
  /** Published cells of the indicators in the file that the file does not mention. They stay as they are. */
  leftOutCells: number;
  /** The first changed cells in key order (indicator, geo, period), at most CHANGED_LISTED. */
  changed: ChangedCell[];
}

export const CHANGED_LISTED = 500;
