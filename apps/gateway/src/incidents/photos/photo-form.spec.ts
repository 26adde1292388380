import { AppError } from '@gridline/platform';
import { MultipartForm, type FilePart } from '../../http/form-data';
import { readPhotoForm } from './photo-form';

const file = (bytes: Buffer, over: Partial<FilePart> = {}): FilePart => ({ name: 'photo', filename: 'IMG_1.jpg', contentType: 'image/jpeg', bytes, ...over });
const refusal = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { kind: (error as AppError).kind, fields: (error as AppError).details?.fields };
  }
  throw new Error('expected a refusal');
};

describe(readPhotoForm.name, () => {
  it('reads the photos and the stage (before by default)', () => {
    const photos = [file(Buffer.alloc(1)), file(Buffer.alloc(2))];
    expect(readPhotoForm(new MultipartForm({}, photos))).toEqual({ stage: 'before', files: photos });
    expect(readPhotoForm(new MultipartForm({ stage: 'after' }, photos)).stage).toBe('after');
  });

  it('refuses other fields, other file fields, a repeated or unknown stage and a form without photos, naming the field', async () => {
    expect(await refusal(() => readPhotoForm(new MultipartForm({ title: 'x' }, [file(Buffer.alloc(1))])))).toMatchObject({ fields: [{ field: 'title' }] });
    expect(await refusal(() => readPhotoForm(new MultipartForm({}, [file(Buffer.alloc(1), { name: 'image' })])))).toMatchObject({ fields: [{ field: 'image' }] });
    expect(await refusal(() => readPhotoForm(new MultipartForm({ stage: ['before', 'after'] }, [file(Buffer.alloc(1))])))).toMatchObject({ fields: [{ field: 'stage' }] });
    expect(await refusal(() => readPhotoForm(new MultipartForm({ stage: 'during' }, [file(Buffer.alloc(1))])))).toMatchObject({ fields: [{ field: 'stage' }] });
    expect(await refusal(() => readPhotoForm(new MultipartForm({}, [])))).toMatchObject({ fields: [{ field: 'photo' }] });
  });
});
