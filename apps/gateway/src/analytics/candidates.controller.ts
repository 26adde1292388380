import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CANDIDATE_DECIDERS, CANDIDATE_READERS, CurrentCaller, Roles, type Caller } from '@gridline/auth';
import { CandidateRulesBody, CandidateRulesQuery, CandidatesClient, DismissCandidateBody, ListCandidatesQuery } from '@gridline/contracts-analytics';
import { API_PREFIX } from '../http/api';
import { ApiProblems } from '../http/api-problems.decorator';
import { ApiCursorPage } from '../http/api-page.decorator';
import { IdempotentCreate } from '../http/idempotent-create.decorator';
import { UuidParam } from '../people/uuid.param';

const CANDIDATE_VIEW =
  'unit and street with names, category, the rule that fired, summary (Chinese), evidence (incidentIds, appealIds, trend per China day), windowStart, status (raised, dismissed, lifted), dismissal, lift, outcome (discussionId, status, tasksTotal, tasksDone, tasksOverdue, closedAt, reason)';

/** The 3+N candidates (未诉先办): recurring issues found in the cases and appeals, for the street grid centre to dismiss or lift into a joint discussion. */
@ApiTags('analytics')
@ApiBearerAuth()
@ApiProblems()
@Controller(`${API_PREFIX}/analytics`)
export class CandidatesController {
  constructor(private readonly candidates: CandidatesClient) {}

  @Get('candidate-rules')
  @Roles(...CANDIDATE_DECIDERS)
  @ApiOperation({
    summary:
      'A street’s 3+N detection rules (default your street; street=* the platform default): the * rule first, then each category’s or major category’s own; source default when the street has none of its own and uses the platform default. Out of scope 404. Definitions: docs/analytics.md',
  })
  rules(@CurrentCaller() caller: Caller, @Query() query: CandidateRulesQuery) {
    return this.candidates.rules(caller, query);
  }

  @Put('candidate-rules')
  @Roles(...CANDIDATE_DECIDERS)
  @ApiOperation({
    summary:
      'Replace a street’s 3+N detection rules (its street grid centre or an admin; street=* the platform default, an admin only): exactly one * rule, each category once; same_grid, within_radius (radiusMetres) or rise_over_baseline (factor, baselineWindows). No other street’s rules change. 400 names the rule’s field (rules.1.factor); out of scope 404; not your street 403',
  })
  putRules(@CurrentCaller() caller: Caller, @Query() { street }: CandidateRulesQuery, @Body() body: CandidateRulesBody) {
    return this.candidates.putRules(caller, { ...body, street });
  }

  @Delete('candidate-rules')
  @HttpCode(204)
  @Roles(...CANDIDATE_DECIDERS)
  @ApiOperation({
    summary:
      'Return a street to the platform default 3+N detection rules: removes its own set (its street grid centre or an admin; default your street). Idempotent: 204 whether or not it had rules of its own. The platform default itself is never removed (street=* 400; PUT replaces it). Out of scope 404; not your street 403',
  })
  async deleteRules(@CurrentCaller() caller: Caller, @Query() query: CandidateRulesQuery): Promise<void> {
    await this.candidates.deleteRules(caller, query);
  }

  @Get('candidates')
  @Roles(...CANDIDATE_READERS)
  @ApiCursorPage(`A candidate as GET /analytics/candidates/{id} answers it: ${CANDIDATE_VIEW}`)
  @ApiOperation({ summary: '3+N candidates in your scope, at or beneath `unit` and of `status`, newest raised first (cursor pages)' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListCandidatesQuery) {
    return this.candidates.list(caller, query);
  }

  @Get('candidates/:id')
  @Roles(...CANDIDATE_READERS)
  @ApiOperation({ summary: `One 3+N candidate: ${CANDIDATE_VIEW}; out of scope 404` })
  get(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.candidates.get(caller, id);
  }

  @Post('candidates/:id/dismiss')
  @Roles(...CANDIDATE_DECIDERS)
  @IdempotentCreate()
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a raised candidate with a reason (the street grid centre): its cases never raise it again; 409 when not raised' })
  dismiss(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam, @Body() body: DismissCandidateBody) {
    return this.candidates.dismiss(caller, id, body);
  }

  @Post('candidates/:id/lift')
  @Roles(...CANDIDATE_DECIDERS)
  @IdempotentCreate()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lift a raised candidate into a 3+N joint discussion in incidents, in one action (events.analytics.candidate.lifted); its outcome then shows on the candidate. 409 when not raised (or lifted and its discussion opened)',
  })
  lift(@CurrentCaller() caller: Caller, @Param() { id }: UuidParam) {
    return this.candidates.lift(caller, id);
  }
}
