package org.lptem.io;

/**
 * Colour to grey. Electron micrographs are grey; colour files are usually exports with a colour map or annotations,
 * so luminance (ITU-R BT.601 weights, as in Pillow's "L" mode and Java's sRGB-to-grey) keeps the contrast a viewer
 * saw.
 */
final class Grey {
    private Grey() {
    }

    /** Rounded BT.601 luminance of integer channels of any bit depth (up to 16 bits). */
    static int luma(int r, int g, int b) {
        return (299 * r + 587 * g + 114 * b + 500) / 1000;
    }
}
