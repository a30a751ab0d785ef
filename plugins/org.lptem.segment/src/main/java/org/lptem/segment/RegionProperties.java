package org.lptem.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything {@link Region} reports for every region of a label image: moments in one pass
 * ({@link RegionMoments}), then bounding boxes, outlines and convex hulls in two more.
 */
public final class RegionProperties {
    /** scikit-image's perimeter weights, indexed by the configuration code of a border pixel (see below). */
    private static final double[] PERIMETER_WEIGHTS = new double[50];

    static {
        for (int code : new int[] {5, 7, 15, 17, 25, 27}) {
            PERIMETER_WEIGHTS[code] = 1;
        }
        PERIMETER_WEIGHTS[21] = Math.sqrt(2);
        PERIMETER_WEIGHTS[33] = Math.sqrt(2);
        PERIMETER_WEIGHTS[13] = (1 + Math.sqrt(2)) / 2;
        PERIMETER_WEIGHTS[23] = (1 + Math.sqrt(2)) / 2;
    }

    private RegionProperties() {
    }

    /**
     * @param labels row-major label image with regions 1..count (empty labels are skipped)
     * @param intensity image whose mean each region reports (same size)
     */
    public static List<Region> measure(int[] labels, int count, int width, float[] intensity) {
        RegionMoments moments = RegionMoments.measure(labels, count, width, intensity);
        int height = labels.length / width;
        double[] perimeter = perimeters(labels, count, width, height);
        double[] hullArea = hullAreas(labels, count, width, moments);
        List<Region> regions = new ArrayList<>();
        for (int l = 1; l <= count; l++) {
            long area = moments.area(l);
            if (area == 0) {
                continue;
            }
            double major = moments.majorAxis(l);
            double minor = moments.minorAxis(l);
            double eccentricity = major > 0 ? Math.sqrt(Math.max(0, 1 - (minor * minor) / (major * major))) : 0;
            regions.add(new Region(l, area, moments.centroidX(l), moments.centroidY(l), moments.orientationDeg(l),
                    major, minor, eccentricity, perimeter[l], area / hullArea[l], moments.minX(l), moments.minY(l),
                    moments.maxX(l), moments.maxY(l), moments.meanIntensity(l)));
        }
        return regions;
    }

    /**
     * A region's border pixels are those with a 4-neighbour outside it (or outside the image). Each is coded 1 +
     * 2 x (its 4-neighbours on the same border) + 10 x (its diagonal neighbours on the same border), and the code
     * picks its share of the outline's length.
     */
    private static double[] perimeters(int[] labels, int count, int width, int height) {
        boolean[] border = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l == 0) {
                continue;
            }
            int x = i % width;
            int y = i / width;
            border[i] = x == 0 || y == 0 || x == width - 1 || y == height - 1 || labels[i - 1] != l
                    || labels[i + 1] != l || labels[i - width] != l || labels[i + width] != l;
        }
        double[] perimeter = new double[count + 1];
        for (int i = 0; i < labels.length; i++) {
            if (!border[i]) {
                continue;
            }
            int l = labels[i];
            int x = i % width;
            int y = i / width;
            int code = 1;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int qx = x + dx;
                    int qy = y + dy;
                    if ((dx == 0 && dy == 0) || qx < 0 || qy < 0 || qx >= width || qy >= height) {
                        continue;
                    }
                    int q = qy * width + qx;
                    if (border[q] && labels[q] == l) {
                        code += dx == 0 || dy == 0 ? 2 : 10;
                    }
                }
            }
            perimeter[l] += PERIMETER_WEIGHTS[code];
        }
        return perimeter;
    }

    /** Area of the convex hull of each region's pixel squares, from the extreme pixels of each row. */
    private static double[] hullAreas(int[] labels, int count, int width, RegionMoments moments) {
        int[][] rowStart = new int[count + 1][];
        int[][] rowEnd = new int[count + 1][];
        for (int l = 1; l <= count; l++) {
            if (moments.area(l) > 0) {
                rowStart[l] = new int[moments.maxY(l) - moments.minY(l) + 1];
                rowEnd[l] = new int[rowStart[l].length];
                Arrays.fill(rowStart[l], Integer.MAX_VALUE);
                Arrays.fill(rowEnd[l], -1);
            }
        }
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l != 0) {
                int x = i % width;
                int r = i / width - moments.minY(l);
                rowStart[l][r] = Math.min(rowStart[l][r], x);
                rowEnd[l][r] = Math.max(rowEnd[l][r], x);
            }
        }
        double[] areas = new double[count + 1];
        for (int l = 1; l <= count; l++) {
            if (rowStart[l] == null) {
                continue;
            }
            List<double[]> corners = new ArrayList<>();
            for (int r = 0; r < rowStart[l].length; r++) {
                if (rowEnd[l][r] < 0) {
                    continue;
                }
                double y = moments.minY(l) + r;
                double left = rowStart[l][r] - 0.5;
                double right = rowEnd[l][r] + 0.5;
                corners.add(new double[] {left, y - 0.5});
                corners.add(new double[] {left, y + 0.5});
                corners.add(new double[] {right, y - 0.5});
                corners.add(new double[] {right, y + 0.5});
            }
            areas[l] = ConvexHull.area(corners);
        }
        return areas;
    }
}
