package org.lptem.core;

/** Sample type of a video's pixels, as stored in the file. */
public enum PixelType {
    UINT8(8, false, false),
    INT16(16, true, false),
    UINT16(16, false, false),
    INT32(32, true, false),
    UINT32(32, false, false),
    FLOAT32(32, true, true);

    private final int bits;
    private final boolean signed;
    private final boolean floatingPoint;

    PixelType(int bits, boolean signed, boolean floatingPoint) {
        this.bits = bits;
        this.signed = signed;
        this.floatingPoint = floatingPoint;
    }

    public int bits() {
        return bits;
    }

    public int bytesPerPixel() {
        return bits / 8;
    }

    public boolean isSigned() {
        return signed;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** Lower-case name used in CLI output and KNIME tables, e.g. {@code uint16}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
