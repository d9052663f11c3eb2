/** Error codes any call can answer with, besides its own view. */
export const callErrorCodes = [
  'invalidRequest', // the payload failed its schema
  'unknownCall',
  'forbiddenSender', // IPC from a frame that is not the app's
  'rateLimited',
  'sessionExpired',
  'notPermitted', // help desk: the operator lacks the right
  'unavailable', // the directory or audit log cannot be reached
  'internal',
] as const;
export type CallErrorCode = (typeof callErrorCodes)[number];
