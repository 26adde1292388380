import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError, toFieldErrors, type FieldError } from '@gridline/platform';
import { HotlineOpen311Client, Open311ErrorCode } from '@gridline/contracts-hotline';
import { applicationOf } from '../../open311-api-key';
import { Open311Error } from '../../open311-error';
import { checkJurisdiction, describeFields, formFields, type Open311Params } from '../../open311-params';
import { OPEN311_UPDATE_FORM_FIELDS, Open311ServiceRequestUpdateForm } from '../../open311-service-request-update.form';
import { OPEN311_UPDATE_STATUSES, type Open311CreatedUpdate } from '../../open311.types';
import { OPEN311_SETTINGS, open311Caller, type Open311Settings } from '../../open311.settings';
import { parseW3cDateTime } from '../../w3c-datetime';

/** The hotline's names for the fields, back to the form's. */
const FORM_FIELD_OF: Record<string, string> = {
  appealId: 'service_request_id',
  clientUpdateId: 'update_id',
  text: 'description',
  mediaUrl: 'media_url',
  writtenAt: 'updated_datetime',
  clientStatus: 'status',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A client's clock may run a little ahead; a comment written later than this is a wrong date. */
const CLOCK_SKEW_MS = 10 * 60_000;

const RECORDED = '您的补充已记录，承办单位将一并阅知。';
const RECORDED_ON_CLOSED = '您的补充已记录。该诉求已办结，补充不会重新开启办理；如仍未解决，请拨打12345提出新的诉求。';

/**
 * FixMyStreet's POST servicerequestupdates: a citizen's comment on a request, posted by a client application with its
 * api_key. It is recorded on the appeal's timeline, where its operators and handlers read it, and changes nothing else:
 * a closed appeal is not reopened (the answer says so). The commenter's e-mail, name and phone are not passed on.
 * The same update_id from the same application, or the same Idempotency-Key, is a retry: it answers the first update.
 */
@Injectable()
export class SubmitServiceRequestUpdateUseCase {
  constructor(
    private readonly open311: HotlineOpen311Client,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  /** `params`: the query string's and the body's parameters together (`postParams`). */
  async execute(params: Open311Params, now = new Date()): Promise<Open311CreatedUpdate[]> {
    const application = await applicationOf(this.open311, this.settings, params, 'create_update');
    checkJurisdiction(this.settings, params);
    const { form, writtenAt, status } = this.validForm(params, now);
    const recorded = await this.open311
      .recordUpdate(open311Caller(this.settings, application), {
        appealId: form.service_request_id.toLowerCase(),
        ...(form.update_id || form.update_id_ext ? { clientUpdateId: form.update_id ?? form.update_id_ext } : {}),
        text: form.description,
        ...(form.media_url ? { mediaUrl: form.media_url } : {}),
        writtenAt: writtenAt.toISOString(),
        ...(status ? { clientStatus: status } : {}),
        channels: this.settings.publishedChannels,
      })
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        // An unknown request is a fault of the update (the specification's 400), not a missing resource.
        if (error.code === Open311ErrorCode.RequestNotFound) throw Open311Error.badRequest(`service_request_id: ${form.service_request_id} was not found`);
        if (error.kind === 'validation') throw Open311Error.badRequest(...describeFields(error.details?.fields as FieldError[] | undefined, FORM_FIELD_OF, error.message));
        throw error;
      });
    const closed = recorded.appealStatus === 'closed' || recorded.appealStatus === 'merged';
    return [{ update_id: recorded.updateId, service_notice: closed ? RECORDED_ON_CLOSED : RECORDED }];
  }

  /** Each field as the extension and this endpoint allow it; all the faults at once. */
  private validForm(params: Open311Params, now: Date): { form: Open311ServiceRequestUpdateForm; writtenAt: Date; status: string | undefined } {
    const form = plainToInstance(Open311ServiceRequestUpdateForm, formFields(params, OPEN311_UPDATE_FORM_FIELDS));
    const errors = describeFields(toFieldErrors(validateSync(form, { whitelist: true, forbidUnknownValues: false })));
    if (!form.service_request_id) errors.push('service_request_id: service_request_id was not provided');
    else if (!UUID.test(form.service_request_id)) errors.push(`service_request_id: ${form.service_request_id} was not found`);
    if (!form.description) errors.push('description: description was not provided');
    const status = form.status?.toLowerCase();
    if (status !== undefined && !(OPEN311_UPDATE_STATUSES as readonly string[]).includes(status)) {
      errors.push(`status: must be one of ${OPEN311_UPDATE_STATUSES.map((s) => s.toUpperCase()).join(', ')}`);
    }
    const writtenAt = form.updated_datetime ? parseW3cDateTime(form.updated_datetime) : null;
    if (!form.updated_datetime) errors.push('updated_datetime: updated_datetime was not provided');
    else if (!writtenAt) errors.push('updated_datetime: must be a W3C date-time with its time zone, e.g. 2026-12-01T10:15:00+08:00');
    else if (writtenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) errors.push('updated_datetime: must not be in the future');
    if (errors.length || !writtenAt) throw Open311Error.badRequest(...errors);
    return { form, writtenAt, status: status?.toUpperCase() };
  }
}
