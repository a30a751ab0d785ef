package org.lptem.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;

/**
 * jcodec's channel over a {@link RandomAccessFile} (read-only or read-write as the file was opened). jcodec's own file
 * channel is a FileChannel, which an interrupted thread (a cancelled KNIME node) closes for good.
 */
final class RandomAccessChannel implements org.jcodec.common.io.SeekableByteChannel {
    private final RandomAccessFile file;

    RandomAccessChannel(RandomAccessFile file) {
        this.file = file;
    }

    @Override
    public long position() throws IOException {
        return file.getFilePointer();
    }

    @Override
    public RandomAccessChannel setPosition(long newPosition) throws IOException {
        file.seek(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.length();
    }

    @Override
    public RandomAccessChannel truncate(long size) throws IOException {
        file.setLength(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = dst.remaining();
        if (n == 0) {
            return 0;
        }
        if (dst.hasArray()) {
            int r = file.read(dst.array(), dst.arrayOffset() + dst.position(), n);
            if (r > 0) {
                dst.position(dst.position() + r);
            }
            return r;
        }
        byte[] tmp = new byte[Math.min(n, 1 << 16)];
        int r = file.read(tmp);
        if (r > 0) {
            dst.put(tmp, 0, r);
        }
        return r;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (src.hasArray()) {
            file.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.limit());
        } else {
            byte[] tmp = new byte[n];
            src.get(tmp);
            file.write(tmp);
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return file.getChannel().isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
