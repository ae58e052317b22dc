package cn.gov.jgsw.graphql.property;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoSanitizerTest {

    private static final int RED = 0xFF0000;
    private static final int BLUE = 0x0000FF;

    private static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                picture.setRGB(x, y, x < width / 2 ? RED : BLUE);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, format, out);
        return out.toByteArray();
    }

    private static BufferedImage decoded(byte[] data) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(data));
    }

    @Test
    void aRealPhotoIsKeptEncodedAnew() throws IOException {
        byte[] jpeg = image("jpeg", 64, 48);
        byte[] png = image("png", 64, 48);

        BufferedImage fromJpeg = decoded(PhotoSanitizer.sanitized("image/jpeg", jpeg).orElseThrow());
        BufferedImage fromPng = decoded(PhotoSanitizer.sanitized("image/png", png).orElseThrow());

        assertThat(fromJpeg.getWidth()).isEqualTo(64);
        assertThat(fromJpeg.getHeight()).isEqualTo(48);
        assertThat(fromPng.getRGB(0, 0) & 0xFFFFFF).isEqualTo(RED);
        assertThat(fromPng.getRGB(63, 0) & 0xFFFFFF).isEqualTo(BLUE);
    }

    @Test
    void aFileThatOnlyBeginsLikeAnImageOrIsAnotherTypeIsRefused() throws IOException {
        assertThat(PhotoSanitizer.sanitized("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
                .isEmpty();
        assertThat(PhotoSanitizer.sanitized("image/png", image("jpeg", 8, 8))).as("declared otherwise").isEmpty();
        assertThat(PhotoSanitizer.sanitized("image/gif", image("gif", 8, 8))).isEmpty();
        byte[] cut = image("png", 64, 64);
        assertThat(PhotoSanitizer.sanitized("image/png", java.util.Arrays.copyOf(cut, cut.length / 2))).isEmpty();
    }

    @Test
    void aWebPageAppendedToAPictureIsNotKept() throws IOException {
        byte[] png = image("png", 16, 16);
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] withPage = ByteBuffer.allocate(png.length + html.length).put(png).put(html).array();

        byte[] kept = PhotoSanitizer.sanitized("image/png", withPage).orElseThrow();

        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("<html", "script");
    }

    @Test
    void morePixelsThanAPhotoHasAreRefusedBeforeDecoding() throws IOException {
        BufferedImage huge = new BufferedImage(5_000, 4_000, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(huge, "png", out);

        assertThat(out.size()).as("a few kilobytes that decode to 20 megapixels").isLessThan(100_000);
        assertThat(PhotoSanitizer.sanitized("image/png", out.toByteArray())).isEmpty();
    }

    @Test
    void thePhonesMetadataIsDroppedAfterItsOrientationIsApplied() throws IOException {
        byte[] plain = image("jpeg", 40, 20);
        byte[] exif = exifSegment(6, "GPSLatitude 26.5683N GPSLongitude 106.7148E");
        byte[] withExif = ByteBuffer.allocate(plain.length + exif.length).put(plain, 0, 2).put(exif)
                .put(plain, 2, plain.length - 2).array();

        byte[] kept = PhotoSanitizer.sanitized("image/jpeg", withExif).orElseThrow();

        assertThat(ExifOrientation.of(withExif)).isEqualTo(6);
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "GPSLatitude");
        BufferedImage upright = decoded(kept);
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
    }

    @Test
    void eachOrientationTurnsThePictureAsExifDefinesIt() {
        BufferedImage strip = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        strip.setRGB(0, 0, RED);
        strip.setRGB(1, 0, BLUE);
        // Where the left (red) pixel of a 2×1 strip lands, for each orientation: [x, y].
        int[][] red = {{0, 0}, {0, 0}, {1, 0}, {1, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 1}, {0, 1}};
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage turned = PhotoSanitizer.upright(strip, orientation);
            int[] at = red[orientation];
            assertThat(turned.getRGB(at[0], at[1]) & 0xFFFFFF).as("orientation %d", orientation).isEqualTo(RED);
            assertThat(turned.getWidth() * turned.getHeight()).isEqualTo(2);
        }
    }

    /** APP1 "Exif": a big-endian TIFF with IFD0 holding the orientation, and the given text after it. */
    private static byte[] exifSegment(int orientation, String text) {
        byte[] words = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + words.length);
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0).put(words);
        int length = 2 + 6 + tiff.capacity();
        return ByteBuffer.allocate(2 + length).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length)
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array()).array();
    }
}
