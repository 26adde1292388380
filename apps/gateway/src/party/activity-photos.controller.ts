import { Controller, Get, HttpCode, Param, Post, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentCaller, PARTY_KEEPERS, PARTY_READERS, Roles, type Caller } from '@gridline/auth';
import { PHOTO_MEDIA_TYPES } from '@gridline/media';
import { ACTIVITY_PHOTO_LIMITS, ActivityPhotosClient, type ActivityPhotoView } from '@gridline/contracts-party-building';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { PHOTO_UPLOAD_RULES, PHOTO_VIEW_PROPERTIES, photoForm, photoUploadBodySchema, prepareAll, readPhotoBytes, readPhotoFiles, servePhoto, uploadPhotos } from '../http/photo-upload';
import { UuidParam } from '../people/uuid.param';

class ActivityPhotoParam extends UuidParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'photoId must be a UUID' })
  photoId!: string;
}

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };

/** Photos of an activity's report, through the gateway's one photo pipeline (as photos of cases). */
@ApiTags('party')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/party/activities/:id/report/photos`)
export class ActivityPhotosController {
  constructor(private readonly photos: ActivityPhotosClient) {}

  @Post()
  @Roles(...PARTY_KEEPERS)
  @IdempotentCreate()
  @HttpCode(201)
  @ApiOperation({
    summary: "Add photos to an activity's report (keepers of its units, once the report is submitted)",
    description: `${PHOTO_UPLOAD_RULES} A report keeps at most ${ACTIVITY_PHOTO_LIMITS.maxPerReport} photos (422 PARTY_PHOTO_LIMIT_REACHED naming photo).`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: photoUploadBodySchema() })
  @ApiResponse({ status: 201, description: 'The stored photos', schema: { type: 'object', properties: { photos: { type: 'array', items: { type: 'object', properties: { ...PHOTO_VIEW_PROPERTIES, activityId: { type: 'string', format: 'uuid' } } } } } } })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE: a photo (or the body) beyond the limit; `errors` names the field', content: problem })
  @ApiResponse({ status: 415, description: 'UNSUPPORTED_MEDIA_TYPE: a file that is not a JPEG, PNG or WebP by its content, or a body that is not multipart/form-data', content: problem })
  async create(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Req() request: FastifyRequest): Promise<{ photos: ActivityPhotoView[] }> {
    const prepared = await prepareAll(readPhotoFiles(photoForm(request)));
    const photos = await uploadPhotos(
      {
        begin: (specs) => this.photos.begin(caller, id, specs),
        sendChunk: (photoId, index, bytes) => this.photos.sendChunk(caller, photoId, index, bytes),
        commit: (photoId) => this.photos.commit(caller, photoId),
      },
      prepared,
    );
    return { photos };
  }

  @Get(':photoId')
  @Roles(...PARTY_READERS, 'party_member')
  @ApiOperation({ summary: "A report photo's bytes, for callers who may read the activity (404 otherwise, as for a photo that does not exist)" })
  @ApiProduces(...PHOTO_MEDIA_TYPES)
  @ApiOkResponse({ description: 'The stripped copy, with Cache-Control: private', schema: { type: 'string', format: 'binary' } })
  async read(@CurrentCaller() caller: Caller, @Param() { id, photoId }: ActivityPhotoParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const { photo, chunks } = await this.photos.get(caller, id, photoId);
    const bytes = await readPhotoBytes(photo, chunks, (index) => this.photos.readChunk(caller, id, photoId, index));
    return servePhoto(reply, photo, bytes);
  }
}
