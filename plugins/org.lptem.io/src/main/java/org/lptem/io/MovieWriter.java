package org.lptem.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.lptem.core.LptemException;

/**
 * Writes a movie for talks and papers (frames with masks and tracks drawn by the caller): MP4 with H.264 (jcodec,
 * plays in browsers, PowerPoint and Keynote) or AVI with Motion JPEG (plays in ImageJ/Fiji and VLC, and every frame
 * stands alone, so frames can be stepped through exactly). Frames are RGB images of one size, written one at a time;
 * memory use is one frame. Like every file this bundle writes, the movie is written under a temporary name and
 * appears under its own only when {@link #close()} completes; {@link #abort()} discards it.
 */
public final class MovieWriter implements AutoCloseable {
    /** Container and codec. */
    public enum Kind {
        /** MP4 with H.264, 4:2:0 colour; odd sizes are padded by one pixel to even. */
        MP4,
        /** AVI with Motion JPEG frames. */
        AVI
    }

    private final AtomicOutput output;
    private final Kind kind;
    private final int width;
    private final int height;
    private final PlaybackRate rate;
    private SequenceEncoder encoder;
    private RandomAccessChannel mp4Channel;
    private AviMjpegSink avi;
    private int frames;
    private boolean finished;

    /**
     * Starts a movie of {@code width x height} frames shown at {@code framesPerSecond}.
     *
     * @throws LptemException if the file cannot be created, or the frame interval is longer than a movie file can
     *     store (about 24.8 days)
     */
    public MovieWriter(Path out, Kind kind, int width, int height, double framesPerSecond) {
        if (width < 1 || height < 1 || !(framesPerSecond > 0 && framesPerSecond <= 1000)) {
            throw new IllegalArgumentException("a movie needs a positive size and 0 < fps <= 1000, got " + width + " x "
                    + height + " at " + framesPerSecond);
        }
        try {
            this.rate = PlaybackRate.of(framesPerSecond);
        } catch (IllegalArgumentException e) {
            throw LptemException.inFile(out, "cannot store the frame rate: " + e.getMessage()
                    + ", the longest a movie file can hold");
        }
        this.kind = kind;
        this.width = width;
        this.height = height;
        this.output = AtomicOutput.create(out);
        try {
            if (kind == Kind.MP4) {
                mp4Channel = new RandomAccessChannel(new RandomAccessFile(output.temp().toFile(), "rw"));
                // jcodec takes the rational as timescale (frames) and per-frame duration (seconds)
                encoder = new SequenceEncoder(mp4Channel, Rational.R(rate.frames(), rate.seconds()), Format.MOV,
                        Codec.H264, null);
            } else {
                avi = new AviMjpegSink(output.temp(), width, height, rate);
            }
        } catch (IOException | RuntimeException e) {
            abort();
            throw e instanceof IOException io ? output.writeError(io)
                    : LptemException.inFile(out, "cannot start the movie: " + e, e);
        }
    }

    /** Appends one frame; it must have the movie's size. */
    public void write(BufferedImage frame) {
        if (finished) {
            throw new IllegalStateException("the writer for " + output.target() + " is closed");
        }
        if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new IllegalArgumentException("frame " + frames + " is " + frame.getWidth() + " x "
                    + frame.getHeight() + " but the movie is " + width + " x " + height);
        }
        if (kind == Kind.MP4 && (long) (frames + 1) * rate.seconds() > Integer.MAX_VALUE) {
            // jcodec counts each frame's time stamp in an int, in units of 1 / timescale; past that it wraps
            abort();
            throw LptemException.inFile(output.target(), "an MP4 movie at this frame rate holds at most " + frames
                    + " frames (its time stamps would overflow); write AVI instead");
        }
        try {
            if (kind == Kind.MP4) {
                encoder.encodeNativeFrame(picture(frame));
            } else {
                avi.add(jpeg(frame));
            }
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

    /** Completes the movie and moves it to its name; a movie needs at least one frame. */
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
            if (kind == Kind.MP4) {
                encoder.finish();
                mp4Channel.close();
            } else {
                avi.finish();
            }
        } catch (IOException e) {
            abort();
            throw output.writeError(e);
        }
        finished = true;
        output.commit();
    }

    /** Stops writing and deletes the temporary file; the target is left untouched. Safe to call more than once. */
    public void abort() {
        finished = true;
        BinaryInput.closeQuietly(mp4Channel);
        BinaryInput.closeQuietly(avi);
        output.discard();
    }

    /** jcodec's RGB picture (samples offset by -128), padded to even sizes by repeating the last row and column. */
    private Picture picture(BufferedImage frame) {
        int w = (width + 1) & ~1;
        int h = (height + 1) & ~1;
        Picture p = Picture.create(w, h, ColorSpace.RGB);
        byte[] rgb = p.getPlaneData(0);
        int[] row = new int[width];
        for (int y = 0; y < h; y++) {
            frame.getRGB(0, Math.min(y, height - 1), width, 1, row, 0, width);
            for (int x = 0; x < w; x++) {
                int c = row[Math.min(x, width - 1)];
                int o = 3 * (y * w + x);
                rgb[o] = (byte) (((c >> 16) & 0xFF) - 128);
                rgb[o + 1] = (byte) (((c >> 8) & 0xFF) - 128);
                rgb[o + 2] = (byte) ((c & 0xFF) - 128);
            }
        }
        return p;
    }

    private static byte[] jpeg(BufferedImage frame) throws IOException {
        BufferedImage rgb = frame;
        if (frame.getType() != BufferedImage.TYPE_INT_RGB && frame.getType() != BufferedImage.TYPE_3BYTE_BGR
                && frame.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(frame, 0, 0, null); // JPEG has no alpha
        }
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(s);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.92f); // lines and labels stay sharp
            w.write(null, new IIOImage(rgb, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A RIFF AVI with one Motion JPEG video stream: headers with room for the frame count (patched at the end), the
     * movi list written as frames come, then the idx1 index.
     */
    private static final class AviMjpegSink implements AutoCloseable {
        private static final int HEADER = 224;
        private final RandomAccessFile file;
        private final int width;
        private final int height;
        private final PlaybackRate rate;
        private final ByteArrayOutputStream index = new ByteArrayOutputStream();
        private long moviSize = 4;
        private int count;
        private int largest;

        AviMjpegSink(Path temp, int width, int height, PlaybackRate rate) throws IOException {
            this.file = new RandomAccessFile(temp.toFile(), "rw");
            this.width = width;
            this.height = height;
            this.rate = rate;
            try {
                file.write(new byte[HEADER]); // filled in by finish()
                file.write(ascii("LIST"));
                file.write(new byte[4]);
                file.write(ascii("movi"));
            } catch (IOException e) {
                file.close(); // the writer never gets this sink, so its abort() cannot close the file
                throw e;
            }
        }

        void add(byte[] jpeg) throws IOException {
            long offset = moviSize; // from the "movi" fourcc, as idx1 counts
            file.write(ascii("00dc"));
            file.write(le(4).putInt(jpeg.length).array());
            file.write(jpeg);
            if ((jpeg.length & 1) != 0) {
                file.write(0);
            }
            moviSize += 8 + jpeg.length + (jpeg.length & 1);
            index.write(ascii("00dc"));
            index.write(le(12).putInt(0x10).putInt((int) offset).putInt(jpeg.length).array());
            count++;
            largest = Math.max(largest, jpeg.length);
        }

        void finish() throws IOException {
            byte[] idx = index.toByteArray();
            file.write(ascii("idx1"));
            file.write(le(4).putInt(idx.length).array());
            file.write(idx);
            long end = file.getFilePointer();
            if (end > 0xFFFFFFFFL) {
                throw new IOException("the movie exceeds 4 GB, the limit of a plain AVI file; write MP4 instead");
            }
            file.seek(HEADER + 4);
            file.write(le(4).putInt((int) moviSize).array());
            file.seek(0);
            file.write(header(end));
            file.close();
        }

        private byte[] header(long end) {
            ByteBuffer b = le(HEADER);
            b.put(ascii("RIFF")).putInt((int) (end - 8)).put(ascii("AVI "));
            b.put(ascii("LIST")).putInt(4 + 64 + 8 + 116).put(ascii("hdrl")); // hdrl: avih, then the strl list
            b.put(ascii("avih")).putInt(56).putInt((int) rate.microsecondsPerFrame()).putInt(0).putInt(0).putInt(0x10)
                    .putInt(count).putInt(0).putInt(1).putInt(largest).putInt(width).putInt(height)
                    .putInt(0).putInt(0).putInt(0).putInt(0);
            b.put(ascii("LIST")).putInt(116).put(ascii("strl")); // strl: strh (8 + 56), strf (8 + 40)
            b.put(ascii("strh")).putInt(56).put(ascii("vids")).put(ascii("MJPG")).putInt(0).putInt(0).putInt(0)
                    .putInt(rate.seconds()).putInt(rate.frames()).putInt(0).putInt(count).putInt(largest).putInt(-1)
                    .putInt(0).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height);
            b.put(ascii("strf")).putInt(40).putInt(40).putInt(width).putInt(height).putShort((short) 1)
                    .putShort((short) 24).put(ascii("MJPG")).putInt(width * height * 3).putInt(0).putInt(0)
                    .putInt(0).putInt(0);
            b.put(ascii("JUNK")).putInt(HEADER - b.position() - 4);
            return b.array();
        }

        private static ByteBuffer le(int n) {
            return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        }

        private static byte[] ascii(String s) {
            return s.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
