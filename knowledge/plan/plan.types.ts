import type { Channel } from '../model/common.schema.ts';
import type { FactValue } from '../model/condition.schema.ts';

export type ChecklistStatus = 'submit' | 'shared' | 'conditional';

/** One merged material of a bundle's checklist (一套材料). */
export interface ChecklistItem {
  id: string;
  name: string;
  status: ChecklistStatus;
  /** Names of the member matters that need it. */
  matters: string[];
  matterIds: string[];
  forms: ('original' | 'copy' | 'electronic')[];
  copies?: number;
  /** For conditional items: the question whose answer decides it. */
  condition?: string;
  fact?: string;
  /** For shared items: the register or electronic licence that replaces it (免提交). */
  source?: string;
  sourceId?: string;
  deferrable: boolean;
  notes: string[];
}

export interface StepTimeLimit {
  promisedDays: number;
  legalDays?: number;
  unit: 'workday' | 'day';
  /** Chinese text, e.g. 承诺5个工作日（法定20个工作日）. */
  text: string;
}

/** One member matter placed in a stage; matters of one stage can run in parallel. */
export interface PlanStep {
  stage: number;
  matter: { id: string; name: string };
  after: string[];
  department: string;
  timeLimit: StepTimeLimit;
  /** Short Chinese description of where and how to apply. */
  channel?: string;
  channels: Channel[];
  result?: string;
  /** Set when the matter is part of the plan only in some situations. */
  conditional?: { fact: string; question: string };
}

export interface PlanQuestion {
  fact: string;
  question: string;
  options: { value: FactValue; label: string }[];
  /** How many checklist items and steps the answer decides. */
  impact: number;
}

export interface RegionUse {
  /** The region asked for, if any. */
  requested?: string;
  /** The region whose version was used; undefined = the national baseline. */
  used?: string;
  name: string;
  /** True when a region was asked for but had no version of this bundle. */
  fallback: boolean;
  note?: string;
}

export interface Citation {
  id: string;
  title: string;
  section: string;
  source: string;
}

export interface Plan {
  bundle: { id: string; name: string };
  region: RegionUse;
  checklist: ChecklistItem[];
  steps: PlanStep[];
  stageCount: number;
  timing: {
    /** The bundle's own promised limit for the whole event, when published. */
    promisedDays?: number;
    /** Longest chain of promised days through the stages. */
    criticalPathDays: number;
    unit: 'workday';
  };
  questions: PlanQuestion[];
  /** Where the whole bundle is applied for, in the region's version when there is one. */
  channels: Channel[];
  contact?: { phone?: string; note?: string };
  /** Fees the region's version lists for the whole bundle. */
  regionFees?: { name: string; amount: string; basis?: string }[];
  /** Trips in person after the reform, when published. */
  trips?: number;
  /** The catalog version the plan was made from (content hash prefix). */
  catalogVersion: string;
  citations: Citation[];
}
