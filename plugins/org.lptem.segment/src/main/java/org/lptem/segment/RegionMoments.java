package org.lptem.segment;

import org.lptem.core.Detection;

/**
 * Shape, extent and intensity of labelled regions from their raw moments and bounding boxes, in one pass over a
 * label image. Coordinates have
 * their origin at the centre of the top-left pixel, x to the right and y down.
 */
public final class RegionMoments {
    private final int count;
    /**
     * The labels present, ascending, when {@code count} exceeds the pixel count (ids chosen by a caller, such as a
     * tracker's object ids, can reach 2^31 - 1): the sums are then kept per present label rather than per possible
     * one. Null otherwise, where a label is its own index.
     */
    private final int[] sparseIds;
    private final long[] area;
    private final double[] sumX;
    private final double[] sumY;
    private final double[] sumXX;
    private final double[] sumYY;
    private final double[] sumXY;
    private final double[] sumIntensity;
    private final int[] minX;
    private final int[] minY;
    private final int[] maxX;
    private final int[] maxY;

    private RegionMoments(int count, int[] sparseIds) {
        this.count = count;
        this.sparseIds = sparseIds;
        int slots = (sparseIds == null ? count : sparseIds.length) + 1;
        area = new long[slots];
        sumX = new double[slots];
        sumY = new double[slots];
        sumXX = new double[slots];
        sumYY = new double[slots];
        sumXY = new double[slots];
        sumIntensity = new double[slots];
        minX = new int[slots];
        minY = new int[slots];
        maxX = new int[slots];
        maxY = new int[slots];
        java.util.Arrays.fill(minX, Integer.MAX_VALUE);
        java.util.Arrays.fill(minY, Integer.MAX_VALUE);
        java.util.Arrays.fill(maxX, -1);
        java.util.Arrays.fill(maxY, -1);
    }

    /**
     * @param labels row-major label image, 0 = background, regions 1..count; count may be as large as 2^31 - 1
     *     (caller-chosen ids), memory then follows the regions present
     * @param intensity row-major image whose mean per region {@link #meanIntensity(int)} reports, or null for none
     */
    public static RegionMoments measure(int[] labels, int count, int width, float[] intensity) {
        if (width <= 0 || labels.length % width != 0 || (intensity != null && intensity.length != labels.length)) {
            throw new IllegalArgumentException("labels (" + labels.length + " px), intensities ("
                    + (intensity == null ? "none" : intensity.length + " px") + ") and width " + width
                    + " do not describe one image");
        }
        RegionMoments m = new RegionMoments(count, count > labels.length ? presentLabels(labels, count) : null);
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l == 0) {
                continue;
            }
            if (l < 0 || l > count) {
                throw new IllegalArgumentException("label " + l + " at pixel " + i + " is outside 1.." + count);
            }
            l = m.slot(l);
            int col = i % width;
            int row = i / width;
            double x = col;
            double y = row;
            m.minX[l] = Math.min(m.minX[l], col);
            m.maxX[l] = Math.max(m.maxX[l], col);
            m.minY[l] = Math.min(m.minY[l], row);
            m.maxY[l] = Math.max(m.maxY[l], row);
            m.area[l]++;
            m.sumX[l] += x;
            m.sumY[l] += y;
            m.sumXX[l] += x * x;
            m.sumYY[l] += y * y;
            m.sumXY[l] += x * y;
            m.sumIntensity[l] += intensity == null ? Double.NaN : intensity[i];
        }
        return m;
    }

    private static int[] presentLabels(int[] labels, int count) {
        int[] sorted = java.util.Arrays.stream(labels).filter(l -> l > 0 && l <= count).sorted().toArray();
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return java.util.Arrays.copyOf(sorted, n);
    }

    /**
     * Where label {@code label}'s sums are kept: the label itself, or in the sparse case its rank among the labels
     * present (0, the background's empty slot, for a label 1..count that is absent).
     */
    private int slot(int label) {
        if (sparseIds == null || label == 0) {
            return label;
        }
        if (label < 0 || label > count) {
            throw new ArrayIndexOutOfBoundsException("label " + label + " is outside 0.." + count);
        }
        int i = java.util.Arrays.binarySearch(sparseIds, label);
        return i >= 0 ? i + 1 : 0;
    }

    /** Shapes only: as {@link #measure(int[], int, int, float[])} with every mean intensity NaN. */
    public static RegionMoments measure(int[] labels, int count, int width) {
        return measure(labels, count, width, null);
    }

    /** Mean of {@code image} over each region, indexed by label (index 0 unused; NaN for an empty label). */
    public static double[] regionMeans(int[] labels, int count, float[] image) {
        double[] sum = new double[count + 1];
        long[] n = new long[count + 1];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l != 0) {
                sum[l] += image[i];
                n[l]++;
            }
        }
        for (int l = 0; l <= count; l++) {
            sum[l] = n[l] == 0 ? Double.NaN : sum[l] / n[l];
        }
        sum[0] = Double.NaN;
        return sum;
    }

    public int count() {
        return count;
    }

    /** Number of pixels of region {@code label}. */
    public long area(int label) {
        return area[slot(label)];
    }

    /** Left column of the region's bounding box (inclusive); Integer.MAX_VALUE for an empty label. */
    public int minX(int label) {
        return minX[slot(label)];
    }

    /** Top row of the bounding box (inclusive); Integer.MAX_VALUE for an empty label. */
    public int minY(int label) {
        return minY[slot(label)];
    }

    /** Right column of the bounding box (inclusive); -1 for an empty label. */
    public int maxX(int label) {
        return maxX[slot(label)];
    }

    /** Bottom row of the bounding box (inclusive); -1 for an empty label. */
    public int maxY(int label) {
        return maxY[slot(label)];
    }

    public double centroidX(int label) {
        int k = slot(label);
        return sumX[k] / area[k];
    }

    public double centroidY(int label) {
        int k = slot(label);
        return sumY[k] / area[k];
    }

    public double meanIntensity(int label) {
        int k = slot(label);
        return sumIntensity[k] / area[k];
    }

    /** Normalised second central moments {mu20, mu02, mu11} (the pixel coordinates' covariance matrix). */
    double[] covariance(int label) {
        int k = slot(label);
        double n = area[k];
        double cx = sumX[k] / n;
        double cy = sumY[k] / n;
        return new double[] {sumXX[k] / n - cx * cx, sumYY[k] / n - cy * cy, sumXY[k] / n - cx * cy};
    }

    /** Major-axis angle in degrees in (-90, 90], from +x towards +y (y down). 0 for a region without direction. */
    public double orientationDeg(int label) {
        double[] c = covariance(label);
        double deg = Math.toDegrees(0.5 * Math.atan2(2 * c[2], c[0] - c[1]));
        // atan2 reaches -pi only for a signed-zero mu11; that is the same axis as +90
        return deg <= -90 ? deg + 180 : deg;
    }

    /** Full major axis length of the ellipse with the region's second moments (4 sqrt of the larger eigenvalue). */
    public double majorAxis(int label) {
        return 4 * Math.sqrt(eigenvalue(label, +1));
    }

    /** Full minor axis length of the ellipse with the region's second moments. */
    public double minorAxis(int label) {
        return 4 * Math.sqrt(eigenvalue(label, -1));
    }

    private double eigenvalue(int label, int sign) {
        double[] c = covariance(label);
        double mean = 0.5 * (c[0] + c[1]);
        double half = 0.5 * (c[0] - c[1]);
        double radius = Math.sqrt(half * half + c[2] * c[2]);
        // rounding can push the smaller eigenvalue of a one-pixel-wide region just below zero
        return Math.max(0, mean + sign * radius);
    }

    /** The region as a detection of frame {@code frame} carrying label {@code outputLabel}. */
    public Detection toDetection(int label, int frame, double score, int outputLabel) {
        return toDetection(label, frame, score, outputLabel, 0, 0);
    }

    /** As {@link #toDetection(int, int, double, int)} for labels measured in a window whose origin is (x0, y0). */
    public Detection toDetection(int label, int frame, double score, int outputLabel, int x0, int y0) {
        return new Detection(frame, centroidX(label) + x0, centroidY(label) + y0, area(label), orientationDeg(label),
                majorAxis(label), minorAxis(label), meanIntensity(label), score, outputLabel);
    }
}
