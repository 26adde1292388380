import type { ImportKind, QualityView } from './registers.types';

/** `events.registry.quality.updated`: a grid's collection quality after its registers changed (figures only). */
export interface QualityUpdatedEvent {
  quality: QualityView;
}

/** `events.registry.import.completed`: a bulk import finished (counts only, never rows). */
export interface ImportCompletedEvent {
  jobId: string;
  kind: ImportKind;
  rowsTotal: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
