import { AssignmentSourcesMigration } from './assignment-sources.migration';
import { CategoryDetailsMigration } from './category-details.migration';
import { HouseholdVisitsMigration } from './household-visits.migration';
import { PersonAccountsMigration } from './person-accounts.migration';
import { PublicGridLookupMigration } from './public-grid-lookup.migration';
import { RegistersMigration } from './registers.migration';
import { ResidentGridScopeMigration } from './resident-grid-scope.migration';
import { ResponsibilityMigration } from './responsibility.migration';
import { UnitsMigration } from './units.migration';

/** The registry's migrations in the order they apply; names never change once released. */
export const REGISTRY_MIGRATIONS = [UnitsMigration, ResponsibilityMigration, RegistersMigration, HouseholdVisitsMigration, CategoryDetailsMigration, PublicGridLookupMigration, AssignmentSourcesMigration, PersonAccountsMigration, ResidentGridScopeMigration].map((m) => ({ name: m.migrationName, class: m }));
