package org.lptem.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;

/**
 * Writes an uncompressed multi-page TIFF in ImageJ's stack layout, one frame at a time.
 *
 * <p>This is our own TIFF code, not TwelveMonkeys: ImageJ reads a stack as {@code images=N} frames stored back to
 * back after the first directory and ignores the others, so the pixel data must be contiguous and the remaining
 * directories go after it, which an ImageIO writer does not do while streaming. Layout: header, first directory,
 * resolution values, a fixed slot for the description (filled in on close, when N is known), the frames, then one
 * directory per further frame for readers that walk the chain (left out beyond 4 GB, as ImageJ does).
 *
 * <p>The file is written under a temporary name beside {@code out} and moved onto it by {@link #close()};
 * {@link #abort()} deletes it instead (call it when the work fails inside try-with-resources, or the partial stack
 * is published on close). Memory use is one frame.
 */
public final class TiffStackWriter implements AutoCloseable {
    /** Room for the ImageJ description; ours needs about 130 bytes. */
    private static final int DESCRIPTION_SLOT = 256;
    private static final int HEADER = 8;
    private static final long CLASSIC_TIFF_LIMIT = 0xFFFFFFFFL;

    private final AtomicOutput output;
    private final FileChannel channel;
    private final int width;
    private final int height;
    private final PixelType type;
    private final Calibration calibration;
    private final long frameBytes;
    private final ByteBuffer frameBuffer;
    private final long resolutionOffset;
    private final long descriptionOffset;
    private final long dataStart;
    private final long offsetLimit;
    private int frames;
    private boolean finished;

    /**
     * Starts writing a stack of {@code width} x {@code height} frames of {@code type}; the calibration's pixel size
     * is stored as ImageJ's {@code unit=nm} with X/YResolution, its frame interval as {@code finterval}.
     */
    public TiffStackWriter(Path out, int width, int height, PixelType type, Calibration calibration) {
        this(out, width, height, type, calibration, CLASSIC_TIFF_LIMIT);
    }

    /** {@code offsetLimit}: the largest offset a directory may have; lowered only by tests of the big-file layout. */
    TiffStackWriter(Path out, int width, int height, PixelType type, Calibration calibration, long offsetLimit) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + " x " + height);
        }
        this.frameBytes = (long) width * height * type.bytesPerPixel();
        if (frameBytes > Integer.MAX_VALUE - 8) {
            throw LptemException.inFile(out, "frames of " + width + " x " + height + " " + type.label()
                    + " are too large for one TIFF strip (2 GB)");
        }
        this.width = width;
        this.height = height;
        this.type = type;
        this.calibration = calibration;
        this.offsetLimit = offsetLimit;
        this.frameBuffer = ByteBuffer.allocate((int) frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        // Only the number of entries matters here; it does not depend on the offsets computed from it.
        long firstIfdEnd = HEADER + directorySize(entries(0, true).size());
        this.resolutionOffset = firstIfdEnd;
        this.descriptionOffset = resolutionOffset + (calibration.hasPixelSize() ? 16 : 0);
        this.dataStart = (descriptionOffset + DESCRIPTION_SLOT + 15) / 16 * 16;
        this.output = AtomicOutput.create(out);
        try {
            this.channel = FileChannel.open(output.temp(), StandardOpenOption.WRITE);
        } catch (IOException e) {
            output.discard();
            throw output.writeError(e);
        }
        try {
            writeHead();
        } catch (IOException e) {
            abort(); // closes the channel before deleting: no one else holds this writer to close it
            throw output.writeError(e);
        }
    }

    /** A writer for 16-bit label images (0 = background, 1..65535 = region labels). */
    public static TiffStackWriter labels(Path out, int width, int height, Calibration cal) {
        return new TiffStackWriter(out, width, height, PixelType.UINT16, cal);
    }

    /** Appends one frame; it must have the size and type given to the constructor. */
    public void write(Frame frame) {
        if (finished) {
            throw new IllegalStateException("the writer for " + output.target() + " is closed");
        }
        if (frame.width() != width || frame.height() != height || frame.type() != type) {
            throw new IllegalArgumentException("frame " + frames + " is " + frame.width() + " x " + frame.height()
                    + " " + frame.type().label() + " but the stack is " + width + " x " + height + " "
                    + type.label());
        }
        SampleCodec.encode(frame, frameBuffer);
        try {
            writeFully(frameBuffer, dataStart + frames * frameBytes);
        } catch (IOException e) {
            abort();
            throw output.writeError(e);
        }
        frames++;
    }

    /** Number of frames written so far. */
    public int frameCount() {
        return frames;
    }

    /**
     * Completes the file and moves it to its name. A stack needs at least one frame; without any the temporary file
     * is deleted and this throws.
     */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        if (frames == 0) {
            abort();
            throw LptemException.inFile(output.target(), "no frames were written");
        }
        try {
            long end = dataStart + frames * frameBytes;
            long trailing = end + (end & 1); // directories start on a word boundary
            int trailingSize = directorySize(entries(0, false).size());
            boolean chain = frames > 1 && trailing + (long) (frames - 1) * trailingSize <= offsetLimit;
            if (chain) {
                writeTrailingDirectories(trailing, trailingSize);
            }
            writeDescription();
            ByteBuffer next = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            next.putInt(0, (int) (chain ? trailing : 0));
            writeFully(next, HEADER + directorySize(entries(0, true).size()) - 4);
            channel.close();
        } catch (IOException e) {
            abort();
            throw output.writeError(e);
        }
        finished = true;
        output.commit();
    }

    /** Stops writing and deletes the temporary file; {@code out} is left untouched. Safe to call more than once. */
    public void abort() {
        finished = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the file is deleted next anyway
        }
        output.discard();
    }

    private record Entry(int tag, int type, long count, long value) {
    }

    /** The directory entries of a page whose pixels start at {@code stripOffset}, sorted by tag as TIFF requires. */
    private List<Entry> entries(long stripOffset, boolean first) {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry(TiffTags.NEW_SUBFILE_TYPE, TiffTags.TYPE_LONG, 1, 0));
        e.add(new Entry(TiffTags.IMAGE_WIDTH, TiffTags.TYPE_LONG, 1, width));
        e.add(new Entry(TiffTags.IMAGE_LENGTH, TiffTags.TYPE_LONG, 1, height));
        e.add(new Entry(TiffTags.BITS_PER_SAMPLE, TiffTags.TYPE_SHORT, 1, type.bits()));
        e.add(new Entry(TiffTags.COMPRESSION, TiffTags.TYPE_SHORT, 1, TiffTags.COMPRESSION_NONE));
        e.add(new Entry(TiffTags.PHOTOMETRIC, TiffTags.TYPE_SHORT, 1, TiffTags.PHOTOMETRIC_MIN_IS_BLACK));
        if (first) {
            // count and offset are rewritten on close, when the number of images is known
            e.add(new Entry(TiffTags.IMAGE_DESCRIPTION, TiffTags.TYPE_ASCII, DESCRIPTION_SLOT, descriptionOffset));
        }
        e.add(new Entry(TiffTags.STRIP_OFFSETS, TiffTags.TYPE_LONG, 1, stripOffset));
        e.add(new Entry(TiffTags.SAMPLES_PER_PIXEL, TiffTags.TYPE_SHORT, 1, 1));
        e.add(new Entry(TiffTags.ROWS_PER_STRIP, TiffTags.TYPE_LONG, 1, height));
        e.add(new Entry(TiffTags.STRIP_BYTE_COUNTS, TiffTags.TYPE_LONG, 1, frameBytes));
        if (calibration.hasPixelSize()) {
            e.add(new Entry(TiffTags.X_RESOLUTION, TiffTags.TYPE_RATIONAL, 1, resolutionOffset));
            e.add(new Entry(TiffTags.Y_RESOLUTION, TiffTags.TYPE_RATIONAL, 1, resolutionOffset + 8));
            e.add(new Entry(TiffTags.RESOLUTION_UNIT, TiffTags.TYPE_SHORT, 1, 1)); // none: the unit is in the text
        }
        e.add(new Entry(TiffTags.SAMPLE_FORMAT, TiffTags.TYPE_SHORT, 1, SampleCodec.sampleFormat(type)));
        return e;
    }

    private static int directorySize(int entries) {
        return 2 + 12 * entries + 4;
    }

    private static void putDirectory(ByteBuffer buf, List<Entry> entries, long next) {
        buf.putShort((short) entries.size());
        for (Entry e : entries) {
            buf.putShort((short) e.tag()).putShort((short) e.type()).putInt((int) e.count());
            if (e.type() == TiffTags.TYPE_SHORT) {
                buf.putShort((short) e.value()).putShort((short) 0);
            } else {
                buf.putInt((int) e.value());
            }
        }
        buf.putInt((int) next);
    }

    private void writeHead() throws IOException {
        List<Entry> first = entries(dataStart, true);
        ByteBuffer head = ByteBuffer.allocate((int) dataStart).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(HEADER);
        putDirectory(head, first, 0);
        if (calibration.hasPixelSize()) {
            // XResolution is pixels per unit (nm); nm/px = denominator / numerator reads back exactly.
            Rational pixelsPerNm = Rational.approximate(calibration.nmPerPixel().getAsDouble()).inverse();
            for (int i = 0; i < 2; i++) {
                head.putInt((int) pixelsPerNm.numerator()).putInt((int) pixelsPerNm.denominator());
            }
        }
        head.clear();
        writeFully(head, 0);
    }

    private void writeTrailingDirectories(long start, int size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size * Math.min(frames - 1, 1024)).order(ByteOrder.LITTLE_ENDIAN);
        long position = start;
        for (int i = 1; i < frames; i++) {
            long offset = start + (long) (i - 1) * size;
            long next = i == frames - 1 ? 0 : offset + size;
            putDirectory(buf, entries(dataStart + i * frameBytes, false), next);
            if (!buf.hasRemaining() || i == frames - 1) {
                buf.flip();
                int n = buf.remaining();
                writeFully(buf, position);
                position += n;
                buf.clear();
            }
        }
    }

    private void writeDescription() throws IOException {
        StringBuilder d = new StringBuilder("ImageJ=1.54f\nimages=").append(frames).append('\n');
        if (frames > 1) {
            d.append("frames=").append(frames).append("\nhyperstack=true\n");
        }
        if (calibration.hasPixelSize()) {
            d.append("unit=nm\n");
        }
        if (calibration.hasFrameInterval()) {
            d.append("finterval=").append(calibration.secondsPerFrame().getAsDouble()).append('\n');
        }
        d.append("loop=false\n");
        byte[] text = d.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer slot = ByteBuffer.allocate(text.length + 1).put(text).put((byte) 0).flip();
        writeFully(slot, descriptionOffset);
        // patch the count of the ImageDescription entry to the real length (including the NUL)
        int index = 0;
        for (Entry e : entries(dataStart, true)) {
            if (e.tag() == TiffTags.IMAGE_DESCRIPTION) {
                break;
            }
            index++;
        }
        ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, text.length + 1);
        writeFully(count, HEADER + 2 + 12L * index + 4);
    }

    private void writeFully(ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
    }
}
