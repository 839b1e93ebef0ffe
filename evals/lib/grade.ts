/** Every grader returns this shape, whatever the task. */
export interface Grade {
  pass: boolean;
  score: number;
  reason: string;
}

export interface GradedRow<Row> {
  row: Row;
  grade: Grade;
  /** What the system produced, for the report. */
  got: unknown;
}
