/**
 * Thin DER helpers over asn1js for Kerberos's style of ASN.1: SEQUENCEs of explicitly context-tagged
 * fields, APPLICATION-tagged messages, GeneralString names and second-precision GeneralizedTime.
 * Decoding is strict about what it relies on and reports anything else as a Asn1DecodeError.
 */
import * as asn1js from 'asn1js';

export type Block = asn1js.BaseBlock;

export class Asn1DecodeError extends Error {
  override readonly name = 'Asn1DecodeError';
}

const CONTEXT = 3;
const APPLICATION = 2;

export const explicit = (tag: number, value: Block): Block =>
  new asn1js.Constructed({ idBlock: { tagClass: CONTEXT, tagNumber: tag }, value: [value] });

export const application = (tag: number, value: Block): Block =>
  new asn1js.Constructed({ idBlock: { tagClass: APPLICATION, tagNumber: tag }, value: [value] });

/** SEQUENCE { [n] field ... }: fields left undefined are OPTIONAL and omitted. */
export function taggedSequence(fields: readonly (Block | undefined)[]): Block {
  const value: Block[] = [];
  fields.forEach((field, tag) => {
    if (field) value.push(explicit(tag, field));
  });
  return new asn1js.Sequence({ value });
}

export const sequenceOf = (items: readonly Block[]): Block => new asn1js.Sequence({ value: [...items] });
export const integer = (value: number): Block => new asn1js.Integer({ value });
export const octetString = (bytes: Uint8Array): Block => new asn1js.OctetString({ valueHex: bytes });
/** KerberosString is GeneralString; names are UTF-8 on the wire in practice (RFC 4120 §5.2.1). */
export const kerberosString = (text: string): Block =>
  new asn1js.GeneralString({ value: Buffer.from(text, 'utf8').toString('latin1') });
/** KerberosTime: GeneralizedTime without fractional seconds. */
export const kerberosTime = (date: Date): Block =>
  new asn1js.GeneralizedTime({ valueDate: new Date(Math.floor(date.getTime() / 1000) * 1000) });
/** KDCOptions/APOptions: a 32-bit BIT STRING, bit 0 being the most significant. */
export function flags32(bits: readonly number[]): Block {
  const value = Buffer.alloc(4);
  for (const bit of bits) value[bit >> 3] = (value[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  return new asn1js.BitString({ valueHex: value, unusedBits: 0 });
}

/** Bit numbers set in a BIT STRING, bit 0 being the most significant of the first octet. */
export function readFlags(block: Block, what: string): number[] {
  if (!(block instanceof asn1js.BitString)) throw new Asn1DecodeError(`${what}: expected a BIT STRING`);
  const bits: number[] = [];
  block.valueBlock.valueHexView.forEach((byte, index) => {
    for (let bit = 0; bit < 8; bit++) if (byte & (0x80 >> bit)) bits.push(index * 8 + bit);
  });
  return bits;
}

export const encode = (block: Block): Buffer => Buffer.from(block.toBER(false));

export function decode(bytes: Uint8Array): Block {
  const { offset, result } = asn1js.fromBER(bytes);
  if (offset === -1 || result.error) throw new Asn1DecodeError(`malformed DER: ${result.error || 'unknown error'}`);
  if (offset !== bytes.length) throw new Asn1DecodeError('trailing bytes after DER value');
  return result;
}

/** The APPLICATION tag number of a decoded message, or undefined when it has none. */
export function applicationTag(block: Block): number | undefined {
  return block.idBlock.tagClass === APPLICATION ? block.idBlock.tagNumber : undefined;
}

function children(block: Block, what: string): Block[] {
  if (!(block instanceof asn1js.Constructed)) throw new Asn1DecodeError(`${what}: expected a constructed value`);
  return block.valueBlock.value;
}

export function unwrapApplication(block: Block, tag: number, what: string): Block {
  if (applicationTag(block) !== tag) throw new Asn1DecodeError(`${what}: expected [APPLICATION ${tag}]`);
  const [inner] = children(block, what);
  if (!inner) throw new Asn1DecodeError(`${what}: empty`);
  return inner;
}

/** The explicitly tagged fields of a SEQUENCE, by tag number. */
export function fieldsOf(block: Block, what: string): Map<number, Block> {
  if (!(block instanceof asn1js.Sequence)) throw new Asn1DecodeError(`${what}: expected a SEQUENCE`);
  const fields = new Map<number, Block>();
  for (const child of block.valueBlock.value) {
    if (child.idBlock.tagClass !== CONTEXT) throw new Asn1DecodeError(`${what}: untagged field`);
    const [inner] = children(child, what);
    if (inner) fields.set(child.idBlock.tagNumber, inner);
  }
  return fields;
}

export function requireField(fields: Map<number, Block>, tag: number, what: string): Block {
  const field = fields.get(tag);
  if (!field) throw new Asn1DecodeError(`${what}: missing field [${tag}]`);
  return field;
}

export function readInteger(block: Block, what: string): number {
  if (!(block instanceof asn1js.Integer)) throw new Asn1DecodeError(`${what}: expected an INTEGER`);
  const value = block.toBigInt();
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Asn1DecodeError(`${what}: INTEGER out of range`);
  }
  return Number(value);
}

export function readOctets(block: Block, what: string): Buffer {
  if (!(block instanceof asn1js.OctetString) || block.idBlock.isConstructed) {
    throw new Asn1DecodeError(`${what}: expected an OCTET STRING`);
  }
  return Buffer.from(block.valueBlock.valueHexView);
}

/** The raw bytes of a KerberosString (salts are compared and hashed as bytes). */
export function readStringBytes(block: Block, what: string): Buffer {
  if (!(block instanceof asn1js.GeneralString)) throw new Asn1DecodeError(`${what}: expected a GeneralString`);
  return Buffer.from(block.valueBlock.valueHexView);
}

export const readString = (block: Block, what: string): string => readStringBytes(block, what).toString('utf8');

export function readTime(block: Block, what: string): Date {
  if (!(block instanceof asn1js.GeneralizedTime)) throw new Asn1DecodeError(`${what}: expected a GeneralizedTime`);
  return block.toDate();
}

export function readSequence(block: Block, what: string): Block[] {
  if (!(block instanceof asn1js.Sequence)) throw new Asn1DecodeError(`${what}: expected a SEQUENCE OF`);
  return block.valueBlock.value;
}
