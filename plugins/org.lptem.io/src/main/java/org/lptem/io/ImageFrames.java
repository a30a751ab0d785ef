package org.lptem.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

import org.lptem.core.Frame;
import org.lptem.core.PixelType;

/**
 * Java2D images (from the JDK's PNG/JPEG readers and TwelveMonkeys' TIFF reader) to frames. Grey images keep their
 * sample type; colour becomes luminance of the same bit depth; palettes and sub-byte samples go through sRGB.
 */
final class ImageFrames {
    private ImageFrames() {
    }

    /** The pixel type frames of this colour and sample model become, or null if we cannot represent it. */
    static PixelType pixelType(ColorModel cm, SampleModel sm) {
        if (usesRgbFallback(cm, sm)) {
            return PixelType.UINT8;
        }
        int colours = cm.getNumColorComponents();
        int dataType = sm.getDataType();
        if (colours == 1) {
            return switch (dataType) {
                case DataBuffer.TYPE_BYTE -> PixelType.UINT8;
                case DataBuffer.TYPE_USHORT -> PixelType.UINT16;
                case DataBuffer.TYPE_SHORT -> PixelType.INT16;
                case DataBuffer.TYPE_INT -> PixelType.INT32;
                case DataBuffer.TYPE_FLOAT -> PixelType.FLOAT32;
                default -> null;
            };
        }
        if (colours == 3) {
            return switch (dataType) {
                case DataBuffer.TYPE_BYTE -> PixelType.UINT8;
                case DataBuffer.TYPE_USHORT -> PixelType.UINT16;
                default -> null;
            };
        }
        return null;
    }

    /** Palettes, bit-packed samples and packed-int RGB are best read through the colour model as 8-bit sRGB. */
    private static boolean usesRgbFallback(ColorModel cm, SampleModel sm) {
        if (cm instanceof IndexColorModel) {
            return true;
        }
        for (int size : sm.getSampleSize()) {
            if (size < 8) {
                return true;
            }
        }
        return cm.getNumColorComponents() == 3 && sm.getDataType() == DataBuffer.TYPE_INT;
    }

    /**
     * Converts a decoded image to a frame of {@code type} (as announced by {@link #pixelType}, or by the TIFF tags
     * for TwelveMonkeys' images). {@code signedBytes}: 8-bit samples are signed and widen with their sign.
     */
    static Frame toFrame(BufferedImage image, PixelType type, boolean signedBytes) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        int w = raster.getWidth();
        int h = raster.getHeight();
        Frame frame = Frame.blank(w, h, type);
        if (usesRgbFallback(cm, raster.getSampleModel())) {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                int p = argb[i];
                frame.set(i, Grey.luma((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF));
            }
        } else if (cm.getNumColorComponents() >= 3) {
            int[] r = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            int[] g = raster.getSamples(0, 0, w, h, 1, (int[]) null);
            int[] b = raster.getSamples(0, 0, w, h, 2, (int[]) null);
            for (int i = 0; i < r.length; i++) {
                frame.set(i, Grey.luma(r[i], g[i], b[i]));
            }
        } else {
            copyGreyBand(raster, frame, signedBytes);
        }
        return frame;
    }

    /** A frame of {@code type} holding band 0 of {@code raster} as stored, whatever colour model it came with. */
    static Frame greyFrame(Raster raster, PixelType type, boolean signedBytes) {
        Frame frame = Frame.blank(raster.getWidth(), raster.getHeight(), type);
        copyGreyBand(raster, frame, signedBytes);
        return frame;
    }

    private static void copyGreyBand(Raster raster, Frame frame, boolean signedBytes) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        // A raster read on its own may start anywhere; a BufferedImage's starts at (0, 0).
        int x0 = raster.getMinX();
        int y0 = raster.getMinY();
        Object samples = frame.samples();
        if (frame.type() == PixelType.FLOAT32) {
            raster.getSamples(x0, y0, w, h, 0, (float[]) samples);
            return;
        }
        // getSamples returns each sample's raw bits as an int, which is exact for every integer type we store.
        int[] v = raster.getSamples(x0, y0, w, h, 0, (int[]) null);
        switch (frame.type()) {
            case UINT8 -> {
                byte[] out = (byte[]) samples;
                for (int i = 0; i < v.length; i++) {
                    out[i] = (byte) v[i];
                }
            }
            case INT16, UINT16 -> {
                short[] out = (short[]) samples;
                for (int i = 0; i < v.length; i++) {
                    out[i] = signedBytes ? (short) (byte) v[i] : (short) v[i];
                }
            }
            case INT32, UINT32 -> System.arraycopy(v, 0, samples, 0, v.length);
            default -> throw new IllegalStateException("unexpected type " + frame.type());
        }
    }
}
