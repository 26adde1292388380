import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CursorQuery, IsOneOf, Trim } from '@gridline/platform';
import { CATEGORY_CODE_PATTERN, IsUnitCode, UNIT_CODE_PATTERN } from '@gridline/contracts-registry';
import { CANDIDATE_RULE_KINDS, CANDIDATE_STATUSES, PLATFORM_CANDIDATE_RULES, type CandidateRuleKind, type CandidateStatus } from './candidates.types';

/** A category code (`ENV.GARBAGE`), a major category (`ENV`) or `*`, the default rule. */
export const CANDIDATE_RULE_CATEGORY = new RegExp(`^(\\*|${CATEGORY_CODE_PATTERN.source.slice(1, -1)})$`);

/** One rule of PUT /api/v1/analytics/candidate-rules. */
export class CandidateRuleInput {
  @ApiProperty({ example: '*', description: 'A category (ENV.GARBAGE), a major category (ENV: every category beneath it without a rule of its own) or * (the default rule, required)' })
  @IsString()
  @Matches(CANDIDATE_RULE_CATEGORY, { message: 'categoryCode must be a category code (ENV.GARBAGE), a major category (ENV) or *' })
  categoryCode!: string;

  @ApiProperty({ enum: CANDIDATE_RULE_KINDS, description: 'same_grid: minCount in one grid within windowDays; within_radius: minCount within radiusMetres of one of them; rise_over_baseline: the last windowDays ≥ minCount and ≥ factor × the mean of the baselineWindows windows before' })
  @IsOneOf(CANDIDATE_RULE_KINDS)
  kind!: CandidateRuleKind;

  @ApiProperty({ example: 14, minimum: 1, maximum: 90 })
  @IsInt()
  @Min(1)
  @Max(90)
  windowDays!: number;

  @ApiProperty({ example: 5, minimum: 2, maximum: 1000, description: 'Occurrences (cases and appeals) at least; for a rise, the minimum of the last window' })
  @IsInt()
  @Min(2)
  @Max(1000)
  minCount!: number;

  @ApiPropertyOptional({ type: 'integer', example: 200, minimum: 10, maximum: 5000, nullable: true, description: 'within_radius only (required there)' })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(5000)
  radiusMetres?: number | null;

  @ApiPropertyOptional({ type: Number, example: 2, minimum: 1, maximum: 100, nullable: true, description: 'rise_over_baseline only (required there): the last window ≥ factor × the baseline mean' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(100)
  factor?: number | null;

  @ApiPropertyOptional({ type: 'integer', example: 4, minimum: 1, maximum: 12, nullable: true, description: 'rise_over_baseline only (required there): how many windows before the last make the baseline' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  baselineWindows?: number | null;

  @ApiPropertyOptional({ default: true, description: 'false: no candidates for these categories' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** A street's code, or `*`: the platform default. */
export const CANDIDATE_RULES_STREET = new RegExp(`^(\\*|${UNIT_CODE_PATTERN.source.slice(1, -1)})$`);

/** Query of GET|PUT|DELETE /api/v1/analytics/candidate-rules (and `analytics.candidate_rules.get`, `.delete`). */
export class CandidateRulesQuery {
  @ApiPropertyOptional({
    example: '370502003',
    description: `The street whose rules (in your scope; default the street of your first unit, an admin's the platform default). ${PLATFORM_CANDIDATE_RULES}: the platform default, which every street without rules of its own uses (set by an admin only)`,
  })
  @IsOptional()
  @Matches(CANDIDATE_RULES_STREET, { message: `street must be a street code or ${PLATFORM_CANDIDATE_RULES} (the platform default)` })
  street?: string;
}

/** Body of PUT /api/v1/analytics/candidate-rules: every rule of the street, replacing its set. */
export class CandidateRulesBody {
  @ApiProperty({ type: [CandidateRuleInput], description: 'The whole set: exactly one * rule, each category once' })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CandidateRuleInput)
  rules!: CandidateRuleInput[];
}

/** `analytics.candidate_rules.put`: the street (as the query names it) and its rules. */
export class PutCandidateRulesRequest extends CandidateRulesBody {
  @IsOptional()
  @Matches(CANDIDATE_RULES_STREET, { message: `street must be a street code or ${PLATFORM_CANDIDATE_RULES} (the platform default)` })
  street?: string;
}

/** Query of GET /api/v1/analytics/candidates (and `analytics.candidate.list`). */
export class ListCandidatesQuery extends CursorQuery {
  @ApiPropertyOptional({ example: '370502003001', description: 'Only candidates at or beneath this unit (in your scope)' })
  @IsOptional()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: CANDIDATE_STATUSES })
  @IsOptional()
  @IsOneOf(CANDIDATE_STATUSES)
  status?: CandidateStatus;
}

/** `analytics.candidate.get` and `analytics.candidate.lift`. */
export class CandidateIdRequest {
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

/** Body of POST /api/v1/analytics/candidates/:id/dismiss. */
export class DismissCandidateBody {
  @ApiProperty({ example: '已由城管中队常态化巡查，非反复问题' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(500)
  reason!: string;
}

/** `analytics.candidate.dismiss`. */
export class DismissCandidateRequest extends CandidateIdRequest {
  @IsDefined()
  @ValidateNested()
  @Type(() => DismissCandidateBody)
  body!: DismissCandidateBody;
}
