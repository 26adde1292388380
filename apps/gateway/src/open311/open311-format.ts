import { toXmlDocument, type XmlValue } from './open311-xml';

/** The two formats of every GeoReport v2 resource, chosen by the extension: `/services.json`, `/services.xml`. */
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export const OPEN311_CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

export function isOpen311Format(value: unknown): value is Open311Format {
  return typeof value === 'string' && (OPEN311_FORMATS as readonly string[]).includes(value);
}

/** The format a URL asks for; XML (the format the specification requires) when it names none we know. */
export function formatOfUrl(url: string): Open311Format {
  return url.split('?')[0].toLowerCase().endsWith('.json') ? 'json' : 'xml';
}

/** A body in the format asked for: JSON as is, XML under `root` (arrays of items named per the specification). */
export function renderOpen311(format: Open311Format, root: string, body: XmlValue): string {
  return format === 'json' ? JSON.stringify(body) : toXmlDocument(root, body);
}
