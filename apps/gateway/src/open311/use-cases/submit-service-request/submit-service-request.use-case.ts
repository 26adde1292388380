import { Inject, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppError, toFieldErrors, type FieldError } from '@gridline/platform';
import { HotlineClient, HotlineOpen311Client, type IntakeAppealRequest } from '@gridline/contracts-hotline';
import { applicationOf } from '../../open311-api-key';
import { readAttributes, withAttributes } from '../../open311-attributes';
import { Open311CatalogueReader } from '../../open311-catalogue';
import { Open311Error } from '../../open311-error';
import { Open311JurisdictionChecker } from '../../open311-jurisdiction';
import { checkJurisdiction, describeFields, formFields, type Open311Params } from '../../open311-params';
import { OPEN311_FORM_FIELDS, Open311ServiceRequestForm } from '../../open311-service-request.form';
import type { Open311CreatedRequest } from '../../open311.types';
import { OPEN311_SETTINGS, open311Caller, type Open311Settings } from '../../open311.settings';
import { toChinaMinutes } from '../../w3c-datetime';

/** The hotline's names for the fields, back to the form's. */
const FORM_FIELD_OF: Record<string, string> = {
  'caller.name': 'first_name/last_name',
  'caller.phone': 'phone',
  content: 'description',
  categoryCode: 'service_code',
  'location.lat': 'lat',
  'location.lng': 'long',
  'location.address': 'address_string',
};

const CJK = /[\u3400-\u9fff]/;

/**
 * POST requests: a client application, known by its api_key, submits a citizen's report. It becomes a hotline
 * appeal (channel open311, type report) taken by `open311:<application>` for the served street, and goes through
 * the same process as any other; the caller's name and phone are encrypted by the hotline, the e-mail is not kept.
 */
@Injectable()
export class SubmitServiceRequestUseCase {
  private readonly logger = new Logger('Open311');

  constructor(
    private readonly hotline: HotlineClient,
    private readonly open311: HotlineOpen311Client,
    private readonly catalogue: Open311CatalogueReader,
    private readonly jurisdiction: Open311JurisdictionChecker,
    @Inject(OPEN311_SETTINGS) private readonly settings: Open311Settings,
  ) {}

  /** `params`: the query string's and the body's parameters together (`postParams`). */
  async execute(params: Open311Params): Promise<Open311CreatedRequest[]> {
    const application = await applicationOf(this.open311, this.settings, params, 'create_request');

    checkJurisdiction(this.settings, params);
    const form = this.validForm(params);
    const catalogue = await this.catalogue.read();
    const service = catalogue.services.find((s) => s.service_code === form.service_code);
    if (!service) throw Open311Error.notFound(`service_code ${form.service_code} was not found`);
    const { answered, faults } = readAttributes(params, catalogue.details?.get(service.service_code) ?? []);
    if (faults.length) throw Open311Error.badRequest(...faults);
    if (form.lat !== undefined) await this.jurisdiction.assertWithin(Number(form.lat), Number(form.long));

    const caller = open311Caller(this.settings, application);
    const name = fullName(form.first_name, form.last_name);
    const appeal: IntakeAppealRequest = {
      channel: 'open311',
      type: 'report',
      caller: name || form.phone ? { ...(name ? { name } : {}), ...(form.phone ? { phone: form.phone } : {}) } : { anonymous: true },
      content: withAttributes(form.description || service.service_name, answered),
      categoryCode: service.service_code,
      ...(form.lat !== undefined || form.address_string
        ? { location: { ...(form.lat !== undefined ? { lat: Number(form.lat), lng: Number(form.long) } : {}), ...(form.address_string ? { address: form.address_string } : {}) } }
        : {}),
      urgency: 'general',
    };
    const taken = await this.hotline.intake(caller, appeal).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === 'validation') throw Open311Error.badRequest(...describeFields(error.details?.fields as FieldError[] | undefined, FORM_FIELD_OF, error.message));
      throw error;
    });
    if (form.media_url) {
      // The appeal exists by now: a lost media URL must not make the client post (and the street handle) it twice.
      await this.open311.recordMedia(caller, { appealId: taken.appeal.id, mediaUrl: form.media_url }).catch((error: unknown) => {
        this.logger.warn({ msg: 'media_url not recorded', appealId: taken.appeal.id, err: error });
      });
    }
    const dispatchBy = taken.appeal.dispatchDueAt ? `，将于 ${toChinaMinutes(taken.appeal.dispatchDueAt)} 前派至承办单位办理` : '';
    return [{ service_request_id: taken.appeal.id, service_notice: `12345热线已受理${dispatchBy}。`, account_id: form.account_id ?? null }];
  }

  /** Each field as the specification and this endpoint allow it; all the faults at once. */
  private validForm(params: Open311Params): Open311ServiceRequestForm {
    const form = plainToInstance(Open311ServiceRequestForm, formFields(params, OPEN311_FORM_FIELDS));
    const errors = describeFields(toFieldErrors(validateSync(form, { whitelist: true, forbidUnknownValues: false })));
    if (!form.service_code) errors.push('service_code: service_code was not provided');
    const hasLat = form.lat !== undefined;
    const hasLong = form.long !== undefined;
    if (hasLat !== hasLong) errors.push('lat/long: lat and long must be sent together');
    if (!hasLat && !hasLong && !form.address_string) {
      errors.push(
        form.address_id
          ? 'address_id: not supported here (no master address repository); send lat and long, or address_string'
          : 'location: lat and long, or address_string, was not provided',
      );
    }
    if (errors.length) throw Open311Error.badRequest(...errors);
    return form;
  }
}

/** 王 + 秀英 → 王秀英 (family name first, no space, for Chinese names); John + Smith → John Smith. */
function fullName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first || !last) return first || last || undefined;
  return CJK.test(first + last) ? `${last}${first}` : `${first} ${last}`;
}
