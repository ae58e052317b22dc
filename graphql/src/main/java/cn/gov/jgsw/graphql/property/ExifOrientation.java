package cn.gov.jgsw.graphql.property;

import java.nio.charset.StandardCharsets;

/**
 * The orientation a JPEG's EXIF block gives (tag 0x0112, 1 to 8; 1 when there is none or it cannot be read): the
 * phone stores the picture as the sensor saw it and says how to turn it. Read by hand, only this one tag, because the
 * rest of the EXIF block is what is thrown away.
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    static int of(byte[] jpeg) {
        try {
            int at = 2;
            while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                int marker = jpeg[at + 1] & 0xFF;
                int length = u16(jpeg, at + 2, false);
                if (marker == 0xDA || length < 2) {
                    return 1;
                }
                if (marker == 0xE1 && length >= 8 && "Exif\0\0".equals(new String(jpeg, at + 4, 6,
                        StandardCharsets.ISO_8859_1))) {
                    return orientationIn(jpeg, at + 10, at + 2 + length);
                }
                at += 2 + length;
            }
            return 1;
        } catch (RuntimeException malformed) {
            return 1;
        }
    }

    private static int orientationIn(byte[] data, int tiff, int end) {
        boolean little = data[tiff] == 'I' && data[tiff + 1] == 'I';
        int ifd = tiff + (int) u32(data, tiff + 4, little);
        int entries = u16(data, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(data, entry, little) == ORIENTATION_TAG) {
                int value = u16(data, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] data, int at, boolean little) {
        int a = data[at] & 0xFF;
        int b = data[at + 1] & 0xFF;
        return little ? b << 8 | a : a << 8 | b;
    }

    private static long u32(byte[] data, int at, boolean little) {
        long high = u16(data, little ? at + 2 : at, little);
        long low = u16(data, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
