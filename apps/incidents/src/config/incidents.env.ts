import { ServiceEnv } from '@binh-yen/http';

/** The incidents service's environment; see .env.example. */
export class IncidentsEnv extends ServiceEnv {
  override PORT: number = 3102;
}
