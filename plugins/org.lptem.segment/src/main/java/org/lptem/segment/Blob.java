package org.lptem.segment;

/**
 * A particle candidate found by {@link BlobDetector}.
 *
 * @param x centre column, px (sub-pixel; origin at the centre of the top-left pixel)
 * @param y centre row, px
 * @param radiusPx the particle radius of the matched filter that responded most significantly, px
 * @param significance that filter's response in noise sigmas of the response
 */
public record Blob(double x, double y, double radiusPx, double significance) {
}
