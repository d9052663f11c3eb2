/**
 * What the adapter learns once per connection target: the domain naming context (rootDSE
 * defaultNamingContext), the domain SID (to name protected groups by RID) and the controls the DC
 * supports (policy hints).
 */
import type { Client } from 'ldapts';
import { DirectoryError } from '../errors';
import { first, values } from '../password-modify/entry-values';
import { sidToString } from './sid';

export interface DomainFacts {
  namingContext: string;
  domainSid: string;
  supportedControls: readonly string[];
}

export async function readDomainFacts(client: Client): Promise<DomainFacts> {
  const rootDse = (await client.search('', { scope: 'base', attributes: ['defaultNamingContext', 'supportedControl'] })).searchEntries[0];
  const namingContext = rootDse ? first(rootDse, 'defaultNamingContext') : undefined;
  if (!rootDse || !namingContext) throw new DirectoryError('protocol', 'rootDSE names no defaultNamingContext: not an Active Directory DC?');
  const domain = (await client.search(namingContext, { scope: 'base', attributes: ['objectSid'], explicitBufferAttributes: ['objectSid'] })).searchEntries[0];
  const rawSid = domain?.objectSid;
  const domainSid = Buffer.isBuffer(rawSid) ? sidToString(rawSid) : undefined;
  if (!domainSid) throw new DirectoryError('protocol', `domain object ${namingContext} has no readable objectSid`);
  return { namingContext, domainSid, supportedControls: values(rootDse, 'supportedControl') };
}
