import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { notFound, ProblemException, problemType } from '@binh-yen/http';
import { KAFKA, MESSAGING_OPTIONS, PROJECTION_HANDLER, type KafkaClient, type MessagingOptions, type Projection, type ProjectionDefinition } from '@binh-yen/messaging';

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
    @Inject(KAFKA) private readonly kafka: KafkaClient,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: MessagingOptions,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  start(name: string): RebuildStatus {
    const storage = projectionStorage.find((candidate) => candidate.name === name);
    const handler = this.discovery.getProviders().find((wrapper) => wrapper.metatype && this.reflector.get<ProjectionDefinition | undefined>(PROJECTION_HANDLER, wrapper.metatype)?.name === name);
    if (!storage || !handler?.metatype) throw notFound('projection', `No projection named ${name}; choose one of ${projectionStorage.map((p) => p.name).join(', ')}.`);
    const running = [...this.rebuilds.values()].find((rebuild) => rebuild.status.projection === name && !['done', 'failed'].includes(rebuild.status.state));
    if (running) {
      throw new ProblemException({ type: problemType('rebuild-running'), title: 'Đang dựng lại (Rebuild running)', status: 409, detail: `A rebuild of ${name} is already running (${running.status.id}).` });
    }
    const definition = this.reflector.get<ProjectionDefinition>(PROJECTION_HANDLER, handler.metatype);
    const rebuild = new ProjectionRebuild(this.dataSource, this.kafka, this.messaging, storage, handler.instance as Projection, definition, this.logger);
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
