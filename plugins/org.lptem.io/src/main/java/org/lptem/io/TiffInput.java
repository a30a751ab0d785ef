package org.lptem.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.lptem.core.LptemException;

/**
 * Positional, bounds-checked reads from an open TIFF file. Every read is checked against the file length before a
 * buffer is allocated, so a corrupt offset or count becomes a message instead of an exception deep in a decoder or
 * an OutOfMemoryError.
 *
 * <p>A {@link RandomAccessFile} rather than a FileChannel: an interrupted thread (a cancelled KNIME node) closes a
 * channel for good, which would break the video for the next caller.
 */
final class TiffInput implements AutoCloseable {
    private final RandomAccessFile file;
    private final String source;
    private final long length;
    private final ByteOrder order;
    private final boolean bigTiff;
    private final long firstIfdOffset;

    private TiffInput(RandomAccessFile file, String source, long length, ByteOrder order, boolean bigTiff,
            long firstIfdOffset) {
        this.file = file;
        this.source = source;
        this.length = length;
        this.order = order;
        this.bigTiff = bigTiff;
        this.firstIfdOffset = firstIfdOffset;
    }

    /** Opens {@code path} and reads the TIFF header; the caller has already seen the magic bytes. */
    static TiffInput open(Path path) {
        String source = path.toString();
        RandomAccessFile file = null;
        try {
            file = new RandomAccessFile(path.toFile(), "r");
            long length = file.length();
            ByteBuffer header = readAt(file, 0, (int) Math.min(16, length), ByteOrder.BIG_ENDIAN);
            if (length < 8) {
                throw new LptemException(source, -1, "truncated TIFF header (" + length + " bytes)", null);
            }
            ByteOrder order = header.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            header.order(order);
            int version = header.getShort(2) & 0xFFFF;
            TiffInput in;
            if (version == 42) {
                in = new TiffInput(file, source, length, order, false, header.getInt(4) & 0xFFFFFFFFL);
            } else if (version == 43) {
                if (length < 16 || header.getShort(4) != 8 || header.getShort(6) != 0) {
                    throw new LptemException(source, -1, "BigTIFF header is truncated or invalid", null);
                }
                in = new TiffInput(file, source, length, order, true, header.getLong(8));
            } else {
                throw new LptemException(source, -1, "TIFF version " + version + " is not 42 (TIFF) or 43 (BigTIFF)",
                        null);
            }
            return in;
        } catch (IOException e) {
            closeQuietly(file);
            throw new LptemException(source, -1, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(file);
            throw e;
        }
    }

    private static void closeQuietly(RandomAccessFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the original error matters more
            }
        }
    }

    String source() {
        return source;
    }

    long length() {
        return length;
    }

    ByteOrder order() {
        return order;
    }

    boolean isBigTiff() {
        return bigTiff;
    }

    long firstIfdOffset() {
        return firstIfdOffset;
    }

    /** An error about this file, and about frame {@code frame} when it is >= 0. */
    LptemException error(int frame, String message) {
        return new LptemException(source, frame, message, null);
    }

    /** Checks that {@code [offset, offset + count)} lies inside the file. */
    void checkRange(long offset, long count, int frame, String what) {
        if (offset < 0 || count < 0 || offset > length || count > length - offset) {
            throw error(frame, what + " at offset " + Long.toUnsignedString(offset) + " (" + count
                    + " bytes) lies beyond the end of the file (" + length + " bytes; truncated or corrupt?)");
        }
    }

    /** Reads {@code count} bytes at {@code offset} into a buffer in the file's byte order. */
    ByteBuffer read(long offset, int count, int frame, String what) {
        checkRange(offset, count, frame, what);
        try {
            return readAt(file, offset, count, order);
        } catch (EOFException e) {
            throw error(frame, what + " ends early: the file is shorter than it was when opened");
        } catch (IOException e) {
            throw new LptemException(source, frame, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code count} bytes at {@code offset} into {@code dst} starting at {@code dstPos}. */
    void readFully(long offset, byte[] dst, int dstPos, int count, int frame, String what) {
        checkRange(offset, count, frame, what);
        try {
            file.seek(offset);
            file.readFully(dst, dstPos, count);
        } catch (EOFException e) {
            throw error(frame, what + " ends early: the file is shorter than it was when opened");
        } catch (IOException e) {
            throw new LptemException(source, frame, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer readAt(RandomAccessFile file, long offset, int count, ByteOrder order)
            throws IOException {
        byte[] bytes = new byte[count];
        file.seek(offset);
        file.readFully(bytes);
        return ByteBuffer.wrap(bytes).order(order);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
