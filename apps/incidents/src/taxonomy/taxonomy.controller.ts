import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentCaller, type Caller } from '@binh-yen/auth';
import { commandContext } from '@binh-yen/command-pipeline';
import { TaxonomySlugPipe } from './taxonomy-slug.pipe';
import { UpsertCategoryDto, UpsertDomainDto } from './dto/taxonomy.dto';
import { CategoryView, DomainView, TaxonomyQueries, TaxonomyView } from './taxonomy.queries';
import { UpsertTaxonomyEntryUseCase } from './upsert-taxonomy-entry.use-case';


@ApiTags('incident taxonomy')
@ApiBearerAuth()
@Controller('api/v1/incident-taxonomy')
export class TaxonomyController {
  constructor(
    private readonly queries: TaxonomyQueries,
    private readonly upsert: UpsertTaxonomyEntryUseCase,
  ) {}

  @Allow('incident.read')
  @Get()
  @ApiOperation({ summary: 'Security domains and incident categories (danh mục lĩnh vực, loại vụ việc)' })
  @ApiOkResponse({ type: TaxonomyView })
  taxonomy(): Promise<TaxonomyView> {
    return this.queries.all();
  }

  @Allow('incident.taxonomy.manage')
  @Put('domains/:slug')
  @ApiOperation({ summary: 'Add or change a security domain (administrators)' })
  @ApiOkResponse({ type: DomainView })
  putDomain(@Param('slug', TaxonomySlugPipe) slug: string, @Body() body: UpsertDomainDto, @CurrentCaller() caller: Caller): Promise<DomainView> {
    return this.upsert.upsertDomain(slug, body, commandContext(caller));
  }

  @Allow('incident.taxonomy.manage')
  @Put('categories/:slug')
  @ApiOperation({ summary: 'Add or change an incident category (administrators)' })
  @ApiOkResponse({ type: CategoryView })
  putCategory(@Param('slug', TaxonomySlugPipe) slug: string, @Body() body: UpsertCategoryDto, @CurrentCaller() caller: Caller): Promise<CategoryView> {
    return this.upsert.upsertCategory(slug, body, commandContext(caller));
  }
}
