import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isProblemSource, PROBLEM_CONTENT_TYPE, ProblemException, problemType, type ProblemDetails } from './problem-details';

const TITLES: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ (Bad request)',
  401: 'Chưa xác thực (Unauthenticated)',
  403: 'Không có quyền (Forbidden)',
  404: 'Không tìm thấy (Not found)',
  409: 'Xung đột dữ liệu (Conflict)',
  413: 'Nội dung quá lớn (Payload too large)',
  415: 'Định dạng không được hỗ trợ (Unsupported media type)',
  422: 'Không thể xử lý (Unprocessable)',
  429: 'Quá nhiều yêu cầu (Too many requests)',
};

/** Seconds a client is told to wait while the database comes back (a restart takes a few). */
const RETRY_AFTER_UNAVAILABLE = '5';
/** Connection refused or cut, SQLSTATE class 08 (connection exception), 57P01–03 (shutdown, crash, starting), 53300 (too many connections). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/;

/**
 * The database is away (restarting, failing over, out of connections): the request changed nothing
 * and may be retried, so it is a 503 with Retry-After, not an internal error (the fault suite's
 * PostgreSQL restart showed 500s). TypeORM wraps the driver's error in `driverError`.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  const error = exception as { code?: unknown; driverError?: { code?: unknown; message?: unknown }; message?: unknown } | null;
  const code = String(error?.driverError?.code ?? error?.code ?? '');
  if (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  return UNAVAILABLE_MESSAGES.test(`${String(error?.message ?? '')} ${String(error?.driverError?.message ?? '')}`);
}

/** Body-parser errors carry a status and a type but are not HttpExceptions. */
interface ParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * Every error leaves as problem details. Client mistakes say what to fix; server
 * faults say nothing about internals (no stack, no SQL) and are logged instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problems');

  catch(exception: unknown, host: ArgumentsHost): void {
    // An event handler's error goes back as thrown: the projection runner retries or dead-letters it.
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem: ProblemDetails = { ...this.toProblem(exception), instance: request.originalUrl };
    if (problem.status >= 500) {
      this.logger.error(`${request.method} ${request.originalUrl}: ${exception instanceof Error ? exception.stack : String(exception)}`);
    }
    if (exception instanceof ProblemException) for (const [name, value] of Object.entries(exception.headers)) response.setHeader(name, value);
    if (problem.status === 503) response.setHeader('Retry-After', RETRY_AFTER_UNAVAILABLE);
    // RFC 9110 §11.6.1 and RFC 6750 §3: a 401 says how to authenticate, and whether the token sent was the trouble.
    if (problem.status === 401) response.setHeader('WWW-Authenticate', request.headers.authorization ? 'Bearer realm="binh-yen", error="invalid_token"' : 'Bearer realm="binh-yen"');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (isProblemSource(exception)) return exception.toProblem();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'type' in body && 'title' in body) {
        return { ...(body as ProblemDetails), status };
      }
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      return {
        type: problemType(slugFor(status)),
        title: TITLES[status] ?? exception.message,
        status,
        detail: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
      };
    }
    const parser = exception as ParserError;
    const status = parser?.status ?? parser?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        type: problemType(parser.type === 'entity.too.large' ? 'payload-too-large' : parser.type === 'encoding.invalid-utf8' ? 'invalid-utf8' : 'malformed-body'),
        title: TITLES[status] ?? 'Bad request',
        status,
        detail:
          parser.type === 'entity.too.large'
            ? 'The request body is larger than allowed; send less data.'
            : 'The request body is not valid JSON in UTF-8; fix its syntax and encoding.',
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        type: problemType('unavailable'),
        title: 'Tạm thời không phục vụ được (Service unavailable)',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: 'The service’s database is unavailable for a moment; nothing was changed. Try again in a few seconds (Retry-After).',
      };
    }
    return {
      type: problemType('internal'),
      title: 'Lỗi hệ thống (Internal error)',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'Something went wrong on our side. Try again; if it persists, contact the operators.',
    };
  }
}

function slugFor(status: number): string {
  return (TITLES[status] ?? 'error').replace(/^.*\(|\)$/g, '').toLowerCase().replace(/[^a-z]+/g, '-');
}
