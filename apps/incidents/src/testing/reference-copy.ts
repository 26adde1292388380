import type { Client } from 'pg';

/**
 * For incidents' integration tests: the reference data incidents keeps from the registry's events, written straight
 * into its copy — the units given (street first: a path per unit) and ENV.GARBAGE (grid-owned, accepted within 2
 * natural hours, handled within a natural day). Not used by the app.
 */
export async function copyReference(db: Client, paths: readonly (readonly string[])[]): Promise<void> {
  const now = new Date();
  for (const path of paths) {
    const code = path[path.length - 1];
    const level = path.length === 1 ? 'street' : path.length === 2 ? (code.length > 12 ? 'exclusive_grid' : 'community') : 'grid';
    const parent = path.length > 1 ? path[path.length - 2] : null;
    await db.query('insert into incidents.registry_unit (code, level, parent_code, path, active, updated_at) values ($1, $2, $3, $4, true, $5)', [code, level, parent, path, now]);
  }
  await db.query(
    `insert into incidents.registry_category (code, parent_code, name, owner, accept_limit, handle_limit, urgency, active, updated_at) values
      ('ENV', null, '环境卫生', null, null, null, 'normal', true, $1),
      ('ENV.GARBAGE', 'ENV', '垃圾堆放', '{"level":"grid"}', '{"amount":2,"unit":"natural_hours"}', '{"amount":1,"unit":"natural_days"}', 'normal', true, $1)`,
    [now],
  );
}
