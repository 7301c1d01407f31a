import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@binh-yen/auth';
import { forbidden } from '@binh-yen/http';
import type { RebuildStatus } from './projection-rebuild';
import { ProjectionRebuilder } from './projection-rebuilder';

function requireAdministrator(caller: Caller): void {
  if (!caller.roles.includes('administrator')) throw forbidden('Rebuilding a projection needs the administrator role.');
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/projections')
export class RebuildController {
  constructor(private readonly rebuilder: ProjectionRebuilder) {}

  @Post(':name/rebuilds')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild a projection from the beginning of its topics beside the live one; it takes over when caught up' })
  start(@Param('name') name: string, @CurrentCaller() caller: Caller): RebuildStatus {
    requireAdministrator(caller);
    return this.rebuilder.start(name);
  }

  @Get('rebuilds/:id')
  @ApiOperation({ summary: 'Progress of a rebuild' })
  status(@Param('id') id: string, @CurrentCaller() caller: Caller): RebuildStatus {
    requireAdministrator(caller);
    return this.rebuilder.status(id);
  }
}
