package org.lptem.io;

import java.io.IOException;
import java.nio.ByteOrder;

import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * A video whose frames are uncompressed planes in one file: back to back after a header (DM, MRC) or where the
 * format's index says (SER). Opening keeps only how to find frame i; each frame is one positional read.
 */
final class PlaneVideo implements Video {
    /** Java arrays hold at most this many elements; a frame must fit in one. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Where frame i's samples start; may read and check a per-frame header, and throws naming the frame. */
    interface Locator {
        long offset(int frame);
    }

    private final BinaryInput in;
    private final String format;
    private final int frameCount;
    private final int width;
    private final int height;
    private final StoredSample sample;
    private final ByteOrder order;
    private final Locator locator;
    private final boolean bottomUp;
    private final Calibration calibration;
    private final int frameBytes;
    /** Buffer for rows stored last-first, reused between frames. */
    private byte[] scratch;

    private PlaneVideo(BinaryInput in, String format, int frameCount, int width, int height, StoredSample sample,
            ByteOrder order, Locator locator, boolean bottomUp, Calibration calibration) {
        this.in = in;
        this.format = format;
        this.frameCount = frameCount;
        this.width = width;
        this.height = height;
        this.sample = sample;
        this.order = order;
        this.locator = locator;
        this.bottomUp = bottomUp;
        this.calibration = calibration;
        this.frameBytes = (int) frameBytes(width, height, sample);
    }

    /**
     * Frames stored back to back from {@code start}. Checks the declared size against the file before anything is
     * allocated; {@code what} names the format's header in messages.
     */
    static PlaneVideo contiguous(BinaryInput in, String format, long start, long frames, long width, long height,
            StoredSample sample, ByteOrder order, Calibration calibration, String what) {
        checkShape(in, width, height, sample, what);
        long bytes = frameBytes(width, height, sample);
        if (frames < 1) {
            throw in.error(-1, what + " declares " + frames + " frames");
        }
        long fits = start < 0 || start > in.length() ? 0 : (in.length() - start) / bytes;
        if (frames > fits) {
            throw in.error(-1, what + " declares " + frames + " frames of " + width + " x " + height + " "
                    + sample.label() + " (" + bytes + " bytes each) from offset " + start + " but the file ("
                    + in.length() + " bytes) holds only " + fits + " (truncated or corrupt dimensions?)");
        }
        if (frames > Integer.MAX_VALUE) {
            throw in.error(-1, what + " declares " + frames + " frames, more than a video can hold (2^31)");
        }
        return new PlaneVideo(in, format, (int) frames, (int) width, (int) height, sample, order,
                i -> start + i * bytes, false, calibration);
    }

    /** Frames found by {@code locator}, e.g. through an offset table; rows stored last-first if {@code bottomUp}. */
    static PlaneVideo located(BinaryInput in, String format, int frames, long width, long height, StoredSample sample,
            ByteOrder order, Locator locator, boolean bottomUp, Calibration calibration, String what) {
        checkShape(in, width, height, sample, what);
        return new PlaneVideo(in, format, frames, (int) width, (int) height, sample, order, locator, bottomUp,
                calibration);
    }

    /** Rejects sizes that cannot be a frame, before any allocation: the message names the header at fault. */
    static void checkShape(BinaryInput in, long width, long height, StoredSample sample, String what) {
        if (width < 1 || height < 1) {
            throw in.error(-1, what + " declares an image of " + width + " x " + height + " pixels");
        }
        long bytes = frameBytes(width, height, sample);
        if (bytes > in.length()) {
            throw in.error(-1, what + " declares " + width + " x " + height + " pixels of " + sample.label() + " ("
                    + bytes + " bytes) but the file has only " + in.length() + " bytes (corrupt dimensions or "
                    + "truncated file)");
        }
        if (width > MAX_ARRAY || height > MAX_ARRAY || width * height > MAX_ARRAY || bytes > MAX_ARRAY) {
            throw in.error(-1, what + " declares " + width + " x " + height + " pixels of " + sample.label()
                    + ", more than one frame can hold (2^31)");
        }
    }

    private static long frameBytes(long width, long height, StoredSample sample) {
        try {
            return Math.multiplyExact(Math.multiplyExact(width, height), sample.bytes());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // only corrupt headers get here, and every size check rejects it
        }
    }

    @Override
    public Frame frame(int index) {
        return frame(index, null);
    }

    @Override
    public Frame frame(int index, Frame reuse) {
        checkIndex(index);
        long offset = locator.offset(index);
        if (!bottomUp) {
            return in.decode(offset, frameBytes, order, index, "pixel data",
                    b -> sample.decode(b, width, height, reuse));
        }
        if (scratch == null) {
            scratch = new byte[frameBytes];
        }
        in.readFully(offset, scratch, 0, frameBytes, index, "pixel data");
        flipRows(scratch, width * sample.bytes(), height);
        return sample.decode(scratch, order, width, height);
    }

    private static void flipRows(byte[] data, int rowBytes, int height) {
        byte[] row = new byte[rowBytes];
        for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
            System.arraycopy(data, top * rowBytes, row, 0, rowBytes);
            System.arraycopy(data, bottom * rowBytes, data, top * rowBytes, rowBytes);
            System.arraycopy(row, 0, data, bottom * rowBytes, rowBytes);
        }
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public PixelType pixelType() {
        return sample.frameType();
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
        return format;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
