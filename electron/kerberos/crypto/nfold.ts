/**
 * RFC 3961 §5.1 n-fold: stretches or shrinks a constant to the cipher's block size by summing
 * 13-bit right rotations of the input with one's-complement addition. Port of the reference algorithm
 * (MIT krb5 nfold.c), which works byte by byte over lcm(inLength, outLength).
 */
export function nfold(input: Uint8Array, outLength: number): Buffer {
  const inLength = input.length;
  const inBits = inLength * 8;
  const lcm = (inLength * outLength) / gcd(inLength, outLength);
  const out = Buffer.alloc(outLength);
  let carry = 0;
  for (let i = lcm - 1; i >= 0; i--) {
    // The input bit that becomes the most significant bit of output byte i (after the rotations).
    const msbit = (inBits - 1 + (inBits + 13) * Math.floor(i / inLength) + (inLength - (i % inLength)) * 8) % inBits;
    const high = input[(inLength - 1 - (msbit >> 3)) % inLength] ?? 0;
    const low = input[(inLength - (msbit >> 3)) % inLength] ?? 0;
    carry += (((high << 8) | low) >> ((msbit & 7) + 1)) & 0xff;
    carry += out[i % outLength] ?? 0;
    out[i % outLength] = carry & 0xff;
    carry >>= 8;
  }
  // One's-complement addition: a carry out of the top wraps around into the bottom.
  for (let i = outLength - 1; carry !== 0 && i >= 0; i--) {
    carry += out[i] ?? 0;
    out[i] = carry & 0xff;
    carry >>= 8;
  }
  return out;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
