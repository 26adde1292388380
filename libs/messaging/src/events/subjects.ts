/** `<prefix>.<subject>`, or the subject alone when there is no prefix. */
export function withPrefix(prefix: string, subject: string): string {
  return prefix ? `${prefix}.${subject}` : subject;
}

/** The JetStream stream that captures `events.<service>.>`: one per service. */
export function streamName(prefix: string, service: string): string {
  const base = `GRIDLINE_${service}`.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return prefix ? `${prefix.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${base}` : base;
}

export function streamSubjects(prefix: string, service: string): string[] {
  return [withPrefix(prefix, `events.${service}.>`)];
}
