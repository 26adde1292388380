import { Injectable } from '@nestjs/common';

/** Whether a red station may host an activity (it exists and is active). */
@Injectable()
export abstract class ActivityStations {
  abstract usable(stationId: string): Promise<boolean>;
}
