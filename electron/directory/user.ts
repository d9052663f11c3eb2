/** A resolved directory user: enough to act on the entry and to check scope and quality rules. */
export interface DirectoryUser {
  dn: string;
  /** The name the user is known by (sAMAccountName or uid). */
  accountName: string;
  displayName?: string;
  mail?: string;
  userPrincipalName?: string;
  /** Direct memberOf values (DNs); nested membership is checked by the adapter. */
  memberOf: readonly string[];
}
