import exifr from 'exifr';

/** Where a photo was taken, as its EXIF GPS block says (WGS 84 degrees). */
export interface ExifLocation {
  lat: number;
  lng: number;
}

/**
 * The GPS position of an EXIF block (the TIFF structure `stripMetadata` took out of the photo), read by `exifr`;
 * null when there is none, when it is out of range, or when the block cannot be read (a broken EXIF block is no
 * reason to refuse a photo: it is stripped anyway).
 */
export async function readExifLocation(exif: Buffer | null): Promise<ExifLocation | null> {
  if (!exif || exif.length < 8) return null;
  let gps: { latitude?: unknown; longitude?: unknown } | undefined;
  try {
    gps = await exifr.gps(exif);
  } catch {
    return null;
  }
  const { latitude: lat, longitude: lng } = gps ?? {};
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return null;
  return { lat: round(lat), lng: round(lng) };
}

/** Seven decimals: about a centimetre, more than any phone's GPS knows. */
const round = (degrees: number) => Math.round(degrees * 1e7) / 1e7;
