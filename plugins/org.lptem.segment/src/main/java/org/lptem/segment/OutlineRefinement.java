package org.lptem.segment;

/**
 * Replaces flooded regions by star outlines ({@link StarOutline}), each refined {@value #ROUNDS} times: the edge
 * level is {@code edgeFraction} of the mean relative contrast inside the previous outline (the flooded region at
 * first), and the centre is that outline's centroid. A mean over hundreds of pixels is far steadier than a particle's
 * central contrast, and a level tied to it suits any profile: 0.45 of the mean puts the edge of a flat particle at its
 * half-contrast line and that of a sphere (whose contrast falls like sqrt(1 - r^2 / R^2)) at 95 % of R.
 */
final class OutlineRefinement {
    static final int ROUNDS = 3;
    /** Rays reach half as far again as the flooded region (and at most a few detection radii). */
    static final double RAY_REACH_PER_EXTENT = 1.5;
    /** Pixels at half the particle's contrast or more are its core, whose centroid starts the rays. */
    static final double CORE_LEVEL = 0.5;

    private OutlineRefinement() {
    }

    /**
     * @param relative relative contrast of the window ({@link LocalContrast#relative})
     * @param regions flooded regions 1..count; they also stop each other's rays
     * @param maxRadius for each region, the longest ray allowed
     * @return the outlines, row-major, labels as in {@code regions} (a pixel claimed twice keeps the first label)
     */
    static int[] outline(float[] relative, int[] regions, int count, int width, int height, double[] maxRadius,
            double edgeFraction) {
        int[] out = new int[regions.length];
        for (int l = 1; l <= count; l++) {
            Stats flooded = Stats.of(relative, width, regions, l);
            if (flooded.pixels == 0) {
                continue;
            }
            double cx = flooded.coreX;
            double cy = flooded.coreY;
            double level = edgeFraction * flooded.meanRelative;
            double reach = Math.min(RAY_REACH_PER_EXTENT * flooded.extent(regions, width, l, cx, cy) + 2,
                    maxRadius[l]);
            StarOutline star = StarOutline.fit(relative, regions, width, height, l, cx, cy, level, reach);
            for (int round = 1; round < ROUNDS; round++) {
                Stats inside = Stats.of(relative, width, height, star, regions, l);
                if (inside.pixels == 0) {
                    break;
                }
                star = StarOutline.fit(relative, regions, width, height, l, inside.meanX, inside.meanY,
                        edgeFraction * inside.meanRelative, reach);
            }
            int label = l;
            star.forEachPixel(regions, width, height, l, i -> {
                if (out[i] == 0) {
                    out[i] = label;
                }
            });
        }
        return out;
    }

    /** Count, centroid, centroid of the core and mean relative contrast of a set of pixels. */
    private static final class Stats {
        long pixels;
        double meanX;
        double meanY;
        double coreX;
        double coreY;
        double meanRelative;
        private long core;

        static Stats of(float[] relative, int width, int[] regions, int label) {
            Stats s = new Stats();
            for (int i = 0; i < regions.length; i++) {
                if (regions[i] == label) {
                    s.add(i, width, relative[i]);
                }
            }
            return s.finish();
        }

        static Stats of(float[] relative, int width, int height, StarOutline star, int[] owners, int label) {
            Stats s = new Stats();
            star.forEachPixel(owners, width, height, label, i -> s.add(i, width, relative[i]));
            return s.finish();
        }

        private void add(int i, int width, float value) {
            int x = i % width;
            int y = i / width;
            pixels++;
            meanX += x;
            meanY += y;
            meanRelative += value;
            if (value >= CORE_LEVEL) {
                core++;
                coreX += x;
                coreY += y;
            }
        }

        private Stats finish() {
            if (pixels > 0) {
                meanX /= pixels;
                meanY /= pixels;
                meanRelative /= pixels;
            }
            coreX = core > 0 ? coreX / core : meanX;
            coreY = core > 0 ? coreY / core : meanY;
            return this;
        }

        /** Distance from (cx, cy) to the farthest pixel of the region. */
        double extent(int[] regions, int width, int label, double cx, double cy) {
            double extent = 0;
            for (int i = 0; i < regions.length; i++) {
                if (regions[i] == label) {
                    extent = Math.max(extent, LocalContrast.distance(i % width - cx, i / width - cy));
                }
            }
            return extent;
        }
    }
}
