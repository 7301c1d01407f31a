import { ServiceEnv } from '@binh-yen/service-runtime';

/** The units service's environment; see .env.example. */
export class UnitsEnv extends ServiceEnv {
  override PORT: number = 3101;
}
