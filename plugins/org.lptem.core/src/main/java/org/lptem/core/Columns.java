package org.lptem.core;

/**
 * Column names of every table the project reads and writes (CSV files, KNIME tables). A column with a physical
 * quantity names its unit: {@code _px}, {@code _nm}, {@code _s}, {@code _deg}; {@code x} and {@code y} are pixels
 * (trackpy's and SAM-EM's convention), calibrated copies carry {@code _nm}.
 */
public final class Columns {
    private Columns() {
    }

    /** 0-based frame index. */
    public static final String FRAME = "frame";
    /** Track id, 1-based. */
    public static final String PARTICLE = "particle";
    /** Centroid column, px. */
    public static final String X = "x";
    /** Centroid row, px. */
    public static final String Y = "y";
    public static final String X_NM = "x_nm";
    public static final String Y_NM = "y_nm";
    /** Time of the frame, s (frame x s/frame). */
    public static final String T_S = "t_s";
    public static final String AREA_PX2 = "area_px2";
    public static final String AREA_NM2 = "area_nm2";
    public static final String ORIENTATION_DEG = "orientation_deg";
    public static final String MAJOR_AXIS_PX = "major_axis_px";
    public static final String MINOR_AXIS_PX = "minor_axis_px";
    public static final String MEAN_INTENSITY = "mean_intensity";
    public static final String SCORE = "score";
    public static final String LABEL = "label";

    /** Merge and split events of the linker: {@code merge} or {@code split}. */
    public static final String EVENT = "event";
    /** The track another one merges into or splits from. */
    public static final String OTHER_PARTICLE = "other_particle";

    /** MSD tables. */
    public static final String LAG_FRAMES = "lag_frames";
    public static final String LAG_S = "lag_s";
    public static final String MSD_PX2 = "msd_px2";
    public static final String MSD_NM2 = "msd_nm2";
    /** Number of displacements (or tracks) averaged. */
    public static final String N = "n";
}
