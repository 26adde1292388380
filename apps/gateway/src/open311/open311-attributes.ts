import type { CategoryDetail } from '@gridline/contracts-registry';
import type { Open311Params } from './open311-params';
import { parseW3cDateTime } from './w3c-datetime';

/** One detail as the client answered it: the text the appeal carries (a list's names, not its keys). */
export interface AnsweredAttribute {
  detail: CategoryDetail;
  text: string;
}

const MAX_LENGTH: Partial<Record<CategoryDetail['datatype'], number>> = { string: 200, text: 2000 };
const NUMBER = /^-?\d{1,12}(\.\d{1,6})?$/;

/**
 * The service's attributes from a POST's `attribute[code]=value` (a multivaluelist also as repeated
 * `attribute[code][]`): each checked against its datatype, the required ones present. Attributes the service does
 * not define are ignored, as the specification expects. Answers the faults, one per attribute, instead of throwing.
 */
export function readAttributes(params: Open311Params, details: CategoryDetail[]): { answered: AnsweredAttribute[]; faults: string[] } {
  const answered: AnsweredAttribute[] = [];
  const faults: string[] = [];
  for (const detail of details) {
    const name = `attribute[${detail.code}]`;
    const given = [params[name], params[`${name}[]`]].flat().filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
    if (given.length === 0) {
      if (detail.required) faults.push(`${name}: ${detail.description} is required for this service`);
      continue;
    }
    const fault = (reason: string) => faults.push(`${name}: ${reason}`);
    if (detail.datatype !== 'multivaluelist' && given.length > 1) {
      fault('was given more than once');
      continue;
    }
    const [value] = given;
    switch (detail.datatype) {
      case 'string':
      case 'text':
        if (value.length > (MAX_LENGTH[detail.datatype] ?? 0)) fault(`must be at most ${MAX_LENGTH[detail.datatype]} characters`);
        else answered.push({ detail, text: value });
        break;
      case 'number':
        if (!NUMBER.test(value)) fault('must be a number');
        else answered.push({ detail, text: value });
        break;
      case 'datetime':
        if (!parseW3cDateTime(value)) fault('must be a W3C date-time with its time zone, e.g. 2026-11-27T10:15:00+08:00');
        else answered.push({ detail, text: value });
        break;
      case 'singlevaluelist':
      case 'multivaluelist': {
        const names = given.map((key) => detail.values.find((v) => v.key === key)?.name);
        const unknown = given.filter((_, i) => names[i] === undefined);
        if (unknown.length) fault(`must be one of ${detail.values.map((v) => v.key).join(', ')}, not ${unknown.join(', ')}`);
        else answered.push({ detail, text: [...new Set(names)].join('、') });
        break;
      }
    }
  }
  return { answered, faults };
}

/** The appeal's content: the citizen's text, then each detail on its own line (【漏水的楼层】3). */
export function withAttributes(content: string, answered: AnsweredAttribute[]): string {
  return [content, ...answered.map((a) => `【${a.detail.description}】${a.text}`)].join('\n');
}
