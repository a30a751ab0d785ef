package org.lptem.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.jpeg.JPEGHuffmanTable;
import javax.imageio.stream.ImageInputStream;

import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * AVI exports (RIFF, OpenDML continuation included) with uncompressed frames (8-bit palette or grey, 24 and 32-bit
 * BGR) or Motion JPEG. Opening walks the chunk headers once and keeps where each video frame lies; frames are read
 * and decoded on demand. Colour becomes luminance. The playback rate in the header is how fast the export plays, not
 * how fast the camera took frames, so no frame interval is read from it.
 */
final class AviFile extends EightBitMovie {
    private static final int BI_RGB = 0;
    /** Chunk headers are 8 bytes apart from the frames they announce; read only them while scanning. */
    private static final int SCAN_WINDOW = 256;
    private static final int MAX_DEPTH = 8;

    private final BinaryInput in;
    private final boolean bottomUp;
    private final int bitCount;
    private final int compression;
    private final int[] greyOfIndex;
    private final long[] offsets;
    private final int[] sizes;

    private AviFile(BinaryInput in, Header h, long[] offsets, int[] sizes, int frameCount) {
        super(h.width, Math.abs(h.height), frameCount, "avi");
        this.in = in;
        this.bottomUp = h.height > 0;
        this.bitCount = h.bitCount;
        this.compression = h.compression;
        this.greyOfIndex = h.greyOfIndex;
        this.offsets = offsets;
        this.sizes = sizes;
    }

    /** What the stream headers say about the video stream. */
    private static final class Header {
        int streams;
        int videoStream = -1;
        int width;
        int height;
        int bitCount;
        int compression = -1;
        int[] greyOfIndex;
    }

    static Video open(Path path) {
        BinaryInput in = BinaryInput.open(path, ByteOrder.LITTLE_ENDIAN);
        try {
            return scan(in);
        } catch (RuntimeException e) {
            BinaryInput.closeQuietly(in);
            throw e;
        }
    }

    private static AviFile scan(BinaryInput in) {
        ByteWindow w = new ByteWindow(in, SCAN_WINDOW);
        Header h = new Header();
        Index index = new Index(in);
        long pos = 0;
        while (pos + 12 <= in.length()) {
            String id = fourcc(w, pos);
            long size = u32(w, pos + 4);
            String form = fourcc(w, pos + 8);
            if (!id.equals("RIFF") || !(form.equals("AVI ") || form.equals("AVIX"))) {
                if (pos == 0) {
                    throw in.error(-1, "not an AVI file (starts with " + id + " " + form + ")");
                }
                break; // trailing bytes after the last RIFF: ignored, as players do
            }
            long end = Math.min(in.length(), pos + 8 + size);
            walk(in, w, pos + 12, end, h, index, 0);
            pos = pos + 8 + size + (size & 1);
        }
        if (h.videoStream < 0 || h.compression < 0) {
            throw in.error(-1, "the AVI file has no video stream header");
        }
        if (index.count == 0) {
            throw in.error(-1, "the AVI file holds no video frames");
        }
        check(in, h);
        return new AviFile(in, h, index.offsets, index.sizes, index.count);
    }

    /** The offsets and sizes of the video frames, in file order. */
    private static final class Index {
        private final BinaryInput in;
        long[] offsets = new long[64];
        int[] sizes = new int[64];
        int count;

        Index(BinaryInput in) {
            this.in = in;
        }

        void add(long offset, long size) {
            if (count == offsets.length) {
                offsets = Arrays.copyOf(offsets, count * 2);
                sizes = Arrays.copyOf(sizes, count * 2);
            }
            if (size == 0 && count > 0) {
                // a dropped frame: players repeat the previous one
                offsets[count] = offsets[count - 1];
                sizes[count] = sizes[count - 1];
            } else {
                if (size > PlaneVideo.MAX_ARRAY) {
                    throw in.error(count, "an AVI frame of " + size + " bytes is larger than a frame can be");
                }
                offsets[count] = offset;
                sizes[count] = (int) size;
            }
            count++;
        }
    }

    /** Walks the chunks in [pos, end): headers in hdrl, frames in movi (and rec lists inside it). */
    private static void walk(BinaryInput in, ByteWindow w, long pos, long end, Header h, Index index, int depth) {
        if (depth > MAX_DEPTH) {
            throw in.error(-1, "AVI lists nest more than " + MAX_DEPTH + " deep (corrupt file?)");
        }
        while (pos + 8 <= end) {
            String id = fourcc(w, pos);
            long size = u32(w, pos + 4);
            long data = pos + 8;
            if (size > end - data) {
                if (index.count > 0 && id.matches("\\d\\d(dc|db)")) {
                    break; // a recording cut short: keep the frames before the last, incomplete one
                }
                throw in.error(-1, "AVI chunk " + id + " at offset " + pos + " declares " + size + " bytes, beyond "
                        + "the end of its list (truncated or corrupt?)");
            }
            if (id.equals("LIST") && size >= 4) {
                String type = fourcc(w, data);
                if (type.equals("hdrl") || type.equals("strl") || type.equals("movi") || type.equals("rec ")) {
                    walk(in, w, data + 4, data + size, h, index, depth + 1);
                }
            } else if (id.equals("strh") && size >= 4) {
                if (fourcc(w, data).equals("vids") && h.videoStream < 0) {
                    h.videoStream = h.streams;
                }
                h.streams++;
            } else if (id.equals("strf") && h.videoStream == h.streams - 1 && h.compression < 0) {
                bitmapHeader(in, data, size, h);
            } else if (h.videoStream >= 0 && id.length() == 4 && (id.endsWith("dc") || id.endsWith("db"))
                    && id.startsWith(String.format(java.util.Locale.ROOT, "%02d", h.videoStream))) {
                index.add(data, size);
            }
            pos = data + size + (size & 1);
        }
    }

    /** BITMAPINFOHEADER: size, width, height (negative: top row first), planes, bit count, compression, ... */
    private static void bitmapHeader(BinaryInput in, long pos, long size, Header h) {
        if (size < 40) {
            throw in.error(-1, "the AVI video format header is " + size + " bytes (at least 40 expected)");
        }
        ByteBuffer b = in.read(pos, (int) Math.min(size, 40 + 256 * 4), -1, "AVI video format header");
        h.width = b.getInt(4);
        h.height = b.getInt(8);
        h.bitCount = b.getShort(14) & 0xFFFF;
        h.compression = b.getInt(16);
        if (h.compression == BI_RGB && h.bitCount == 8) {
            int colours = b.getInt(32);
            int entries = colours <= 0 || colours > 256 ? 256 : colours;
            h.greyOfIndex = new int[256];
            for (int i = 0; i < 256; i++) {
                int p = 40 + 4 * i;
                h.greyOfIndex[i] = i < entries && p + 3 < b.limit()
                        ? Grey.luma(b.get(p + 2) & 0xFF, b.get(p + 1) & 0xFF, b.get(p) & 0xFF) : i;
            }
        }
    }

    private static void check(BinaryInput in, Header h) {
        if (h.width < 1 || h.height == 0 || h.height == Integer.MIN_VALUE) {
            throw in.error(-1, "the AVI video format header declares " + h.width + " x " + h.height + " pixels");
        }
        boolean raw = h.compression == BI_RGB && (h.bitCount == 8 || h.bitCount == 24 || h.bitCount == 32);
        long pixels = (long) h.width * Math.abs((long) h.height);
        // JPEG shrinks a frame, but not by more than ~1000:1 even for flat images: a larger claim is corrupt
        long limit = raw ? in.length() : in.length() * 2000L;
        if (pixels > limit || pixels > PlaneVideo.MAX_ARRAY) {
            throw in.error(-1, "the AVI video format header declares " + h.width + " x " + Math.abs((long) h.height)
                    + " pixels, more than the file (" + in.length() + " bytes) can hold (corrupt header?)");
        }
        if (!raw && !isMjpeg(h.compression)) {
            throw in.error(-1, "AVI video compression " + describe(h.compression, h.bitCount) + " is not supported "
                    + "(uncompressed 8/24/32-bit and Motion JPEG are; export TIFF or re-encode with "
                    + "ffmpeg -c:v mjpeg)");
        }
    }

    private static boolean isMjpeg(int compression) {
        String c = fourcc(compression).toUpperCase(java.util.Locale.ROOT);
        return c.equals("MJPG") || c.equals("JPEG") || c.equals("AVRN") || c.equals("LJPG") || c.equals("DMB1");
    }

    private static String describe(int compression, int bitCount) {
        return compression == BI_RGB ? "uncompressed " + bitCount + "-bit" : "'" + fourcc(compression).trim() + "'";
    }

    private static String fourcc(int v) {
        byte[] b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(x >= 32 && x < 127 ? (char) x : '?');
        }
        return sb.toString();
    }

    private static String fourcc(ByteWindow w, long pos) {
        return new String(w.bytes(pos, 4, "AVI chunk header"), StandardCharsets.ISO_8859_1);
    }

    private static long u32(ByteWindow w, long pos) {
        return w.i32(pos, ByteOrder.LITTLE_ENDIAN, "AVI chunk header") & 0xFFFFFFFFL;
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        byte[] data = new byte[sizes[index]];
        in.readFully(offsets[index], data, 0, data.length, index, "AVI frame");
        return compression == BI_RGB ? uncompressed(data, index) : jpeg(data, index);
    }

    private Frame uncompressed(byte[] data, int index) {
        int stride = (int) (((long) width * bitCount + 31) / 32 * 4);
        if ((long) stride * height > data.length) {
            throw in.error(index, "the AVI frame holds " + data.length + " bytes but " + width + " x " + height
                    + " pixels of " + bitCount + " bits need " + (long) stride * height);
        }
        byte[] grey = new byte[width * height];
        int bytesPerPixel = bitCount / 8;
        for (int y = 0; y < height; y++) {
            int row = (bottomUp ? height - 1 - y : y) * stride;
            for (int x = 0; x < width; x++) {
                int p = row + x * bytesPerPixel;
                int v = bitCount == 8 ? greyOfIndex[data[p] & 0xFF]
                        : Grey.luma(data[p + 2] & 0xFF, data[p + 1] & 0xFF, data[p] & 0xFF);
                grey[y * width + x] = (byte) v;
            }
        }
        return Frame.ofBytes(width, height, grey);
    }

    private Frame jpeg(byte[] data, int index) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("the JDK has no JPEG reader");
        }
        int[] size = jpegSize(data);
        if (size != null && (size[0] != width || size[1] != height)) {
            // checked before decoding: a corrupt frame header must not make the decoder allocate for its claim
            throw in.error(index, "the JPEG frame is " + size[0] + " x " + size[1] + " but the AVI header says "
                    + width + " x " + height);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream s = ImageIO.createImageInputStream(new ByteArrayInputStream(withHuffmanTables(data)))) {
            reader.setInput(s, true, true);
            BufferedImage image = reader.read(0);
            if (image.getWidth() != width || image.getHeight() != height) {
                throw in.error(index, "the JPEG frame is " + image.getWidth() + " x " + image.getHeight()
                        + " but the AVI header says " + width + " x " + height);
            }
            return ImageFrames.toFrame(image, PixelType.UINT8, false);
        } catch (IOException | RuntimeException e) {
            if (e instanceof LptemException l) {
                throw l;
            }
            throw new LptemException(in.source(), index, "cannot decode the Motion JPEG frame: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new LptemException(in.source(), index, "corrupt Motion JPEG frame: it declares more pixels than "
                    + "memory can hold", null);
        } finally {
            reader.dispose();
        }
    }

    /**
     * Motion JPEG frames usually leave out the Huffman tables and rely on the standard ones (the AVI1 convention);
     * a JPEG decoder needs them, so they are put back after the start marker when missing.
     */
    static byte[] withHuffmanTables(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8 || hasMarker(jpeg, 0xC4)) {
            return jpeg;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + 432);
        out.write(jpeg, 0, 2);
        JPEGHuffmanTable[] tables = {JPEGHuffmanTable.StdDCLuminance, JPEGHuffmanTable.StdACLuminance,
                JPEGHuffmanTable.StdDCChrominance, JPEGHuffmanTable.StdACChrominance};
        int[] classAndId = {0x00, 0x10, 0x01, 0x11};
        for (int t = 0; t < 4; t++) {
            short[] lengths = tables[t].getLengths();
            short[] values = tables[t].getValues();
            int length = 2 + 1 + 16 + values.length;
            out.write(0xFF);
            out.write(0xC4);
            out.write(length >> 8);
            out.write(length & 0xFF);
            out.write(classAndId[t]);
            for (short l : lengths) {
                out.write(l);
            }
            for (short v : values) {
                out.write(v);
            }
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** {width, height} from the JPEG's start-of-frame segment, or null when there is none before the scan. */
    static int[] jpegSize(byte[] jpeg) {
        int p = 2;
        while (p + 9 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int marker = jpeg[p + 1] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return new int[] {((jpeg[p + 7] & 0xFF) << 8) | (jpeg[p + 8] & 0xFF),
                        ((jpeg[p + 5] & 0xFF) << 8) | (jpeg[p + 6] & 0xFF)};
            }
            if (marker == 0xDA) {
                return null;
            }
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        return null;
    }

    /** True if marker {@code code} occurs among the segments before the scan starts. */
    private static boolean hasMarker(byte[] jpeg, int code) {
        int p = 2;
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF) {
            int marker = jpeg[p + 1] & 0xFF;
            if (marker == code) {
                return true;
            }
            if (marker == 0xDA) {
                return false;
            }
            p += 2 + (((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF));
        }
        return false;
    }

    @Override
    public String source() {
        return in.source();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
