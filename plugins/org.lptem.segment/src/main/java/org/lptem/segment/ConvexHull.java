package org.lptem.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Convex hull area of points in the plane (Andrew's monotone chain, then the shoelace formula). */
final class ConvexHull {
    private ConvexHull() {
    }

    static double area(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        int n = sorted.size();
        if (n < 3) {
            return 0;
        }
        double[][] hull = new double[2 * n][];
        int k = 0;
        for (double[] p : sorted) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            double[] p = sorted.get(i);
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                k--;
            }
            hull[k++] = p;
        }
        // the chain ends where it began; the shoelace sum over the k - 1 distinct vertices
        double twice = 0;
        for (int i = 0; i < k - 1; i++) {
            twice += hull[i][0] * hull[i + 1][1] - hull[i + 1][0] * hull[i][1];
        }
        return Math.abs(twice) / 2;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
