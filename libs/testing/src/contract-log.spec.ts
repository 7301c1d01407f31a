import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Get, HttpCode, Module, Post, Query, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOkResponse, ApiProperty, ApiQuery } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import * as recorder from '@binh-yen/http';
import { configureHttpApp, Public } from '@binh-yen/http';
import * as log from './contract-log';
import { assertContractKept, readContractLog } from './contract-log';
import { waitFor } from './wait-for';

class CountDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: String, nullable: true }) area!: string | null;
}

class UntypedDto {
  // What @nestjs/swagger renders as a bare object: the fault of issue 25.
  @ApiProperty({ nullable: true }) lastEventAt!: string | null;
}

class AddDto {
  @ApiProperty() @IsInt() @Min(1) amount!: number;
}

/** Answers as documented, and (on purpose) not: the contract test must see the difference. */
@Public()
@Controller('api/v1/probe')
class ProbeController {
  @Get('right')
  @ApiQuery({ name: 'area', required: false })
  @ApiOkResponse({ type: CountDto })
  right(@Query('area') area?: string): CountDto {
    return { total: 3, area: area ?? null };
  }

  @Get('wrong-body')
  @ApiOkResponse({ type: CountDto })
  wrongBody(): unknown {
    return { total: 'three', area: 25 };
  }

  @Post('wrong-status')
  @HttpCode(202)
  @ApiOkResponse({ type: CountDto })
  wrongStatus(@Body() body: AddDto): CountDto {
    return { total: body.amount, area: null };
  }

  @Get('untyped')
  @ApiOkResponse({ type: UntypedDto })
  untyped(): UntypedDto {
    return { lastEventAt: null };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('the contract test (ADR 0046)', () => {
  let app: INestApplication;
  let url: string;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'contract-'));
    app = await NestFactory.create(ProbeModule, { bodyParser: false, logger: false });
    configureHttpApp(app, { title: 'probe', description: 'probe', serviceName: 'probe', contractLog: directory });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const violationsOf = async (expected: number) =>
    waitFor(async () => readContractLog(directory).violations, (violations) => violations.length >= expected, { timeoutMs: 5000, intervalMs: 50, description: `${expected} violation(s)` });

  it('records a response body that breaks its schema, an undocumented status and an untyped property, and fails the run', async () => {
    // The document's own fault is recorded as soon as the validator is ready.
    const [documentFault] = await violationsOf(1);
    expect(documentFault).toMatchObject({ kind: 'document', service: 'probe' });
    expect(String(documentFault!.errors[0])).toContain('UntypedDto.lastEventAt');

    expect((await fetch(`${url}/api/v1/probe/wrong-body`)).status).toBe(200);
    const afterBody = await violationsOf(2);
    expect(afterBody[1]).toMatchObject({ kind: 'response-body', operationId: 'ProbeController_wrongBody', status: 200 });
    expect(JSON.stringify(afterBody[1]!.errors)).toContain('/total');
    expect(JSON.stringify(afterBody[1]!.errors)).toContain('/area');

    const accepted = await fetch(`${url}/api/v1/probe/wrong-status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount: 2 }) });
    expect(accepted.status).toBe(202);
    const afterStatus = await violationsOf(3);
    expect(afterStatus[2]).toMatchObject({ kind: 'undocumented-status', operationId: 'ProbeController_wrongStatus', status: 202 });

    expect(() => assertContractKept(directory)).toThrow(/3 violation\(s\)/);
  });

  it('reads the files under the names the recorder writes them', () => {
    expect([log.CONTRACT_LOG_VAR, log.VIOLATIONS_FILE, log.EXCHANGES_PREFIX]).toEqual([recorder.CONTRACT_LOG_VAR, recorder.VIOLATIONS_FILE, recorder.EXCHANGES_PREFIX]);
  });

  it('records nothing for answers the document describes, refusals included', async () => {
    const before = readContractLog(directory);
    expect((await fetch(`${url}/api/v1/probe/right?area=25.227`)).status).toBe(200);
    expect((await fetch(`${url}/api/v1/probe/right`)).status).toBe(200);
    // A refused request is a documented 400 problem, not a violation.
    const refused = await fetch(`${url}/api/v1/probe/wrong-status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount: 0 }) });
    expect(refused.status).toBe(400);
    // An unknown route is no operation of the document.
    expect((await fetch(`${url}/api/v1/nothing-here`)).status).toBe(404);
    const after = await waitFor(async () => readContractLog(directory), (log) => log.exchanges >= before.exchanges + 3, { timeoutMs: 5000, intervalMs: 50, description: 'three more exchanges counted' });
    expect(after.violations).toHaveLength(before.violations.length);
  });
});
