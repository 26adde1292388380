import type { Caller } from '@gridline/auth';
import { HotlineClient, type IntakeAppealRequest } from '@gridline/contracts-hotline';
import { TestPlatform } from '@gridline/testing';
import { HotlineAppModule } from '../../../hotline-app.module';
import { HotlineConfig } from '../../../hotline.config';
import { IntakeAppealUseCase } from './intake-appeal.use-case';

const STREET = '370502003';
const OPERATOR: Caller = { sub: 'operator-1', roles: ['hotline_operator'], units: [STREET] };
const STREET_ADMIN: Caller = { sub: 'street-1', roles: ['street_admin'], units: [STREET] };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe(IntakeAppealUseCase.name, () => {
  let platform: TestPlatform;
  let hotline: HotlineClient;

  beforeAll(async () => {
    platform = await TestPlatform.create();
    await platform.start('hotline', HotlineConfig, (config) => HotlineAppModule.register(config, { startWorkers: false }));
    hotline = new HotlineClient(await platform.bus());
  });

  afterAll(async () => {
    await platform?.close();
  });

  const appeal = (extra: Partial<IntakeAppealRequest> = {}): IntakeAppealRequest => ({ channel: 'phone', type: 'complaint', content: '夜里打来的电话：小区停水', ...extra });

  describe('a call taken earlier, recorded now (receivedAt)', () => {
    it('keeps the time the call was taken, and counts the dispatch limit from it', async () => {
      const takenAt = new Date(Date.now() - 30 * DAY);
      const { appeal: general } = await hotline.intake(OPERATOR, appeal({ receivedAt: takenAt.toISOString() }));
      expect(general.receivedAt).toBe(takenAt.toISOString());
      expect(new Date(general.dispatchDueAt!).getTime()).toBe(takenAt.getTime() + 24 * HOUR);
      const { appeal: emergency } = await hotline.intake(OPERATOR, appeal({ urgency: 'emergency', receivedAt: takenAt.toISOString() }));
      expect(new Date(emergency.dispatchDueAt!).getTime()).toBe(takenAt.getTime() + HOUR);
      const [intake] = await hotline.timeline(OPERATOR, general.id);
      expect(intake).toMatchObject({ action: 'intake', comment: `Call taken at ${takenAt.toISOString()}, recorded later` });
      expect(new Date(intake.at).getTime()).toBeGreaterThan(Date.now() - HOUR);
    });

    it('takes an appeal without it as received now', async () => {
      const before = Date.now();
      const { appeal: now } = await hotline.intake(STREET_ADMIN, appeal());
      expect(new Date(now.receivedAt).getTime()).toBeGreaterThanOrEqual(before);
      expect(new Date(now.dispatchDueAt!).getTime()).toBe(new Date(now.receivedAt).getTime() + 24 * HOUR);
    });

    it('refuses a time in the future or more than 90 days back', async () => {
      for (const [at, reason] of [
        [new Date(Date.now() + 10 * 60_000), 'must not be in the future'],
        [new Date(Date.now() - 91 * DAY), 'must be at most 90 days back'],
      ] as const) {
        await expect(hotline.intake(OPERATOR, appeal({ receivedAt: at.toISOString() }))).rejects.toMatchObject({
          code: 'APPEAL_INVALID',
          details: { fields: [{ field: 'receivedAt', reasons: [reason] }] },
        });
      }
      await expect(hotline.intake(OPERATOR, appeal({ receivedAt: 'yesterday' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('is for the hotline’s operators only', async () => {
      await expect(hotline.intake(STREET_ADMIN, appeal({ receivedAt: new Date(Date.now() - DAY).toISOString() }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
