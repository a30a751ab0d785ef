package org.lptem.io;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;

/**
 * Decodes the TIFF pages our own strip reader does not handle (compressed, tiled, planar colour, palette) with
 * TwelveMonkeys. The reader is created from its SPI directly, never looked up in the ImageIO registry, because under
 * OSGi the registry does not see bundle classes.
 */
final class TwelveMonkeysPages implements AutoCloseable {
    private final String source;
    private final ImageInputStream stream;
    private final ImageReader reader;

    private TwelveMonkeysPages(String source, ImageInputStream stream, ImageReader reader) {
        this.source = source;
        this.stream = stream;
        this.reader = reader;
    }

    static TwelveMonkeysPages open(Path path) {
        ImageInputStream stream = null;
        try {
            stream = new FileImageInputStream(path.toFile());
            ImageReader reader = new TIFFImageReaderSpi().createReaderInstance(null);
            reader.setInput(stream, false, true);
            return new TwelveMonkeysPages(path.toString(), stream, reader);
        } catch (IOException | RuntimeException e) {
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // reporting the first error is what matters
                }
            }
            throw new LptemException(path.toString(), -1, "cannot open for decoding: " + e, e);
        }
    }

    /**
     * Decodes directory {@code ifdIndex} of the chain (TwelveMonkeys counts every directory) as frame
     * {@code frame} of the video.
     */
    Frame read(int ifdIndex, int frame, PageFormat format, PixelType type) {
        boolean grey = !format.isRgb() && !format.isPalette();
        BufferedImage image = null;
        Raster raster;
        try {
            // Grey pages come as the raster alone: read() maps the samples to its colour model, inverting MinIsWhite
            // (v -> ~v) and clamping floats to [0, 1], while frames keep the detector's values as stored, as our own
            // strip reader does for uncompressed pages.
            if (grey) {
                raster = reader.readRaster(ifdIndex, null);
            } else {
                image = reader.read(ifdIndex);
                raster = image.getRaster();
            }
        } catch (IOException | RuntimeException e) {
            throw new LptemException(source, frame, "cannot decode " + format.describe() + " page (compression "
                    + format.compression() + "): " + e, e);
        } catch (OutOfMemoryError e) {
            // Our checks bound the pixel data against the file length before we get here; this only catches a
            // corrupt directory that makes the third-party decoder ask for one huge array, which then never existed.
            throw new LptemException(source, frame, "corrupt page: decoding it asks for more memory than exists", null);
        }
        if (raster.getWidth() != format.width() || raster.getHeight() != format.height()) {
            throw new LptemException(source, frame, "decoded to " + raster.getWidth() + " x " + raster.getHeight()
                    + " pixels but the page declares " + format.width() + " x " + format.height(), null);
        }
        boolean signedBytes = format.bitsPerSample() == 8 && format.sampleFormat() == TiffTags.SAMPLE_FORMAT_INT;
        try {
            return grey ? ImageFrames.greyFrame(raster, type, signedBytes)
                    : ImageFrames.toFrame(image, type, signedBytes);
        } catch (RuntimeException e) {
            throw new LptemException(source, frame, "cannot convert the decoded page to " + type.label() + ": " + e,
                    e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        stream.close();
    }
}
