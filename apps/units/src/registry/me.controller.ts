import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agencies, Allow, CurrentCaller, isAllowed, policy, Roles, type Action, type Caller } from '@binh-yen/auth';

/** Who the services take the caller for, the name of the caller's area, and what the policy lets the caller do. */
export class Me {
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: Agencies }) agency!: Caller['agency'];
  @ApiProperty({ enum: Roles, isArray: true }) roles!: Caller['roles'];
  @ApiProperty({ example: '25' }) area!: string;
  /** The registry's name of the area's unit (null when the registry has none at that path). */
  @ApiProperty({ type: String, nullable: true, description: "null: the registry has no unit at the caller's area" }) areaName!: string | null;
  /** Every action of the policy (libs/auth) the caller may take; the dashboard shows only these forms. */
  @ApiProperty({ enum: Object.keys(policy), isArray: true }) actions!: Action[];
}

/**
 * GET /api/v1/me: the dashboard's header and forms read the caller as the services verified
 * it (claims mapped by libs/auth), never by decoding the token again in the browser (ADR 0049).
 */
@ApiTags('units')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Allow('unit.read')
  @Get()
  @ApiOperation({ summary: 'The signed-in caller: agency, roles, area and its name, the actions the policy allows' })
  @ApiOkResponse({ type: Me })
  async me(@CurrentCaller() caller: Caller): Promise<Me> {
    const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM units WHERE path = $1 AND status = 'active' LIMIT 1`, [caller.area]);
    const actions = (Object.keys(policy) as Action[]).filter((action) => isAllowed(caller, action));
    return { subject: caller.subject, agency: caller.agency, roles: caller.roles, area: caller.area, areaName: rows[0]?.name ?? null, actions };
  }
}
