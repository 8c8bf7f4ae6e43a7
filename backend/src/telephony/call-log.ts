/** The logging the telephony code needs: pino's and Fastify's loggers both fit. */
export interface CallLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
