import { Body, CanActivate, Controller, ExecutionContext, Get, Injectable, Post, UnauthorizedException, UseGuards } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { jwtVerify } from 'jose';
import type { Repository } from 'typeorm';
import { ReportIncidentDto } from '@binh-yen/incidents-app';
import { NaiveIncident } from './naive-incident.entity';

/** The bearer check a typical team writes: verify the HS256 token, nothing cached. */
@Injectable()
export class NaiveJwtGuard implements CanActivate {
  private readonly secret = new TextEncoder().encode(process.env['AUTH_JWT_SECRET'] ?? '');

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['authorization'];
    if (!header?.startsWith('Bearer ')) throw new UnauthorizedException();
    try {
      await jwtVerify(header.slice(7), this.secret, { issuer: process.env['AUTH_JWT_ISSUER'], audience: process.env['AUTH_JWT_AUDIENCE'] });
      return true;
    } catch {
      throw new UnauthorizedException();
    }
  }
}

@Controller()
export class NaiveIncidentsController {
  constructor(@InjectRepository(NaiveIncident) private readonly incidents: Repository<NaiveIncident>) {}

  @Get(['health/live', 'health/ready'])
  live(): { status: string } {
    return { status: 'ok' };
  }

  /** The same DTO and validation as the service; the entity saved with `repository.save()`. */
  @Post('api/v1/incidents')
  @UseGuards(NaiveJwtGuard)
  report(@Body() input: ReportIncidentDto): Promise<NaiveIncident> {
    return this.incidents.save(
      this.incidents.create({
        unitCode: input.unitCode,
        category: input.category,
        domain: input.domain ?? null,
        source: input.source ?? 'agency-report',
        severity: input.severity ?? null,
        occurredAt: new Date(input.occurredAt),
        reportedAt: input.reportedAt ? new Date(input.reportedAt) : new Date(),
        summary: input.summary,
        locationText: input.locationText ?? null,
        coordinates: input.coordinates ?? null,
        people: input.people ? { ...input.people } : null,
      }),
    );
  }
}
