import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { notFound, ProblemException, problemType } from '@binh-yen/http';
import { EVENT_TRANSPORT, MESSAGING_OPTIONS, ProjectionServer, type EventTransport, type MessagingOptions } from '@binh-yen/messaging';
import { DataSource } from 'typeorm';
import { ProjectionRebuild, type RebuildStatus } from './projection-rebuild';
import { projectionStorage } from './projection-storage';

/** Starts and tracks rebuilds; one at a time per projection. */
@Injectable()
export class ProjectionRebuilder {
  private readonly logger = new Logger('Rebuild');
  private readonly rebuilds = new Map<string, ProjectionRebuild>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
    private readonly projections: ProjectionServer,
  ) {}

  start(name: string): RebuildStatus {
    const storage = projectionStorage.find((candidate) => candidate.name === name);
    const projection = this.projections.projection(name);
    if (!storage || !projection) throw notFound('projection', `No projection named ${name}; choose one of ${projectionStorage.map((p) => p.name).join(', ')}.`);
    const running = [...this.rebuilds.values()].find((rebuild) => rebuild.status.projection === name && !['done', 'failed'].includes(rebuild.status.state));
    if (running) {
      throw new ProblemException({ type: problemType('rebuild-running'), title: 'Đang dựng lại (Rebuild running)', status: 409, detail: `A rebuild of ${name} is already running (${running.status.id}).` });
    }
    // The projection's Nest handler (its interceptors included), writing into the rebuild's tables.
    const rebuild = new ProjectionRebuild(this.dataSource, this.transport, this.messaging, storage, projection.handler, projection.definition, this.logger);
    this.rebuilds.set(rebuild.status.id, rebuild);
    void rebuild.run();
    return rebuild.status;
  }

  status(id: string): RebuildStatus {
    const rebuild = this.rebuilds.get(id);
    if (!rebuild) throw notFound('rebuild', `No rebuild ${id} in this process.`);
    return rebuild.status;
  }
}
