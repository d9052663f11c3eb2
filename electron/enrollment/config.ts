import { z } from 'zod';

/** Where enrollment records are kept on user entries. */
export const enrollmentStoreConfigSchema = z.object({
  /**
   * Single-valued string attribute. Default: `sesameEnrollment` from the shipped schema (OpenLDAP:
   * schema/openldap-sesame.ldif; AD: schema/ad-sesame.ldf, marked confidential). Any single-valued
   * Unicode string attribute the service account alone may write works too.
   */
  attribute: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/).default('sesameEnrollment'),
  /** OpenLDAP: the auxiliary class added on first write. AD: leave unset (the LDF adds it to user). */
  auxiliaryClass: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/).optional(),
});
export type EnrollmentStoreConfig = z.infer<typeof enrollmentStoreConfigSchema>;
