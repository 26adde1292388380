import { AppError } from '@gridline/platform';
import { PHOTO_STAGES, type PhotoStage } from '@gridline/contracts-incidents';
import type { FilePart, FormData } from '../../http/form-data';
import { readPhotoFiles } from '../../http/photo-upload';

/** The form field that says the photos' stage. */
export const STAGE_FIELD = 'stage';

const invalid = (field: string, reason: string) => AppError.validation([{ field, reasons: [reason] }], `${field} ${reason}`);

/** The stage and the photo files of a case's upload form; any other field or file is refused, naming it. */
export function readPhotoForm(form: FormData): { stage: PhotoStage; files: FilePart[] } {
  const files = readPhotoFiles(form, [STAGE_FIELD]);
  const stage = form.fields[STAGE_FIELD] ?? 'before';
  if (Array.isArray(stage)) throw invalid(STAGE_FIELD, 'must be given once');
  if (!(PHOTO_STAGES as readonly string[]).includes(stage)) throw invalid(STAGE_FIELD, `must be one of ${PHOTO_STAGES.join(', ')}`);
  return { stage: stage as PhotoStage, files };
}
