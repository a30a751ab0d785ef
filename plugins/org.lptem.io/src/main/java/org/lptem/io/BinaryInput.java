package org.lptem.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.Function;

import org.lptem.core.LptemException;

/**
 * Positional, bounds-checked reads from an open binary file, shared by every parser of this bundle. Every read is
 * checked against the file length before a buffer is allocated, so a corrupt offset or count becomes a message naming
 * the file instead of an exception deep in a decoder or an OutOfMemoryError.
 *
 * <p>A {@link RandomAccessFile} rather than a FileChannel: an interrupted thread (a cancelled KNIME node) closes a
 * channel for good, which would break the video for the next caller. Only {@link #decode} uses the file's channel, to
 * map large pixel blocks, and it reopens the file if an interrupt closed it.
 */
class BinaryInput implements AutoCloseable {
    /**
     * Pixel blocks at least this large are mapped rather than read: the samples are then copied once, from the page
     * cache into the frame, instead of into a buffer first (a frame read from cache goes about half again as fast).
     */
    private static final int MAP_THRESHOLD = 256 * 1024;

    private final Path path;
    private RandomAccessFile file;
    private final String source;
    private final long length;
    private final ByteOrder order;
    /** Buffer for pixel blocks read without mapping, reused (inputs are used by one thread at a time). */
    private byte[] scratch;
    /** Bytes taken from the file so far, mapped or read: lets tests check that a reader takes only what it needs. */
    private long bytesRead;

    BinaryInput(RandomAccessFile file, Path path, long length, ByteOrder order) {
        this.file = file;
        this.path = path;
        this.source = path.toString();
        this.length = length;
        this.order = order;
    }

    /** Opens {@code path} for reading; {@code order} is the byte order of the buffers {@link #read} returns. */
    static BinaryInput open(Path path, ByteOrder order) {
        RandomAccessFile file = openFile(path);
        try {
            return new BinaryInput(file, path, file.length(), order);
        } catch (IOException e) {
            closeQuietly(file);
            throw LptemException.inFile(path, "cannot read: " + e.getMessage(), e);
        }
    }

    static RandomAccessFile openFile(Path path) {
        try {
            return new RandomAccessFile(path.toFile(), "r");
        } catch (IOException e) {
            throw LptemException.inFile(path, "cannot read: " + e.getMessage(), e);
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
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

    /** An error about this file, and about frame {@code frame} when it is >= 0. */
    LptemException error(int frame, String message) {
        return new LptemException(source, frame, message, null);
    }

    long bytesRead() {
        return bytesRead;
    }

    /** Checks that {@code [offset, offset + count)} lies inside the file. */
    void checkRange(long offset, long count, int frame, String what) {
        if (offset < 0 || count < 0 || offset > length || count > length - offset) {
            throw error(frame, what + " at offset " + Long.toUnsignedString(offset) + " (" + count
                    + " bytes) lies beyond the end of the file (" + length + " bytes; truncated or corrupt?)");
        }
    }

    /** Reads {@code count} bytes at {@code offset} into a buffer in this input's byte order. */
    ByteBuffer read(long offset, int count, int frame, String what) {
        checkRange(offset, count, frame, what);
        bytesRead += count;
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
        bytesRead += count;
        try {
            file.seek(offset);
            file.readFully(dst, dstPos, count);
        } catch (EOFException e) {
            throw error(frame, what + " ends early: the file is shorter than it was when opened");
        } catch (IOException e) {
            throw new LptemException(source, frame, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code count} bytes at {@code offset} and lets {@code decode} turn them into a result; the buffer it gets
     * (in byte order {@code order}, from position 0) is valid only during the call. Large blocks are memory-mapped
     * and unmapped right after; otherwise the bytes go through a reused buffer.
     */
    <T> T decode(long offset, int count, ByteOrder order, int frame, String what, Function<ByteBuffer, T> decode) {
        checkRange(offset, count, frame, what);
        if (count >= MAP_THRESHOLD && Unmapper.available() && !Thread.currentThread().isInterrupted()) {
            MappedByteBuffer mapped = map(offset, count);
            if (mapped != null) {
                bytesRead += count;
                try {
                    return decode.apply(mapped.order(order));
                } catch (InternalError e) {
                    // the JVM's report of a fault while reading mapped memory: the file shrank
                    throw error(frame, what + " ends early: the file is shorter than it was when opened");
                } finally {
                    Unmapper.unmap(mapped);
                }
            }
        }
        if (scratch == null || scratch.length < count) {
            scratch = new byte[count];
        }
        readFully(offset, scratch, 0, count, frame, what);
        return decode.apply(ByteBuffer.wrap(scratch, 0, count).slice().order(order));
    }

    /** The mapped block, or null to read instead (mapping failed, or an interrupt closed the file). */
    private MappedByteBuffer map(long offset, int count) {
        try {
            return file.getChannel().map(FileChannel.MapMode.READ_ONLY, offset, count);
        } catch (ClosedChannelException e) {
            reopen(); // an interrupt closed the file under us; plain reads do not mind interrupts
            return null;
        } catch (IOException | RuntimeException e) {
            return null; // e.g. out of address space: reading works without a mapping
        }
    }

    private void reopen() {
        closeQuietly(file);
        file = openFile(path);
    }

    static ByteBuffer readAt(RandomAccessFile file, long offset, int count, ByteOrder order) throws IOException {
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
