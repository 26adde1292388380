export const REGISTRY_REFERENCE_FILL = Symbol('REGISTRY_REFERENCE_FILL');

export interface RegistryReferenceFillSettings {
  /** Fill an empty copy at boot (off in tests that drive the service without a registry). */
  autoStart: boolean;
  retryMs: number;
  /**
   * Keep the grid staff too (`registry_grid_staff`: add `REGISTRY_REFERENCE_STAFF_MIGRATIONS`): their assignments from
   * the events, names and logins from the registry's staff snapshot, which answers analytics only.
   */
  staff?: boolean;
}
