import type { OwnerFigures } from '@gridline/contracts-hotline';

/** One lead owner's latest figures as the hotline last published them. */
export interface HotlineOwnerFiguresView extends OwnerFigures {
  /** The period they cover, by reception (the last 30 days when published). */
  from: string;
  to: string;
  /** When the hotline published them. */
  updatedAt: string;
}

/** The hotline's three rates per lead owner (GET /api/v1/analytics/hotline), departments first, then units. */
export interface HotlineFiguresView {
  owners: HotlineOwnerFiguresView[];
}
