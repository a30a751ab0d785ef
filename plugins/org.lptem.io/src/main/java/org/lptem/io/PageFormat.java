package org.lptem.io;

import org.lptem.core.PixelType;

/**
 * What one TIFF page holds, as declared by its tags: enough to decide which decoder reads it, what {@link PixelType}
 * it yields and whether two pages can belong to one video.
 */
record PageFormat(int width, int height, int samplesPerPixel, int bitsPerSample, int sampleFormat, int compression,
        int photometric, int planarConfiguration, boolean tiled) {

    /** Compressions TwelveMonkeys decodes for us: LZW, old and new JPEG, Deflate (both codes), PackBits. */
    private static final java.util.Set<Integer> DELEGATED_COMPRESSIONS = java.util.Set.of(5, 6, 7, 8, 32946, 32773);

    /** Java arrays hold at most this many elements; a frame must fit in one. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    static PageFormat of(Ifd ifd, TiffInput in) {
        int page = ifd.page();
        long width = ifd.longValue(TiffTags.IMAGE_WIDTH, "ImageWidth", -1);
        long height = ifd.longValue(TiffTags.IMAGE_LENGTH, "ImageLength", -1);
        if (width < 1 || height < 1) {
            throw in.error(page, "has no valid image size (ImageWidth " + (width < 0 ? "missing" : width)
                    + ", ImageLength " + (height < 0 ? "missing" : height) + ")");
        }
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw in.error(page, "declares " + width + " x " + height
                    + " pixels, more than one frame can hold (2^31)");
        }
        long spp = ifd.longValue(TiffTags.SAMPLES_PER_PIXEL, "SamplesPerPixel", 1);
        if (spp < 1 || spp > 16) {
            throw in.error(page, "declares " + spp + " samples per pixel");
        }
        long bits = ifd.uniformValue(TiffTags.BITS_PER_SAMPLE, "BitsPerSample", 1);
        long format = ifd.uniformValue(TiffTags.SAMPLE_FORMAT, "SampleFormat", TiffTags.SAMPLE_FORMAT_UINT);
        long compression = ifd.longValue(TiffTags.COMPRESSION, "Compression", TiffTags.COMPRESSION_NONE);
        long photometric = ifd.longValue(TiffTags.PHOTOMETRIC, "PhotometricInterpretation",
                spp >= 3 ? TiffTags.PHOTOMETRIC_RGB : TiffTags.PHOTOMETRIC_MIN_IS_BLACK);
        long planar = ifd.longValue(TiffTags.PLANAR_CONFIGURATION, "PlanarConfiguration", 1);
        boolean tiled = ifd.has(TiffTags.TILE_WIDTH) || ifd.has(TiffTags.TILE_OFFSETS);
        PageFormat f = new PageFormat((int) width, (int) height, (int) spp, (int) Math.min(bits, 1 << 16),
                (int) Math.min(format, 1 << 16), (int) Math.min(compression, 1 << 20),
                (int) Math.min(photometric, 1 << 16), (int) Math.min(planar, 1 << 16), tiled);
        f.check(in, page);
        return f;
    }

    /** Rejects what neither our decoder nor TwelveMonkeys turns into one of our pixel types. */
    private void check(TiffInput in, int page) {
        pixelType(in, page);
        if (compression != TiffTags.COMPRESSION_NONE && !DELEGATED_COMPRESSIONS.contains(compression)) {
            throw in.error(page, "TIFF compression " + compression + compressionName()
                    + " is not supported (uncompressed, LZW, Deflate, PackBits and JPEG are)");
        }
        if (planarConfiguration != 1 && planarConfiguration != 2) {
            throw in.error(page, "PlanarConfiguration " + planarConfiguration + " is not 1 or 2");
        }
        long bytes = frameBytes();
        // Compression can shrink data, but not without limit: Deflate and LZW stay below ~1400:1 even for constant
        // images, so a page claiming more than that over the whole file has corrupt dimensions.
        long limit = compression == TiffTags.COMPRESSION_NONE ? in.length() : in.length() * 2000L;
        if (bytes > limit) {
            throw in.error(page, "declares " + width + " x " + height + " pixels of "
                    + describeSamples() + " (" + bytes + " bytes) but the file has only " + in.length()
                    + " bytes (corrupt dimensions or truncated file)");
        }
        if ((long) width * height > MAX_ARRAY || bytes > MAX_ARRAY) {
            throw in.error(page, "declares " + width + " x " + height + " pixels of " + describeSamples() + " ("
                    + bytes + " bytes), more than one frame can hold (2^31)");
        }
    }

    private String compressionName() {
        return switch (compression) {
            case 2 -> " (CCITT RLE)";
            case 3, 4 -> " (CCITT fax)";
            case 34712 -> " (JPEG 2000)";
            case 50000 -> " (Zstandard)";
            case 34887 -> " (LERC)";
            default -> "";
        };
    }

    boolean isRgb() {
        return photometric == TiffTags.PHOTOMETRIC_RGB || photometric == 6; // 6 = YCbCr, decoded to RGB
    }

    boolean isPalette() {
        return photometric == TiffTags.PHOTOMETRIC_PALETTE;
    }

    /**
     * The pixel type of frames read from this page. Grey pages keep their sample type (signed 8-bit widens to
     * INT16; MinIsWhite values are kept as stored, not inverted, so they stay the detector's counts); RGB and palette
     * pages become luminance of the same bit depth.
     */
    PixelType pixelType(TiffInput in, int page) {
        if (isPalette()) {
            if (bitsPerSample > 8 || samplesPerPixel != 1) {
                throw in.error(page, "palette images with " + bitsPerSample + "-bit indices are not supported");
            }
            return PixelType.UINT8;
        }
        if (isRgb()) {
            if (samplesPerPixel < 3) {
                throw in.error(page, "RGB page with only " + samplesPerPixel + " samples per pixel");
            }
            if (sampleFormat == TiffTags.SAMPLE_FORMAT_UINT && bitsPerSample == 8) {
                return PixelType.UINT8;
            }
            if (sampleFormat == TiffTags.SAMPLE_FORMAT_UINT && bitsPerSample == 16) {
                return PixelType.UINT16;
            }
            throw in.error(page, "RGB with " + describeSamples() + " per channel is not supported (8 or 16-bit "
                    + "unsigned are)");
        }
        if (photometric != TiffTags.PHOTOMETRIC_MIN_IS_BLACK && photometric != TiffTags.PHOTOMETRIC_MIN_IS_WHITE) {
            throw in.error(page, "PhotometricInterpretation " + photometric
                    + " is not supported (grey, RGB and palette are)");
        }
        PixelType t = switch (sampleFormat * 100 + bitsPerSample) {
            case 108 -> PixelType.UINT8;
            case 208, 216 -> PixelType.INT16;
            case 116 -> PixelType.UINT16;
            case 132 -> PixelType.UINT32;
            case 232 -> PixelType.INT32;
            case 332 -> PixelType.FLOAT32;
            default -> null;
        };
        if (t == null) {
            throw in.error(page, describeSamples() + " samples are not supported (8, 16 or 32-bit integers "
                    + "and 32-bit float are)");
        }
        return t;
    }

    String describeSamples() {
        String kind = switch (sampleFormat) {
            case TiffTags.SAMPLE_FORMAT_UINT -> "unsigned integer";
            case TiffTags.SAMPLE_FORMAT_INT -> "signed integer";
            case TiffTags.SAMPLE_FORMAT_FLOAT -> "floating-point";
            default -> "SampleFormat " + sampleFormat;
        };
        return bitsPerSample + "-bit " + kind;
    }

    /** True when our own strip reader handles the page: uncompressed, striped, interleaved samples. */
    boolean isPlainStrips() {
        return compression == TiffTags.COMPRESSION_NONE && !tiled && photometric <= TiffTags.PHOTOMETRIC_RGB
                && (planarConfiguration == 1 || samplesPerPixel == 1) && bitsPerSample % 8 == 0;
    }

    int bytesPerSample() {
        return bitsPerSample / 8;
    }

    /** Size of the decoded page in bytes as stored (all samples). */
    long frameBytes() {
        try {
            return Math.multiplyExact(Math.multiplyExact((long) width * height, samplesPerPixel),
                    Math.max(1, (bitsPerSample + 7) / 8));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE; // only corrupt tags get here, and every size check rejects this
        }
    }

    /** True if frames of this page and of {@code other} can share one video. */
    boolean sameFrameShape(PageFormat other) {
        return width == other.width && height == other.height && samplesPerPixel == other.samplesPerPixel
                && bitsPerSample == other.bitsPerSample && sampleFormat == other.sampleFormat
                && photometric == other.photometric;
    }

    String describe() {
        return width + " x " + height + " " + (samplesPerPixel == 1 ? "" : samplesPerPixel + " x ")
                + describeSamples();
    }
}
