package org.lptem.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * A multi-page TIFF (or BigTIFF) read page by page. Opening keeps only where each page is: for ImageJ stacks whose
 * layout verifies, one offset (ImageJ writes all pixel data back to back); otherwise the offset of every image file
 * directory, found by walking the chain once without touching pixels. Uncompressed striped pages (what ImageJ,
 * tifffile and microscope software write) are decoded here; other pages go to {@link TwelveMonkeysPages}.
 */
final class TiffVideo implements Video {
    /** The smallest directory: entry count, one entry, next pointer. Bounds the pages a file can hold. */
    private static final int MIN_IFD_BYTES = 18;

    private final TiffInput in;
    private final PageFormat format;
    private final PixelType type;
    private final Calibration calibration;
    private final int frameCount;
    /** Start of frame 0's pixels in an ImageJ contiguous stack, or -1 when pages are found by directory. */
    private final long contiguousStart;
    /** Offsets of every directory in chain order, reduced-resolution ones included; null when contiguous. */
    private final long[] chainOffsets;
    /** Chain position of each frame, or null when frame i is directory i. */
    private final int[] frameToChain;
    /** A directory entry pointing outside the file, which would mislead a decoder that reads all entries. */
    private final String directoryProblem;
    private TwelveMonkeysPages delegate;

    private TiffVideo(TiffInput in, PageFormat format, PixelType type, Calibration calibration, int frameCount,
            long contiguousStart, long[] chainOffsets, int[] frameToChain, String directoryProblem) {
        this.in = in;
        this.format = format;
        this.type = type;
        this.calibration = calibration;
        this.frameCount = frameCount;
        this.contiguousStart = contiguousStart;
        this.chainOffsets = chainOffsets;
        this.frameToChain = frameToChain;
        this.directoryProblem = directoryProblem;
    }

    /** Opens a TIFF file; the caller has checked the magic bytes. */
    static TiffVideo open(Path path) {
        TiffInput in = TiffInput.open(path);
        try {
            return build(in);
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static TiffVideo build(TiffInput in) {
        Ifd first = Ifd.read(in, in.firstIfdOffset(), 0);
        PageFormat format = PageFormat.of(first, in);
        PixelType type = format.pixelType(in, 0);
        ImageJDescription imageJ = ImageJDescription.parse(first.ascii(TiffTags.IMAGE_DESCRIPTION,
                "ImageDescription"));
        checkImageJDimensions(in, imageJ);
        Calibration calibration = TiffCalibration.read(first, imageJ);
        long images = imageJ == null ? 0 : imageJ.images();
        long start = images > 1 ? contiguousStart(in, first, format, images) : -1;
        if (start >= 0) {
            return new TiffVideo(in, format, type, calibration, (int) images, start, null, null, null);
        }
        return walkChain(in, first, format, type, calibration);
    }

    /** Our frames are one plane each; a stack that interleaves channels or z and t would be misread as time. */
    private static void checkImageJDimensions(TiffInput in, ImageJDescription imageJ) {
        if (imageJ == null) {
            return;
        }
        if (imageJ.count("channels") > 1) {
            throw in.error(-1, "ImageJ hyperstack with " + imageJ.count("channels") + " channels; save one channel "
                    + "as its own stack (Image > Color > Split Channels)");
        }
        if (imageJ.count("slices") > 1 && imageJ.count("frames") > 1) {
            throw in.error(-1, "ImageJ hyperstack with " + imageJ.count("slices") + " z-slices and "
                    + imageJ.count("frames") + " time frames; save a single z-slice over time");
        }
    }

    /**
     * Where frame 0's pixels start if the file is an ImageJ stack with all pixel data in one run, else -1. ImageJ
     * trusts {@code images=N} and ignores further directories; we trust it only when the second directory (if there
     * is one) puts frame 1 right after frame 0.
     */
    private static long contiguousStart(TiffInput in, Ifd first, PageFormat format, long images) {
        if (!format.isPlainStrips()) {
            return -1;
        }
        long start = contiguousStripStart(in, first, format, 0);
        if (start < 0) {
            return -1;
        }
        long frameBytes = format.frameBytes();
        long fits = (in.length() - start) / frameBytes;
        if (images > fits || images > Integer.MAX_VALUE) {
            if (first.nextOffset() == 0) {
                throw in.error(-1, "the ImageJ header declares " + images + " images of " + frameBytes
                        + " bytes from offset " + start + " but the file (" + in.length() + " bytes) holds only "
                        + fits + " (truncated?)");
            }
            return -1;
        }
        if (first.nextOffset() == 0) {
            return start; // ImageJ's layout beyond 4 GB: one directory, images=N
        }
        try {
            Ifd second = Ifd.read(in, first.nextOffset(), 1);
            PageFormat f = PageFormat.of(second, in);
            if (f.sameFrameShape(format) && f.isPlainStrips()
                    && contiguousStripStart(in, second, f, 1) == start + frameBytes) {
                return start;
            }
        } catch (LptemException e) {
            // not the layout ImageJ writes; walking the chain reports what is wrong
        }
        return -1;
    }

    /** Start of the page's pixels if its strips follow each other without gaps, else -1. */
    private static long contiguousStripStart(TiffInput in, Ifd ifd, PageFormat format, int frame) {
        return StripLayout.of(in, ifd, format, frame).contiguousStart();
    }

    private static TiffVideo walkChain(TiffInput in, Ifd first, PageFormat format, PixelType type,
            Calibration calibration) {
        long[] chain = new long[16];
        int[] frames = new int[16];
        chain[0] = in.firstIfdOffset();
        int chainLength = 1;
        int frameCount = 1;
        String problem = first.firstOutOfRangeEntry();
        long next = first.nextOffset();
        while (next != 0) {
            if (chainLength >= in.length() / MIN_IFD_BYTES) {
                throw in.error(-1, "the chain of image directories does not end (more than the file can hold)");
            }
            if (next <= chain[chainLength - 1] && contains(chain, chainLength, next)) {
                throw in.error(-1, "the chain of image directories loops back to offset " + next + " after "
                        + frameCount + " pages");
            }
            Ifd ifd = Ifd.read(in, next, frameCount);
            if (chainLength == chain.length) {
                chain = Arrays.copyOf(chain, chainLength * 2);
            }
            chain[chainLength] = next;
            // Thumbnails (reduced-resolution subfiles) are previews, not frames.
            boolean thumbnail = (ifd.longValue(TiffTags.NEW_SUBFILE_TYPE, "NewSubfileType", 0) & 1) != 0;
            if (!thumbnail) {
                PageFormat f = PageFormat.of(ifd, in);
                if (!f.sameFrameShape(format)) {
                    throw in.error(frameCount, "is " + f.describe() + " but frame 0 is " + format.describe()
                            + "; all pages of a video must match");
                }
                if (frameCount == frames.length) {
                    frames = Arrays.copyOf(frames, frameCount * 2);
                }
                frames[frameCount++] = chainLength;
            }
            if (problem == null) {
                problem = ifd.firstOutOfRangeEntry();
            }
            chainLength++;
            next = ifd.nextOffset();
        }
        boolean identity = frameCount == chainLength;
        return new TiffVideo(in, format, type, calibration, frameCount, -1, Arrays.copyOf(chain, chainLength),
                identity ? null : Arrays.copyOf(frames, frameCount), problem);
    }

    private static boolean contains(long[] values, int n, long v) {
        for (int i = 0; i < n; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Frame frame(int index, Frame reuse) {
        checkIndex(index);
        if (contiguousStart >= 0 && isGrey()) {
            return decodeGrey(contiguousStart + index * format.frameBytes(), index, reuse);
        }
        return frame(index);
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        if (contiguousStart >= 0) {
            return decodeRun(contiguousStart + index * format.frameBytes(), index);
        }
        int chainIndex = frameToChain == null ? index : frameToChain[index];
        Ifd ifd = Ifd.read(in, chainOffsets[chainIndex], index);
        PageFormat f = PageFormat.of(ifd, in);
        if (!f.sameFrameShape(format)) {
            throw in.error(index, "is " + f.describe() + " but frame 0 is " + format.describe());
        }
        if (f.isPlainStrips()) {
            StripLayout strips = StripLayout.of(in, ifd, f, index);
            long start = strips.contiguousStart();
            return start >= 0 ? decodeRun(start, index) : decode(strips.read(in, index));
        }
        return delegate(index).read(chainIndex, index, f, type);
    }

    /** Decodes a page whose pixels lie in one run from {@code start}; grey pages straight from the file. */
    private Frame decodeRun(long start, int index) {
        int bytes = (int) format.frameBytes();
        if (isGrey()) {
            return decodeGrey(start, index, null);
        }
        byte[] data = new byte[bytes];
        in.readFully(start, data, 0, bytes, index, "pixel data");
        return decode(data);
    }

    private boolean isGrey() {
        return format.samplesPerPixel() == 1 && !format.isRgb();
    }

    private Frame decodeGrey(long start, int index, Frame reuse) {
        return in.decode(start, (int) format.frameBytes(), in.order(), index, "pixel data",
                b -> SampleCodec.grey(b, format.width(), format.height(), format.bytesPerSample(), type, reuse));
    }

    private Frame decode(byte[] data) {
        return SampleCodec.decode(data, in.order(), format.width(), format.height(), format.samplesPerPixel(),
                format.bytesPerSample(), format.isRgb(), type);
    }

    private TwelveMonkeysPages delegate(int frame) {
        if (directoryProblem != null) {
            throw in.error(frame, "cannot decode this compressed page: a directory of the file is corrupt ("
                    + directoryProblem + ")");
        }
        if (delegate == null) {
            delegate = TwelveMonkeysPages.open(Path.of(in.source()));
        }
        return delegate;
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public int width() {
        return format.width();
    }

    @Override
    public int height() {
        return format.height();
    }

    @Override
    public PixelType pixelType() {
        return type;
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String source() {
        return in.source();
    }

    @Override
    public String format() {
        return "tiff";
    }

    @Override
    public void close() throws IOException {
        try {
            if (delegate != null) {
                delegate.close();
            }
        } finally {
            in.close();
        }
    }
}
