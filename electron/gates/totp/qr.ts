/** The otpauth URI as an SVG QR code, for the one screen where the user scans it. */
import QRCode from 'qrcode';

export function qrSvg(otpauthUri: string): Promise<string> {
  return QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
