import { ServiceEnv } from '@binh-yen/http';

/** The units service's environment; see .env.example. */
export class UnitsEnv extends ServiceEnv {
  override PORT: number = 3101;
}
