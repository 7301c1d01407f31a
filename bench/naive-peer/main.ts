// The naive peer of the HTTP benchmark (issue 22, goal 2): the report-incident endpoint as a
// typical team writes it. NestJS on Express, the service's own DTO behind a global
// ValidationPipe, a JWT guard, a TypeORM entity and `repository.save()`; no outbox, audit,
// idempotency, duplicate search or unit/category lookups. Same database as the service (its own
// table), same pool size. Started by bench/http.bench.ts as a process of its own.
import 'reflect-metadata';
import { Module, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NaiveIncident } from './naive-incident.entity';
import { NaiveIncidentsController, NaiveJwtGuard } from './naive-incidents.controller';

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env['DATABASE_URL'],
      // Named so that the benchmark can find its connections (CPU per request).
      applicationName: 'naive-peer',
      entities: [NaiveIncident],
      // The typical set-up creates its one table from the entity.
      synchronize: true,
      extra: { max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10) },
    }),
    TypeOrmModule.forFeature([NaiveIncident]),
  ],
  controllers: [NaiveIncidentsController],
  providers: [NaiveJwtGuard],
})
class NaivePeerModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(NaivePeerModule, { logger: ['error', 'warn'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(Number(process.env['PORT'] ?? 3000), process.env['HOST'] ?? '127.0.0.1');
}

main().catch((error: unknown) => {
  process.stderr.write(`naive peer failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
