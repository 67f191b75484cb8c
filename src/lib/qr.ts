import QRCode from 'qrcode'

/** An SVG QR code for a URL, rendered on the server so the page ships no script for it. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
    color: { dark: '#1f2328', light: '#ffffff' },
  })
}
