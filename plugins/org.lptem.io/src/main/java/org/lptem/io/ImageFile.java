package org.lptem.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;

/**
 * One single-image file (PNG, JPEG or a one-page TIFF) as a frame. PNG and JPEG use the JDK's readers, which are
 * system classes and so visible to the ImageIO registry under OSGi as well.
 */
final class ImageFile {
    /** What the header says, read without decoding pixels. */
    record Header(int width, int height, PixelType type, Calibration calibration) {
        String describe() {
            return width + " x " + height + " " + type.label();
        }
    }

    private ImageFile() {
    }

    static Header header(Path file, int frame) {
        FileKind kind = imageKind(file, frame);
        if (kind == FileKind.TIFF) {
            try (TiffVideo tiff = singlePage(file, frame)) {
                return new Header(tiff.width(), tiff.height(), tiff.pixelType(), tiff.calibration());
            } catch (IOException e) {
                throw new LptemException(file.toString(), frame, "cannot close: " + e.getMessage(), e);
            }
        }
        return withReader(file, frame, kind, reader -> {
            ImageTypeSpecifier spec = reader.getRawImageType(0);
            if (spec == null) {
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                spec = types.hasNext() ? types.next() : null;
            }
            PixelType type = spec == null ? null : ImageFrames.pixelType(spec.getColorModel(),
                    spec.getSampleModel());
            if (type == null) {
                throw new LptemException(file.toString(), frame, "unsupported " + kind + " colour type "
                        + (spec == null ? "" : spec.getColorModel().getColorSpace().getType()), null);
            }
            return new Header(reader.getWidth(0), reader.getHeight(0), type, Calibration.NONE);
        });
    }

    static Frame read(Path file, int frame, PixelType type) {
        FileKind kind = imageKind(file, frame);
        if (kind == FileKind.TIFF) {
            try (TiffVideo tiff = singlePage(file, frame)) {
                return tiff.frame(0);
            } catch (IOException e) {
                throw new LptemException(file.toString(), frame, "cannot close: " + e.getMessage(), e);
            }
        }
        return withReader(file, frame, kind, reader -> {
            BufferedImage image = reader.read(0);
            PixelType actual = ImageFrames.pixelType(image.getColorModel(), image.getSampleModel());
            if (actual != type) {
                throw new LptemException(file.toString(), frame, "is " + (actual == null ? "an unsupported colour type"
                        : actual.label()) + " but frame 0 is " + type.label(), null);
            }
            return ImageFrames.toFrame(image, type, false);
        });
    }

    private static FileKind imageKind(Path file, int frame) {
        FileKind kind = FileKind.of(file);
        if (!kind.isImage()) {
            throw new LptemException(file.toString(), frame, "is a " + kind.label() + " file, not a PNG, JPEG or TIFF "
                    + "image; open it on its own rather than in a folder of frames", null);
        }
        return kind;
    }

    private static TiffVideo singlePage(Path file, int frame) {
        TiffVideo tiff = TiffVideo.open(file);
        if (tiff.frameCount() != 1) {
            int pages = tiff.frameCount();
            try {
                tiff.close();
            } catch (IOException ignored) {
                // the page count is the problem to report
            }
            throw new LptemException(file.toString(), frame, "has " + pages + " pages; a folder of frames needs "
                    + "one image per file", null);
        }
        return tiff;
    }

    private interface ReaderAction<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, int frame, FileKind kind, ReaderAction<T> action) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IllegalStateException("the JDK has no " + kind + " reader");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream stream = new FileImageInputStream(file.toFile())) {
            reader.setInput(stream, true, true);
            return action.apply(reader);
        } catch (LptemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new LptemException(file.toString(), frame, "cannot decode " + kind + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // A corrupt header can declare a huge image; the JDK decoder then asks for one array that never exists.
            throw new LptemException(file.toString(), frame, "corrupt " + kind + ": it declares more pixels than "
                    + "memory can hold", null);
        } finally {
            reader.dispose();
        }
    }
}
