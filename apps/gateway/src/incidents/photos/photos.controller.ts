import { Controller, Get, HttpCode, Param, Post, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, type Caller } from '@gridline/auth';
import { PHOTO_MEDIA_TYPES } from '@gridline/media';
import { PHOTO_LIMITS, PHOTO_STAGES, type PhotoView } from '@gridline/contracts-incidents';
import { API_PREFIX } from '../../http/api';
import { ApiProblems } from '../../http/api-problems.decorator';
import { IdempotentCreate } from '../../http/idempotent-create.decorator';
import { PHOTO_FIELD, PHOTO_VIEW_PROPERTIES, photoForm, photoUploadBodySchema, servePhoto } from '../../http/photo-upload';
import { STAGE_FIELD } from './photo-form';
import { ReadPhotoUseCase } from './use-cases/read-photo/read-photo.use-case';
import { UploadPhotosUseCase } from './use-cases/upload-photos/upload-photos.use-case';

class IncidentIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

class PhotoIdParam extends IncidentIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'photoId must be a UUID' })
  photoId!: string;
}

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
const PHOTO_VIEW_SCHEMA = {
  type: 'object',
  properties: { ...PHOTO_VIEW_PROPERTIES, incidentId: { type: 'string', format: 'uuid' }, stage: { type: 'string', enum: [...PHOTO_STAGES] } },
};

@ApiTags('incidents')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/incidents/:id/photos`)
export class PhotosController {
  constructor(
    private readonly upload: UploadPhotosUseCase,
    private readonly readPhoto: ReadPhotoUseCase,
  ) {}

  @Post()
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload photos of a case (before: the reporter or the grid centre while reported or accepted; after: whoever may handle it now)',
    description:
      `multipart/form-data with 1 to ${PHOTO_LIMITS.maxPerUpload} files in \`${PHOTO_FIELD}\` (JPEG, PNG or WebP by content — the declared type and name count for nothing; ` +
      `at most ${PHOTO_LIMITS.maxBytes} bytes each) and an optional \`${STAGE_FIELD}\` (before, the default, or after). The EXIF GPS position is kept as \`exifLocation\`; ` +
      'the stored copy carries no EXIF, XMP, IPTC or text (a JPEG keeps its orientation). Before photos join the case\'s attachments at once; after photos ' +
      'are named by id in `handle` (`attachments: [{ photoId }]`). 413 naming photo for a larger file, 415 naming photo for a file that is not a photo.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: photoUploadBodySchema({ [STAGE_FIELD]: { type: 'string', enum: [...PHOTO_STAGES], default: 'before' } }) })
  @ApiResponse({ status: 201, description: 'The stored photos', schema: { type: 'object', properties: { photos: { type: 'array', items: PHOTO_VIEW_SCHEMA } } } })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE: a photo (or the body) beyond the limit; `errors` names the field', content: problem })
  @ApiResponse({ status: 415, description: 'UNSUPPORTED_MEDIA_TYPE: a file that is not a JPEG, PNG or WebP by its content (HEIC included), or a body that is not multipart/form-data', content: problem })
  async create(@CurrentCaller() caller: Caller, @Param() { id }: IncidentIdParam, @Req() request: FastifyRequest): Promise<{ photos: PhotoView[] }> {
    return { photos: await this.upload.execute(caller, id, photoForm(request)) };
  }

  @Get(':photoId')
  @ApiOperation({ summary: "A photo's bytes, for callers who may see its case (404 otherwise, as for a photo that does not exist)" })
  @ApiProduces(...PHOTO_MEDIA_TYPES)
  @ApiOkResponse({ description: 'The stripped copy, with Cache-Control: private', schema: { type: 'string', format: 'binary' } })
  async read(@CurrentCaller() caller: Caller, @Param() { id, photoId }: PhotoIdParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { photo, bytes } = await this.readPhoto.execute(caller, id, photoId);
    return servePhoto(reply, photo, bytes);
  }
}
