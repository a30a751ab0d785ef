package org.lptem.io.samem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.io.CsvReader;
import org.lptem.io.CsvWriter;

/**
 * The output folder of SAM-EM (and SAM4EM), so results move between the tools: {@code npz/{frame:06d}.npz} with
 * {@code obj_ids} (int32, N) and {@code masks} (uint8, N x H x W, 1 inside), and {@code trajectories.csv} with
 * {@code frame, particle_id, x, y, angle}: x and y the mean column and row of the mask's pixels (origin at the centre
 * of the top-left pixel, y down), angle the major axis in degrees in (-90, 90] from the central moments (the
 * conventions of {@link Detection}).
 */
public final class SamEmOutput {
    public static final String NPZ_FOLDER = "npz";
    public static final String TRAJECTORIES = "trajectories.csv";
    private static final Pattern FRAME_FILE = Pattern.compile("(\\d+)\\.npz");

    private SamEmOutput() {
    }

    /** One frame of a SAM-EM folder: object ids and one mask per object. */
    public record FrameMasks(int frame, int width, int height, int[] objIds, boolean[][] masks) {

        /**
         * The masks as one label image whose value is the object id (0 = background).
         *
         * @throws LptemException naming the frame when two objects claim one pixel (SAM-EM does not forbid it, a
         *     label image cannot hold it)
         */
        public int[] toLabels(String source) {
            int[] labels = new int[width * height];
            for (int k = 0; k < objIds.length; k++) {
                boolean[] m = masks[k];
                for (int i = 0; i < m.length; i++) {
                    if (m[i]) {
                        if (labels[i] != 0) {
                            throw LptemException.inFrame(source, frame, "objects " + labels[i] + " and " + objIds[k]
                                    + " both own pixel (" + i % width + ", " + i / width + ")", null);
                        }
                        labels[i] = objIds[k];
                    }
                }
            }
            return labels;
        }
    }

    /** Writes a SAM-EM folder frame by frame; {@link #close()} publishes {@code trajectories.csv}. */
    public static final class Writer implements AutoCloseable {
        private final Path folder;
        private final CsvWriter trajectories;

        public Writer(Path folder) {
            this.folder = folder;
            try {
                Files.createDirectories(folder.resolve(NPZ_FOLDER));
            } catch (IOException e) {
                throw LptemException.inFile(folder, "cannot create the SAM-EM folder: " + e, e);
            }
            this.trajectories = new CsvWriter(folder.resolve(TRAJECTORIES), "frame", "particle_id", "x", "y",
                    "angle");
        }

        /**
         * Writes one frame.
         *
         * @param labels row-major label image whose values are object ids (0 = background)
         * @param detections one per object, {@link Detection#label()} = object id; their positions and orientations
         *     become the trajectory rows
         */
        public void write(int frame, int width, int height, int[] labels, List<Detection> detections) {
            if (labels.length != (long) width * height) {
                throw new IllegalArgumentException("label image of " + labels.length + " px is not " + width + " x "
                        + height);
            }
            MaskStack masks = MaskStack.of(labels);
            int[] objIds = masks.objIds();
            long[] shape = {objIds.length, height, width};
            Map<String, Npz.Entry> entries = new LinkedHashMap<>();
            entries.put("obj_ids", out -> out.write(NpyArray.ofInt32(objIds, objIds.length).toBytes()));
            entries.put("masks", out -> {
                out.write(NpyArray.header("u1", shape));
                masks.writeTo(out);
            });
            Npz.writeEntries(npzFile(folder, frame), entries);
            List<Detection> sorted = new ArrayList<>(detections);
            sorted.sort(Comparator.comparingInt(Detection::label));
            for (Detection d : sorted) {
                if (Arrays.binarySearch(objIds, d.label()) < 0) {
                    throw new IllegalArgumentException("frame " + frame + ": detection of object " + d.label()
                            + " has no pixels in the label image");
                }
                trajectories.row(frame, d.label(), d.x(), d.y(), d.orientationDeg());
            }
        }

        /** Discards {@code trajectories.csv}; npz files already written stay (callers stage the folder). */
        public void abort() {
            trajectories.abort();
        }

        @Override
        public void close() {
            trajectories.close();
        }
    }

    public static Path npzFile(Path folder, int frame) {
        return folder.resolve(NPZ_FOLDER).resolve(String.format(Locale.ROOT, "%06d.npz", frame));
    }

    /** The frame numbers of the folder's npz files, in increasing order. */
    public static List<Integer> frames(Path folder) {
        Path npz = folder.resolve(NPZ_FOLDER);
        if (!Files.isDirectory(npz)) {
            throw LptemException.inFile(folder, "not a SAM-EM output folder (no " + NPZ_FOLDER + "/ inside)");
        }
        try (Stream<Path> files = Files.list(npz)) {
            List<Integer> frames = new ArrayList<>();
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = FRAME_FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    frames.add(Integer.parseInt(m.group(1)));
                }
            }
            frames.sort(null);
            return frames;
        } catch (IOException | NumberFormatException e) {
            throw LptemException.inFile(npz, "cannot list the frames: " + e, e);
        }
    }

    /**
     * Reads one frame's npz.
     *
     * @throws LptemException naming the file when {@code obj_ids} or {@code masks} is missing or their shapes
     *     disagree
     */
    public static FrameMasks readFrame(Path folder, int frame) {
        Path file = npzFile(folder, frame);
        Map<String, NpyArray> arrays = Npz.read(file);
        NpyArray ids = arrays.get("obj_ids");
        NpyArray masks = arrays.get("masks");
        if (ids == null || masks == null) {
            throw LptemException.inFile(file, "needs arrays obj_ids and masks, has " + arrays.keySet());
        }
        if (ids.shape().length != 1) {
            throw LptemException.inFile(file, "obj_ids has shape " + Arrays.toString(ids.shape()) + ", expected (N,)");
        }
        long[] s = masks.shape();
        // SAM-EM's masks are N x H x W; a single object is sometimes saved without the N axis
        if (s.length == 2 && ids.shape()[0] == 1) {
            s = new long[] {1, s[0], s[1]};
        }
        if (s.length != 3 || s[0] != ids.shape()[0] || s[1] == 0 || s[2] == 0) {
            throw LptemException.inFile(file, "masks has shape " + Arrays.toString(masks.shape()) + " but obj_ids has "
                    + ids.shape()[0] + " objects (expected N x H x W)");
        }
        int n = (int) s[0];
        int height = Math.toIntExact(s[1]);
        int width = Math.toIntExact(s[2]);
        int[] objIds = ids.toIntArray(file + ": obj_ids");
        boolean[][] m = new boolean[n][width * height];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < width * height; i++) {
                m[k][i] = masks.get(k * width * height + i) != 0;
            }
        }
        return new FrameMasks(frame, width, height, objIds, m);
    }

    /**
     * Reads {@code trajectories.csv}: one detection per row with frame, position (px), orientation (deg) and the
     * particle id as its label.
     */
    public static List<Detection> readTrajectories(Path folder) {
        Path file = folder.resolve(TRAJECTORIES);
        List<Detection> out = new ArrayList<>();
        try (CsvReader csv = CsvReader.open(file)) {
            String frame = csv.requireColumn("frame");
            String id = csv.requireColumn("particle_id");
            String x = csv.requireColumn("x");
            String y = csv.requireColumn("y");
            boolean hasAngle = csv.hasColumn("angle");
            for (CsvReader.Row r; (r = csv.next()) != null;) {
                // as for our own detection tables: a bad frame or position is named here, not met later as a wrong track
                out.add(new Detection(r.getNonNegativeInt(frame), r.getFiniteDouble(x), r.getFiniteDouble(y),
                        Double.NaN, hasAngle ? r.getDouble("angle", Double.NaN) : Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, r.getInt(id)));
            }
        }
        return out;
    }
}
