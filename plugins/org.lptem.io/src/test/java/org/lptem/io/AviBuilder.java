package org.lptem.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes AVI files from the RIFF/AVI description: {@code RIFF AVI} with {@code hdrl} (avih, one {@code strl} with
 * strh and a BITMAPINFOHEADER) and {@code movi} (one {@code 00dc} chunk per frame), then an {@code idx1} index.
 */
final class AviBuilder {
    final int width;
    final int height;
    final int bitCount;
    final String compression;
    final List<byte[]> frames = new ArrayList<>();
    /** A palette for 8-bit frames (BGRA entries), or null for a grey ramp. */
    int[] palette;
    boolean audioStreamFirst;

    AviBuilder(int width, int height, int bitCount, String compression) {
        this.width = width;
        this.height = height;
        this.bitCount = bitCount;
        this.compression = compression;
    }

    /** An uncompressed frame from 8-bit indices (top row first), stored bottom-up with rows padded to 4 bytes. */
    AviBuilder indexed(byte[] pixels) {
        int stride = (width + 3) / 4 * 4;
        byte[] f = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels, y * width, f, (height - 1 - y) * stride, width);
        }
        frames.add(f);
        return this;
    }

    /** An uncompressed 24-bit frame from 0xRRGGBB pixels (top row first), stored bottom-up as BGR. */
    AviBuilder rgb(int[] pixels) {
        int stride = (width * 3 + 3) / 4 * 4;
        byte[] f = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = pixels[y * width + x];
                int o = (height - 1 - y) * stride + 3 * x;
                f[o] = (byte) p;
                f[o + 1] = (byte) (p >> 8);
                f[o + 2] = (byte) (p >> 16);
            }
        }
        frames.add(f);
        return this;
    }

    /** A Motion JPEG frame; {@code stripTables} leaves out the Huffman tables, as most MJPEG writers do. */
    AviBuilder jpeg(BufferedImage image, boolean stripTables) throws Exception {
        frames.add(stripTables ? withoutHuffmanTables(encodeJpeg(image)) : encodeJpeg(image));
        return this;
    }

    static byte[] encodeJpeg(BufferedImage image) throws Exception {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(s);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            w.write(null, new IIOImage(image, null, null), p);
        }
        w.dispose();
        return out.toByteArray();
    }

    /** The JPEG without its DHT segments (the JDK writes the standard tables, so decoding must give the same). */
    static byte[] withoutHuffmanTables(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int p = 2;
        while ((jpeg[p + 1] & 0xFF) != 0xDA) {
            int length = ((jpeg[p + 2] & 0xFF) << 8) | (jpeg[p + 3] & 0xFF);
            if ((jpeg[p + 1] & 0xFF) != 0xC4) {
                out.write(jpeg, p, 2 + length);
            }
            p += 2 + length;
        }
        out.write(jpeg, p, jpeg.length - p);
        return out.toByteArray();
    }

    byte[] build() {
        ByteArrayOutputStream hdrl = new ByteArrayOutputStream();
        ByteBuffer avih = le(56).putInt(40_000).putInt(0).putInt(0).putInt(0x10).putInt(frames.size()).putInt(0)
                .putInt(audioStreamFirst ? 2 : 1).putInt(0).putInt(width).putInt(height);
        chunk(hdrl, "avih", avih.array());
        if (audioStreamFirst) {
            ByteArrayOutputStream strl = new ByteArrayOutputStream();
            chunk(strl, "strh", le(56).put(ascii("auds")).array());
            chunk(strl, "strf", le(18).putShort((short) 1).array());
            list(hdrl, "strl", strl.toByteArray());
        }
        ByteArrayOutputStream strl = new ByteArrayOutputStream();
        ByteBuffer strh = le(56).put(ascii("vids")).put(ascii(compression == null ? "DIB " : compression));
        strh.putInt(20, 1).putInt(24, 25).putInt(32, frames.size());
        chunk(strl, "strh", strh.array());
        int paletteEntries = bitCount == 8 ? 256 : 0;
        ByteBuffer bih = le(40 + 4 * paletteEntries).putInt(40).putInt(width).putInt(height).putShort((short) 1)
                .putShort((short) bitCount).put(compression == null ? new byte[4] : ascii(compression))
                .putInt(0).putInt(0).putInt(0).putInt(paletteEntries).putInt(0);
        for (int i = 0; i < paletteEntries; i++) {
            bih.putInt(palette == null ? (i << 16) | (i << 8) | i : palette[i]);
        }
        chunk(strl, "strf", bih.array());
        list(hdrl, "strl", strl.toByteArray());
        ByteArrayOutputStream movi = new ByteArrayOutputStream();
        String stream = audioStreamFirst ? "01" : "00";
        if (audioStreamFirst) {
            chunk(movi, "00wb", new byte[7]); // an odd-sized audio chunk, padded
        }
        ByteArrayOutputStream idx = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            int offset = movi.size() + 4;
            chunk(movi, stream + "dc", f);
            idx.writeBytes(ascii(stream + "dc"));
            idx.writeBytes(le(12).putInt(0x10).putInt(offset).putInt(f.length).array());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("AVI "));
        list(body, "hdrl", hdrl.toByteArray());
        chunk(body, "JUNK", new byte[13]);
        list(body, "movi", movi.toByteArray());
        chunk(body, "idx1", idx.toByteArray());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ascii("RIFF"));
        file.writeBytes(le(4).putInt(body.size()).array());
        file.writeBytes(body.toByteArray());
        return file.toByteArray();
    }

    Path writeTo(Path file) throws Exception {
        Files.write(file, build());
        return file;
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] data) {
        out.writeBytes(ascii(id));
        out.writeBytes(le(4).putInt(data.length).array());
        out.writeBytes(data);
        if ((data.length & 1) != 0) {
            out.write(0);
        }
    }

    private static void list(ByteArrayOutputStream out, String type, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(ascii(type));
        b.writeBytes(content);
        chunk(out, "LIST", b.toByteArray());
    }
}
