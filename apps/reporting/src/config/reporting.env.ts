import { ServiceEnv } from '@binh-yen/http';

/** The reporting service's environment; see .env.example. */
export class ReportingEnv extends ServiceEnv {
  override PORT: number = 3104;
}
