package cn.gov.jgsw.graphql.property;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * Makes an uploaded photo safe to keep and to hand out: it must decode, whole, as the image its declared type says, and
 * hold at most {@link #MOST_PIXELS}; what is kept is the picture encoded anew, and nothing else of the file. A file
 * that merely begins like an image, a picture with a web page appended, a decompression bomb, are refused or reduced
 * to their pixels; the phone's metadata (EXIF, with the place it was taken) is dropped, after its orientation has been
 * applied to the pixels so that the picture stands as it was taken.
 */
final class PhotoSanitizer {

    /** 16 megapixels: a phone's photo; the decoded picture then takes at most 64 MiB while it is encoded anew. */
    static final long MOST_PIXELS = 16_000_000;
    private static final float JPEG_QUALITY = 0.9f;

    private PhotoSanitizer() {
    }

    /** The photo encoded anew in its declared type, or empty if it is no such image, or too many pixels. */
    static Optional<byte[]> sanitized(String contentType, byte[] data) {
        String format = switch (contentType) {
            case "image/jpeg" -> "jpeg";
            case "image/png" -> "png";
            default -> null;
        };
        if (format == null) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                if (!reader.getFormatName().equalsIgnoreCase(format)) {
                    return Optional.empty();
                }
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MOST_PIXELS) {
                    return Optional.empty();
                }
                BufferedImage picture = reader.read(0);
                int orientation = format.equals("jpeg") ? ExifOrientation.of(data) : 1;
                return Optional.of(encoded(upright(picture, orientation), format));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException undecodable) {
            return Optional.empty();
        }
    }

    private static byte[] encoded(BufferedImage picture, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("png")) {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IOException("no PNG writer");
            }
            return out.toByteArray();
        }
        BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = rgb.createGraphics();
        canvas.drawImage(picture, 0, 0, Color.WHITE, null);
        canvas.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The picture turned as its EXIF orientation (1 to 8) says it should be shown. */
    static BufferedImage upright(BufferedImage picture, int orientation) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        AffineTransform turn = new AffineTransform();
        boolean swapped = orientation >= 5 && orientation <= 8;
        switch (orientation) {
            case 2 -> { turn.translate(w, 0); turn.scale(-1, 1); }
            case 3 -> { turn.translate(w, h); turn.rotate(Math.PI); }
            case 4 -> { turn.translate(0, h); turn.scale(1, -1); }
            case 5 -> turn.setTransform(0, 1, 1, 0, 0, 0);
            case 6 -> { turn.translate(h, 0); turn.rotate(Math.PI / 2); }
            case 7 -> turn.setTransform(0, -1, -1, 0, h, w);
            case 8 -> { turn.translate(0, w); turn.rotate(3 * Math.PI / 2); }
            default -> {
                return picture;
            }
        }
        BufferedImage turned = new BufferedImage(swapped ? h : w, swapped ? w : h,
                picture.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = turned.createGraphics();
        canvas.drawImage(picture, turn, null);
        canvas.dispose();
        return turned;
    }
}
