/**
 * Help-desk administration of accounts, per directory: search, nested membership, and the password
 * metadata (never expires, valid until) the self-service adapter does not touch. An instance works on
 * whichever connection it is given: the operator's own bind for every help-desk read and write, the
 * kiosk's service connection only to resolve an operator at sign-in.
 */
import type { DirectoryUser } from '../user';

/** What the directory can do, so the help desk hides what it cannot. */
export interface AdministrationCapabilities {
  passwordNeverExpires: boolean;
  validUntil: boolean;
}

export interface UserSearchPage {
  users: DirectoryUser[];
  /** Offset of the next page, when there is more. */
  nextOffset?: number;
}

export interface DirectoryAdministration {
  readonly capabilities: AdministrationCapabilities;
  /** The one account a login name denotes, without self-service scope or protection checks (operators). */
  resolveAccount(typedName: string): Promise<DirectoryUser>;
  /** The account at a DN below the configured base DNs (DirectoryError userNotFound / outOfScope). */
  readUser(dn: string): Promise<DirectoryUser>;
  /** Escaped substring search over the login attributes and display name, below the base DNs. */
  searchUsers(query: string, offset: number, pageSize: number): Promise<UserSearchPage>;
  /** Which of `groupDns` the account is a member of, directly or through nested groups. */
  groupsAmong(user: DirectoryUser, groupDns: readonly string[]): Promise<string[]>;
  /** DirectoryError unwillingToPerform when capabilities.passwordNeverExpires is false. */
  setPasswordNeverExpires(user: DirectoryUser, neverExpires: boolean): Promise<void>;
  /** undefined clears the end. DirectoryError unwillingToPerform when capabilities.validUntil is false. */
  setValidUntil(user: DirectoryUser, validUntil: Date | undefined): Promise<void>;
}
