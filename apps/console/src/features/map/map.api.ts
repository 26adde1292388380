import type { Api } from '@/shared/api/client';
import type { UnitOverview } from '@/shared/api/types';

export const unitOverview = (api: Api, code: string) => api.get<UnitOverview>(`/units/${encodeURIComponent(code)}/overview`);
