import { Transform } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { ServiceEnv } from '@binh-yen/service-runtime';

/** The incidents service's environment; see .env.example. */
export class IncidentsEnv extends ServiceEnv {
  override PORT: number = 3102;

  /**
   * AES-256-GCM key for informants of public tips: 32 bytes, base64. Without it
   * the service starts but refuses to take informant details (it never stores them in clear).
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'INCIDENTS_INFORMANT_KEY must be 32 random bytes in base64 (openssl rand -base64 32)' })
  INCIDENTS_INFORMANT_KEY?: string;

  /**
   * Keys that sealed older informants (comma-separated, base64), readable only: rotate by
   * setting a new INCIDENTS_INFORMANT_KEY, the old one here, and running
   * `npm run incidents:reseal-informants`; then drop the old one.
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((key) => key.trim()).filter(Boolean) : value))
  @IsArray()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { each: true, message: 'INCIDENTS_INFORMANT_PREVIOUS_KEYS must be 32-byte keys in base64, comma-separated' })
  INCIDENTS_INFORMANT_PREVIOUS_KEYS: string[] = [];

  /** Reports of the same unit and category this close in time may be duplicates. */
  @IsInt() @Min(1) @Max(24 * 90)
  INCIDENTS_DUPLICATE_WINDOW_HOURS: number = 72;

  /** Summary similarity (0..1) from which a report is flagged as a possible duplicate. */
  @IsNumber() @Min(0.05) @Max(1)
  INCIDENTS_DUPLICATE_THRESHOLD: number = 0.5;
}
