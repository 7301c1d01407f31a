import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '@binh-yen/auth';
import { RebuildStatus } from './projection-rebuild';
import { ProjectionRebuilder } from './projection-rebuilder';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/projections')
export class RebuildController {
  constructor(private readonly rebuilder: ProjectionRebuilder) {}

  @Allow('projection.rebuild')
  @Post(':name/rebuilds')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild a projection from the beginning of its topics beside the live one; it takes over when caught up' })
  @ApiAcceptedResponse({ type: RebuildStatus })
  start(@Param('name') name: string): RebuildStatus {
    return this.rebuilder.start(name);
  }

  @Allow('projection.rebuild')
  @Get('rebuilds/:id')
  @ApiOperation({ summary: 'Progress of a rebuild' })
  @ApiOkResponse({ type: RebuildStatus })
  status(@Param('id') id: string): RebuildStatus {
    return this.rebuilder.status(id);
  }
}
