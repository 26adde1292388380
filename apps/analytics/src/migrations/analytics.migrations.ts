import { GridQualityMigration } from './grid-quality.migration';
import { HotlineFiguresMigration } from './hotline-figures.migration';
import { PartyFiguresMigration } from './party-figures.migration';
import { PartyPeriodFiguresMigration } from './party-period-figures.migration';
import { UnitProjectionMigration } from './unit-projection.migration';

/** Analytics' migrations in the order they apply; names never change once released. */
export const ANALYTICS_MIGRATIONS = [UnitProjectionMigration, GridQualityMigration, HotlineFiguresMigration, PartyFiguresMigration, PartyPeriodFiguresMigration].map((m) => ({ name: m.migrationName, class: m }));
