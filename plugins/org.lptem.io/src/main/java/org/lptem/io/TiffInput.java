package org.lptem.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.lptem.core.LptemException;

/**
 * A TIFF or BigTIFF file: the bounded reads of {@link BinaryInput} in the byte order of the header, plus what the
 * header says (classic or BigTIFF, where the first directory is).
 */
final class TiffInput extends BinaryInput {
    private final boolean bigTiff;
    private final long firstIfdOffset;

    private TiffInput(RandomAccessFile file, Path path, long length, ByteOrder order, boolean bigTiff,
            long firstIfdOffset) {
        super(file, path, length, order);
        this.bigTiff = bigTiff;
        this.firstIfdOffset = firstIfdOffset;
    }

    /** Opens {@code path} and reads the TIFF header; the caller has already seen the magic bytes. */
    static TiffInput open(Path path) {
        String source = path.toString();
        RandomAccessFile file = openFile(path);
        try {
            long length = file.length();
            ByteBuffer header = readAt(file, 0, (int) Math.min(16, length), ByteOrder.BIG_ENDIAN);
            if (length < 8) {
                throw new LptemException(source, -1, "truncated TIFF header (" + length + " bytes)", null);
            }
            ByteOrder order = header.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            header.order(order);
            int version = header.getShort(2) & 0xFFFF;
            if (version == 42) {
                return new TiffInput(file, path, length, order, false, header.getInt(4) & 0xFFFFFFFFL);
            }
            if (version == 43) {
                if (length < 16 || header.getShort(4) != 8 || header.getShort(6) != 0) {
                    throw new LptemException(source, -1, "BigTIFF header is truncated or invalid", null);
                }
                return new TiffInput(file, path, length, order, true, header.getLong(8));
            }
            throw new LptemException(source, -1, "TIFF version " + version + " is not 42 (TIFF) or 43 (BigTIFF)",
                    null);
        } catch (IOException e) {
            closeQuietly(file);
            throw new LptemException(source, -1, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(file);
            throw e;
        }
    }

    boolean isBigTiff() {
        return bigTiff;
    }

    long firstIfdOffset() {
        return firstIfdOffset;
    }
}
