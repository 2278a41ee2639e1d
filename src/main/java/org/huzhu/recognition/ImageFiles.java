package org.huzhu.recognition;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.huzhu.shared.web.UnreadableUploadException;

/**
 * PNG and JPEG photos and scans: the size is read from the header and checked against the pixel
 * limits before a single pixel is decoded, so a small file claiming 30,000 × 30,000 pixels costs
 * nothing. Nothing is cached on disk.
 */
final class ImageFiles {

    private ImageFiles() {
    }

    /** Checks the size an image declares in its header, decoding nothing; a corrupt or oversized one is a 422. */
    static void checkHeader(byte[] content, FileType type) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            ImageReader reader = readerFor(input, type);
            try {
                reader.setInput(input, true, true);
                refuseOversized(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableUploadException u) throw u;
            throw corrupt(type);
        }
    }

    /** Decodes an image after checking its declared size; a corrupt, cut short or oversized one is a 422. */
    static BufferedImage decode(byte[] content, FileType type) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
            ImageReader reader = readerFor(input, type);
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                refuseOversized(width, height);
                boolean[] cutShort = {false};
                reader.addIIOReadWarningListener((source, warning) -> cutShort[0] |= endedEarly(warning));
                BufferedImage image = reader.read(0);
                if (image == null || cutShort[0]) throw corrupt(type);
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableUploadException u) throw u;
            throw corrupt(type);
        }
    }

    /**
     * Whether a decoder's warning says the file ended before its image did: a JPEG cut short decodes with its missing
     * rows grey and only this warning (libjpeg's "premature end of data segment"). Other warnings (a camera's extraneous
     * bytes before a marker) leave a whole image, and it is read.
     */
    static boolean endedEarly(String warning) {
        return warning != null && warning.toLowerCase(java.util.Locale.ROOT).contains("premature end");
    }

    static void refuseOversized(long width, long height) {
        if (width <= 0 || height <= 0) throw new UnreadableUploadException("图片尺寸无效");
        if (RecognitionLimits.imageTooLarge(width, height)) {
            throw new UnreadableUploadException("图片过大（" + width + " × " + height + " 像素）：最多 4000 万像素，且每边不超过 "
                    + RecognitionLimits.MAX_SIDE + " 像素");
        }
    }

    private static ImageReader readerFor(ImageInputStream input, FileType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            String format = formatName(reader);
            if (type == FileType.PNG && format.equals("png") || type == FileType.JPEG && (format.equals("jpeg") || format.equals("jpg"))) {
                return reader;
            }
            reader.dispose();
        }
        throw corrupt(type);
    }

    private static String formatName(ImageReader reader) {
        try {
            return reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }

    private static UnreadableUploadException corrupt(FileType type) {
        return new UnreadableUploadException((type == FileType.PNG ? "PNG" : "JPEG") + " 图片已损坏或不完整，无法读取");
    }
}
